import type { WeeklyCaseRow, WeeklyFigures } from '../../contract/calls/reports';
import { TRANSFER_MODES, DIRECTIONS } from '../../contract/vocabulary';
import type { CoreApp } from '../app';
import { loadCalendar } from '../calendar/calendar';
import { daysBetween, plusDays } from '../ledger/dates';
import { getSettings } from '../settings/settings';
import { ACTIVE_STATES, transfersAsOf, type TransferAsOf } from './asOf';
import { correctionsIn } from './corrections';
import { overdueAsOf, type CaseFacts, type Unpaid } from './overdue';
import { reportWeek, shiftWeek } from './week';
import { byCaseNo } from './format';
import { holdingCourtCode, powerHolder } from '../ledger/enforcementPower';
import { CASE_NO_AS_OF } from './asOf';

export type { WeeklyFigures };

/**
 * The weekly report's figures (issue 6 item 2; SPC metrics of domain brief §1.7), as of the end of
 * the reporting week. Unit of count: the CASE (交叉执行案件数 counts cases). A case is a
 * cross-execution case from the legal date its first transfer was decided (已决定 or later); its
 * mode/direction are those of its latest decided transfer, so a case that moves from 督促 to 指令 is
 * not counted twice. Money recovered counts progress entries dated on/after that date.
 *
 * Whose case (issue 11 item 8; src/core/ledger/enforcementPower.ts): 执行到位金额 and the closures are
 * those of the cases whose enforcement power is ours. Money recovered on a case we sent out (指令/提级/
 * 集中/委托 移出) or only assist (协同/督促 移入) is the holding court's figure — that court reports it as
 * its own, so adding it here would count it twice in the 中院's sum — and is shown apart (`elsewhere`);
 * a case we only assisted has no closure line. 督促 leaves the case with the executing court (执行程序解释
 * 第十一条), so it is not a 移出. Shares are of cases.
 */
/** The direction bucket of 督促 cases: the case is not transferred (执行程序解释 第十一条). */
export const URGE_DIRECTION = '督促（不移送）';
export function weeklyFigures(app: CoreApp, input: { week: string }): WeeklyFigures {
  const settings = getSettings(app);
  const startsOn = settings.reportWeekStartsOn ?? 1;
  const w = reportWeek(input.week, startsOn);
  const nowIso = app.now().toISOString();
  const provisional = nowIso < w.cutoffAt;
  // Until the week has ended, "as of" is now (nothing later exists yet anyway).
  const cutoffAt = w.cutoffAt;
  const prev = shiftWeek(w, -1, startsOn);
  const inWeek = (d: string | null) => !!d && d >= w.startOn && d <= w.endOn;

  const all = transfersAsOf(app, cutoffAt);
  // A transfer that left (已退出) after its decision keeps its decidedOn from the replay and still counts.
  const cross = all.filter((t) => t.decidedOn && t.decidedOn <= w.endOn);

  // Per case: first decision date and the latest decided transfer.
  const byCase = new Map<number, { since: string; primary: TransferAsOf; transfers: TransferAsOf[] }>();
  for (const t of cross) {
    const c = byCase.get(t.caseId);
    if (!c) byCase.set(t.caseId, { since: t.decidedOn!, primary: t, transfers: [t] });
    else {
      c.transfers.push(t);
      if (t.decidedOn! < c.since) c.since = t.decidedOn!;
      if (t.decidedOn! > c.primary.decidedOn! || (t.decidedOn === c.primary.decidedOn && t.id > c.primary.id)) c.primary = t;
    }
  }
  const caseIds = [...byCase.keys()];
  const caseInfo = loadCases(app, caseIds, cutoffAt);
  const userNames = new Map((app.sqlite.prepare('SELECT id, display_name AS n FROM users').all() as { id: number; n: string }[]).map((u) => [u.id, u.n]));
  const courtNames = new Map((app.sqlite.prepare('SELECT code, name FROM courts').all() as { code: string; name: string }[]).map((c) => [c.code, c.name]));
  // 现承办法院 / 原执行法院 by name; our own court also when a transfer leaves its side blank (the form's “不选即为本院”).
  const courtName = (code: string | null) => (code === settings.courtCode ? (courtNames.get(code) ?? settings.courtName) : code ? (courtNames.get(code) ?? code) : '');

  // Progress aggregated in SQL against a temp table of (case, since, mode).
  const trendWeeks = Array.from({ length: 12 }, (_, i) => shiftWeek(w, i - 11, startsOn));
  const trendAmounts = new Map<number, Record<string, number>>();
  const unpaid = new Map<number, Unpaid>();
  const agg = progressAggregates(app, byCase, w, cutoffAt, trendWeeks[0]!.startOn, trendAmounts, plusDays(w.endOn, -settings.payoutDays), unpaid);

  const modeOf = (caseId: number) => byCase.get(caseId)!.primary.mode;
  const headline = { casesWeek: 0, casesTotal: byCase.size, activeCases: 0, progressWeek: 0, progressTotal: 0, amountWeekFen: 0, amountTotalFen: 0 };
  const byMode = new Map(TRANSFER_MODES.map((m) => [m as string, { mode: m as string, week: 0, total: 0, active: 0, amountWeekFen: 0, amountTotalFen: 0 }]));
  const byDirection = new Map([...DIRECTIONS, URGE_DIRECTION].map((d) => [d as string, { direction: d as string, week: 0, total: 0 }]));
  const elsewhere = { cases: 0, amountWeekFen: 0, amountTotalFen: 0 };
  const closed = new Map<string, { closureType: string; week: number; total: number }>();
  let closeDays = 0;
  let closeN = 0;
  let closedWeek = 0;
  const rows: WeeklyCaseRow[] = [];
  const noProgress: WeeklyFigures['noProgress'] = [];

  for (const [caseId, c] of byCase) {
    const t = c.primary;
    const info = caseInfo.get(caseId)!;
    const a = agg.get(caseId);
    const isNew = inWeek(c.since);
    const active = !!t.state && ACTIVE_STATES.has(t.state);
    const progWeek = !!a?.progWeek || inWeek(t.resolvedOn);
    const progTotal = !!a?.progTotal || (!!t.resolvedOn && t.resolvedOn <= w.endOn);
    const holder = powerHolder(t);
    const m = byMode.get(t.mode) ?? byMode.set(t.mode, { mode: t.mode, week: 0, total: 0, active: 0, amountWeekFen: 0, amountTotalFen: 0 }).get(t.mode)!;
    const dirKey = t.mode === '督促' ? URGE_DIRECTION : t.direction;
    const d = byDirection.get(dirKey) ?? byDirection.set(dirKey, { direction: dirKey, week: 0, total: 0 }).get(dirKey)!;
    m.total++;
    d.total++;
    if (isNew) {
      headline.casesWeek++;
      m.week++;
      d.week++;
    }
    if (active) {
      headline.activeCases++;
      m.active++;
    }
    if (progWeek) headline.progressWeek++;
    if (progTotal) headline.progressTotal++;
    if (holder === 'ours') {
      headline.amountWeekFen += a?.amountWeek ?? 0;
      headline.amountTotalFen += a?.amountTotal ?? 0;
      m.amountWeekFen += a?.amountWeek ?? 0;
      m.amountTotalFen += a?.amountTotal ?? 0;
    } else {
      elsewhere.cases++;
      elsewhere.amountWeekFen += a?.amountWeek ?? 0;
      elsewhere.amountTotalFen += a?.amountTotal ?? 0;
    }
    // A case we only assisted is closed by the court that holds it: no closure line here.
    if (t.state === '已结案' && t.closedOn && holder !== 'assisted') {
      // The type given when the transfer was closed, else the case's closure type as it stood at the cutoff.
      const type = t.closureType ?? info.closureType ?? '未注明';
      const k = closed.get(type) ?? closed.set(type, { closureType: type, week: 0, total: 0 }).get(type)!;
      k.total++;
      if (inWeek(t.closedOn)) {
        k.week++;
        closedWeek++;
      }
      const from = t.receivedOn ?? t.filedOn ?? t.decidedOn;
      if (from && from <= t.closedOn) {
        closeDays += daysBetween(from, t.closedOn);
        closeN++;
      }
    }
    const handler = userNames.get(t.handlerId ?? info.handlerId ?? -1) ?? '';
    if (active && !a?.anyWeek) noProgress.push({ caseId, caseNo: info.caseNo, mode: t.mode, state: t.state!, handler });
    if (active || inWeek(t.closedOn) || inWeek(t.exitedOn) || isNew || a?.anyWeek) {
      rows.push({
        caseId,
        transferId: t.id,
        caseNo: info.caseNo,
        applicants: info.applicants,
        debtors: info.debtors,
        mode: t.mode,
        direction: t.direction,
        originalCourt: courtName(t.originalCourtCode ?? (t.direction === '移入' ? null : settings.courtCode)),
        // The court holding the enforcement power: us for 协同/督促 sent out, the other court for a case we assist.
        currentCourt: courtName(holdingCourtCode(t, settings.courtCode)),
        progressText: a?.texts.join('；') ?? '',
        amountWeekFen: a?.amountWeek ?? 0,
        amountTotalFen: a?.amountTotal ?? 0,
        state: t.state!,
        handler,
        substantiveWeek: progWeek,
      });
    }
  }
  rows.sort((x, y) => byCaseNo(x.caseNo, y.caseNo));
  noProgress.sort((x, y) => byCaseNo(x.caseNo, y.caseNo));

  // 提级 share of cross-execution CASES (the case's latest decided mode, as in byMode), not of transfers.
  const tiji = byMode.get('提级')?.total ?? 0;
  const caseNoOf = new Map([...caseInfo].map(([id, i]) => [id, i.caseNo]));
  const facts: CaseFacts[] = [...byCase].map(([caseId, c]) => ({ caseId, caseNo: caseNoOf.get(caseId)!, since: c.since, applicationReceivedOn: caseInfo.get(caseId)!.applicationReceivedOn, primary: c.primary }));
  const overdue = overdueAsOf(app, loadCalendar(app), { endOn: w.endOn, cutoffAt }, facts, cross, caseNoOf, unpaid);

  const transferCase = new Map(all.map((t) => [t.id, t.caseId]));
  const crossCases = new Map([...byCase].map(([id, c]) => [id, { caseNo: caseNoOf.get(id)!, since: c.since }]));
  const corrections = correctionsIn(app, w, prev.cutoffAt, startsOn, crossCases, transferCase);

  const doubleChecks = (
    app.sqlite
      .prepare(
        `SELECT s.case_id AS caseId, ${CASE_NO_AS_OF} AS caseNo, s.raised_on AS raisedOn, s.result_on AS resultOn, coalesce(s.reason, '') AS reason
         FROM supervisions s JOIN cases c ON c.id = s.case_id
         WHERE s.kind = '一案双查' AND s.created_at < @cutoff AND s.raised_on <= @end AND (s.result_on IS NULL OR s.result_on >= @start) ORDER BY s.raised_on, s.id`,
      )
      .all({ cutoff: cutoffAt, end: w.endOn, start: w.startOn }) as { caseId: number; caseNo: string; raisedOn: string; resultOn: string | null; reason: string }[]
  ).map((s) => ({ caseId: s.caseId, caseNo: s.caseNo, raisedOn: s.raisedOn, reason: s.reason, status: s.resultOn && s.resultOn <= w.endOn ? `已办结（${s.resultOn}）` : '进行中' }));

  const trend = trendWeeks.map((tw, i) => {
    const newByMode: Record<string, number> = {};
    let newCases = 0;
    for (const [caseId, c] of byCase)
      if (c.since >= tw.startOn && c.since <= tw.endOn) {
        newCases++;
        const mode = modeOf(caseId);
        newByMode[mode] = (newByMode[mode] ?? 0) + 1;
      }
    const amountByMode = trendAmounts.get(i) ?? {};
    return { week: tw.week, startOn: tw.startOn, newCases, newByMode, amountByMode, amountFen: Object.values(amountByMode).reduce((s, v) => s + v, 0) };
  });

  return {
    week: w.week,
    startOn: w.startOn,
    endOn: w.endOn,
    cutoffAt,
    provisional,
    courtName: settings.courtName,
    headline,
    byMode: [...byMode.values()],
    byDirection: [...byDirection.values()],
    closedByType: [...closed.values()].sort((a, b) => b.total - a.total || byCaseNo(a.closureType, b.closureType)),
    escalation: { tiji, cases: byCase.size, sharePercent: byCase.size ? Math.round((tiji / byCase.size) * 1000) / 10 : 0 },
    elsewhere,
    closure: { closedTotal: [...closed.values()].reduce((s, k) => s + k.total, 0), closedWeek, avgDaysToClose: closeN ? Math.round((closeDays / closeN) * 10) / 10 : null },
    overdue,
    noProgress,
    doubleChecks,
    corrections,
    rows,
    trend,
    notes: [
      `本表数据为截至 ${w.endOn} 24 时（北京时间）已录入台账的情况；此后补录、作废或更正的，在下一期周报“更正说明”中列出，本期数据不变。`,
      '案件数按案件计：同一案件先后督促、指令的，按最近一次交叉执行方式分类，不重复计数。',
      '执行到位金额为交叉执行决定之日起登记的到位款，单位万元，保留两位小数；只计执行权在本院的案件，移出（指令、提级、集中、委托）或仅协助执行的案件到位款由现承办法院统计，另行列明，不计入本院金额。',
      '督促执行不改变执行法院（执行程序解释 第十一条），不计入移出；提级执行占比按案件数计算。',
      ...(provisional ? ['本周尚未结束，以上为临时数据。'] : []),
    ],
  };
}

type CaseInfo = { caseNo: string; applicants: string; debtors: string; handlerId: number | null; closureType: string | null; applicationReceivedOn: string | null };

function loadCases(app: CoreApp, ids: number[], cutoffAt: string): Map<number, CaseInfo> {
  const out = new Map<number, CaseInfo>();
  if (!ids.length) return out;
  withIdTable(app, ids, () => {
    for (const c of app.sqlite
      .prepare(
        `SELECT c.id, ${CASE_NO_AS_OF} AS caseNo, c.handler_id AS handlerId, c.application_received_on AS applicationReceivedOn,
                (SELECT h.closure_type FROM case_closure_history h WHERE h.case_id = c.id AND h.at < @cutoff ORDER BY h.at DESC, h.id DESC LIMIT 1) AS closureType
         FROM cases c JOIN temp.rpt_ids i ON i.id = c.id`,
      )
      .all({ cutoff: cutoffAt }) as ({ id: number } & Omit<CaseInfo, 'applicants' | 'debtors'>)[])
      out.set(c.id, { ...c, applicants: '', debtors: '' });
    // Names joined here rather than with GROUP BY: walking each case's parties in order needs no sort.
    for (const [caseId, side, name] of app.sqlite
      .prepare(`SELECT p.case_id, p.side, p.name FROM temp.rpt_ids i JOIN parties p ON p.case_id = i.id ORDER BY i.id, p.id`)
      .raw()
      .all() as [number, string, string][]) {
      const c = out.get(caseId);
      if (!c) continue;
      if (side === '申请执行人') c.applicants = c.applicants ? `${c.applicants}、${name}` : name;
      else c.debtors = c.debtors ? `${c.debtors}、${name}` : name;
    }
  });
  return out;
}

function withIdTable(app: CoreApp, ids: number[], fn: () => void): void {
  app.sqlite.exec('CREATE TEMP TABLE IF NOT EXISTS rpt_ids (id INTEGER PRIMARY KEY); DELETE FROM temp.rpt_ids;');
  // One statement from a JSON array: 10k single-row inserts cost ~100 ms.
  app.sqlite.prepare('INSERT INTO temp.rpt_ids (id) SELECT value FROM json_each(?)').run(JSON.stringify(ids));
  try {
    fn();
  } finally {
    app.sqlite.exec('DELETE FROM temp.rpt_ids');
  }
}

type Agg = { amountWeek: number; amountTotal: number; progWeek: boolean; progTotal: boolean; anyWeek: boolean; texts: string[] };

/** Entries visible at the cutoff: recorded before it and not voided before it. */
const VISIBLE = `p.recorded_at < @cutoff AND (p.voided_at IS NULL OR p.voided_at >= @cutoff)`;

function progressAggregates(
  app: CoreApp,
  byCase: Map<number, { since: string; primary: TransferAsOf }>,
  w: { startOn: string; endOn: string },
  cutoff: string,
  trendFirst: string,
  trend: Map<number, Record<string, number>>,
  payLimit: string,
  unpaid: Map<number, Unpaid>,
): Map<number, Agg> {
  const out = new Map<number, Agg>();
  app.sqlite.exec('CREATE TEMP TABLE IF NOT EXISTS rpt_cases (case_id INTEGER PRIMARY KEY, since TEXT NOT NULL, mode TEXT NOT NULL); DELETE FROM temp.rpt_cases;');
  app.sqlite
    .prepare(`INSERT INTO temp.rpt_cases (case_id, since, mode) SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?)`)
    .run(JSON.stringify([...byCase].map(([id, c]) => [id, c.since, c.primary.mode])));
  const p = { start: w.startOn, end: w.endOn, cutoff };
  // One pass over the entries, grouped by case and legal date: that follows the (case_id, on_date)
  // index, so SQLite needs no sort; the dates are then put into trend weeks here (wi < 0: before the
  // 12 trend weeks, 11: the report's week). The same pass finds money not paid out (ledger_payouts,
  // owned by the ledger's deadlines module; one row per entry at most, so a LEFT JOIN looks it up once).
  const hasPayouts = !!app.sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'ledger_payouts'`).get();
  const unpaidExpr = hasPayouts ? `p.amount_fen > 0 AND p.on_date <= @payLimit AND o.id IS NULL` : '0';
  const payoutJoin = hasPayouts ? `LEFT JOIN ledger_payouts o ON o.progress_id = p.id AND o.created_at < @cutoff AND o.paid_on <= @end` : '';
  const weekStarts = trendWeekStarts(trendFirst);
  const weekOf = (d: string) => {
    let i = -1;
    while (i < 11 && d >= weekStarts[i + 1]!) i++;
    return i;
  };
  for (const [caseId, onDate, fen, prog, unpaidFen, unpaidN] of app.sqlite
    .prepare(
      `SELECT p.case_id, p.on_date, sum(p.amount_fen), max(p.substantive = 1 OR p.resolved = 1),
              sum(CASE WHEN ${unpaidExpr} THEN p.amount_fen ELSE 0 END), sum(${unpaidExpr})
       FROM progress_entries p JOIN temp.rpt_cases r ON r.case_id = p.case_id ${payoutJoin}
       WHERE p.on_date >= r.since AND p.on_date <= @end AND ${VISIBLE}
       GROUP BY p.case_id, p.on_date`,
    )
    .raw()
    .all({ end: w.endOn, cutoff, ...(hasPayouts ? { payLimit: payLimit } : {}) }) as [number, string, number, number, number, number][]) {
    const a = out.get(caseId) ?? out.set(caseId, { amountWeek: 0, amountTotal: 0, progWeek: false, progTotal: false, anyWeek: false, texts: [] }).get(caseId)!;
    if (unpaidN > 0) {
      const u = unpaid.get(caseId);
      if (!u) unpaid.set(caseId, { onDate, fen: unpaidFen, n: unpaidN });
      else {
        if (onDate < u.onDate) u.onDate = onDate;
        u.fen += unpaidFen;
        u.n += unpaidN;
      }
    }
    a.amountTotal += fen;
    if (prog === 1) a.progTotal = true;
    const wi = onDate >= weekStarts[0]! ? weekOf(onDate) : -1;
    if (wi === 11) {
      a.amountWeek += fen;
      a.anyWeek = true;
      if (prog === 1) a.progWeek = true;
    }
    if (wi >= 0 && fen > 0 && powerHolder(byCase.get(caseId)!.primary) === 'ours') {
      const mode = byCase.get(caseId)!.primary.mode;
      const o = trend.get(wi) ?? trend.set(wi, {}).get(wi)!;
      o[mode] = (o[mode] ?? 0) + fen;
    }
  }
  // This week's entries in date order, for the per-case table's "本周进展" column.
  for (const [caseId, onDate, text, measures] of app.sqlite
    .prepare(
      `SELECT p.case_id, p.on_date, coalesce(p.text, ''), p.measures FROM progress_entries p JOIN temp.rpt_cases r ON r.case_id = p.case_id
       WHERE p.on_date >= @start AND p.on_date <= @end AND p.on_date >= r.since AND ${VISIBLE} ORDER BY p.case_id, p.on_date, p.id`,
    )
    .raw()
    .all(p) as [number, string, string, string][]) {
    const a = out.get(caseId);
    if (!a) continue;
    let m: string[] = [];
    try {
      m = JSON.parse(measures) as string[];
    } catch {
      /* keep the text */
    }
    const parts = [onDate.slice(5).replace('-', '/'), text || m.join('、')].filter(Boolean);
    a.texts.push(parts.join(' '));
  }
  return out;
}

/** The first day of each of the 12 trend weeks (7 days apart from the first). */
function trendWeekStarts(first: string): string[] {
  return Array.from({ length: 12 }, (_, i) => plusDays(first, 7 * i));
}
