import type { CoreApp } from '../../app';
import type { Reminder, ReminderKind, ReminderLevel } from '../../../contract/calls/ledgerDeadlines';
import { nextWorkingDay, plusDays, type HolidayCalendar, type PeriodEnd } from '../../calendar/period';
import { loadCalendar } from '../../calendar/calendar';
import { getSettings } from '../../settings/settings';
import { chinaToday } from '../excelImport/analyseWorkbook';
import { daysBetween, SIX_MONTH_SOURCE } from './sixMonthClock';
import { openCaseClocks, scopeSql, type ScopeOpts } from './caseClocks';
import { ENTRUST_REPLY_MEASURE, ENTRUST_SOURCE, entrustDue, filingDue, filingSource, heldElsewhereFrom, payoutDue, payoutSource, URGE_SOURCE, ZHONGBEN_SOURCE, zhongbenEarliest } from './gates';

export type { Reminder } from '../../../contract/calls/ledgerDeadlines';

/** Transfer states in which nothing more is due. */
const DONE_STATES = `('不予批准', '已化解', '已结案', '已退出')`;

type Ctx = { app: CoreApp; cal: HolidayCalendar; today: string; soon: number; opts: ScopeOpts; out: Reminder[]; days: Map<string, number> };

function levelOf(daysLeft: number, soon: number): ReminderLevel {
  return daysLeft < 0 ? 'overdue' : daysLeft <= soon ? 'soon' : 'ok';
}

function push(
  x: Ctx,
  r: { kind: ReminderKind; caseId: number; caseNo: string; transferId?: number; progressId?: number; due: PeriodEnd | string; what: string; source: string },
): void {
  const dueOn = typeof r.due === 'string' ? r.due : r.due.due;
  const warning = typeof r.due === 'string' ? undefined : r.due.warning;
  const daysLeft = x.days.get(dueOn) ?? x.days.set(dueOn, daysBetween(x.today, dueOn)).get(dueOn)!;
  x.out.push({
    kind: r.kind,
    caseId: r.caseId,
    caseNo: r.caseNo,
    ...(r.transferId ? { transferId: r.transferId } : {}),
    ...(r.progressId ? { progressId: r.progressId } : {}),
    dueOn,
    daysLeft,
    level: levelOf(daysLeft, x.soon),
    what: r.what,
    source: r.source,
    ...(warning ? { warning } : {}),
  });
}

type TRow = { tid: number; caseId: number; caseNo: string; d: string; mode: string };

/** Receiving court registers a transferred-in case within N days of receipt (local rule ❓, setting filingDays). */
function filing(x: Ctx, days: number): void {
  const s = scopeSql(x.opts);
  const rows = x.app.sqlite
    .prepare(
      `SELECT t.id AS tid, t.case_id AS caseId, c.case_no AS caseNo, COALESCE(t.received_on, t.handed_over_on) AS d, t.mode
       FROM transfers t JOIN cases c ON c.id = t.case_id
       WHERE t.direction = '移入' AND COALESCE(t.received_on, t.handed_over_on) IS NOT NULL AND t.filed_on IS NULL
         AND t.state NOT IN ${DONE_STATES} AND t.state NOT IN ('已立案', '办理中')${s.where}`,
    )
    .all(...s.params) as TRow[];
  for (const r of rows) {
    push(x, {
      kind: 'filing', caseId: r.caseId, caseNo: r.caseNo, transferId: r.tid, due: filingDue(x.cal, r.d, days),
      what: `${r.mode}执行移入案件应于收到后 ${days} 日内立案（收到 ${r.d}）`,
      source: filingSource(days),
    });
  }
}

/** After registering a transferred-in case its information is entered by the next working day (次日填报 ❓). */
function entry(x: Ctx): void {
  const s = scopeSql(x.opts);
  const rows = x.app.sqlite
    .prepare(
      `SELECT t.id AS tid, t.case_id AS caseId, c.case_no AS caseNo, t.filed_on AS d, t.mode,
              c.handler_id IS NULL AS noHandler, c.amount_due_fen IS NULL AS noAmount,
              NOT EXISTS (SELECT 1 FROM parties p WHERE p.case_id = c.id AND p.side = '申请执行人') AS noApplicant,
              NOT EXISTS (SELECT 1 FROM parties p WHERE p.case_id = c.id AND p.side = '被执行人') AS noDebtor
       FROM transfers t JOIN cases c ON c.id = t.case_id
       WHERE t.direction = '移入' AND t.filed_on IS NOT NULL AND t.state NOT IN ${DONE_STATES}${s.where}`,
    )
    .all(...s.params) as (TRow & { noHandler: number; noAmount: number; noApplicant: number; noDebtor: number })[];
  for (const r of rows) {
    const missing = [r.noHandler && '承办人', r.noApplicant && '申请执行人', r.noDebtor && '被执行人', r.noAmount && '执行标的'].filter(Boolean);
    if (!missing.length) continue;
    push(x, {
      kind: 'entry', caseId: r.caseId, caseNo: r.caseNo, transferId: r.tid, due: nextWorkingDay(x.cal, r.d),
      what: `立案（${r.d}）后次一工作日内填报案件信息，尚缺：${missing.join('、')}`,
      source: '本地规则“次日填报”（设置：信息填报，待核实）',
    });
  }
}

/** The 督促执行令's deadline (执行程序解释 art. 11); missed without good reason → 提级/指令 (art. 12). */
function urge(x: Ctx): void {
  const s = scopeSql(x.opts);
  const rows = x.app.sqlite
    .prepare(
      `SELECT t.id AS tid, t.case_id AS caseId, c.case_no AS caseNo, t.deadline_on AS d, t.mode
       FROM transfers t JOIN cases c ON c.id = t.case_id
       WHERE t.mode = '督促' AND t.deadline_on IS NOT NULL AND t.state NOT IN ${DONE_STATES}
         AND t.state NOT IN ('草稿', '待审批', '已退回', '已批准')${s.where}`,
    )
    .all(...s.params) as TRow[];
  for (const r of rows) {
    push(x, {
      kind: 'urge', caseId: r.caseId, caseNo: r.caseNo, transferId: r.tid, due: r.d,
      what: `督促执行令限期 ${r.d} 前执行完毕；逾期无正当理由未执行完毕的，上级法院应裁定提级执行或指令执行`,
      source: URGE_SOURCE,
    });
  }
}

/** 民诉法237 / 执行程序解释 arts. 10 and 13: more than six months, deductible intervals subtracted (caseClocks.ts). */
function sixMonth(x: Ctx): void {
  for (const r of openCaseClocks(x.app, x.cal, x.today, x.opts)) {
    const c = r.clock;
    const ded = c.deductedDays ? `，已扣除期间 ${c.deductedDays} 日` : '';
    push(x, {
      kind: 'sixMonth', caseId: r.caseId, caseNo: r.caseNo,
      due: { nominal: c.endOn, due: c.endOn, rolled: false, ...(c.warning ? { warning: c.warning } : {}) },
      what: (c.past
        ? `自${r.startKind}（${c.startOn}）起已超过六个月未执行完毕${ded}，申请执行人可向上一级法院申请（可报请上级）`
        : `自${r.startKind}（${c.startOn}）起六个月于 ${c.endOn} 届满${ded}；超过即可报请上级`) + `。起算：${r.why}`,
      source: SIX_MONTH_SOURCE,
    });
  }
}

/** A deductible interval left open for long: a soft reminder to record its end (local setting ❓ openDeductionDays). */
function openDeduction(x: Ctx, days: number): void {
  const s = scopeSql(x.opts);
  const rows = x.app.sqlite
    .prepare(
      `SELECT d.id, d.case_id AS caseId, c.case_no AS caseNo, d.kind, d.start_on AS d FROM deductions d JOIN cases c ON c.id = d.case_id
       WHERE d.end_on IS NULL AND c.closed_on IS NULL AND c.closure_type IS NULL${s.where}`,
    )
    .all(...s.params) as { id: number; caseId: number; caseNo: string; kind: string; d: string }[];
  for (const r of rows) {
    const due = plusDays(r.d, days);
    if (daysBetween(x.today, due) > x.soon) continue;
    push(x, {
      kind: 'deduction', caseId: r.caseId, caseNo: r.caseNo, due,
      what: `${r.kind}期间自 ${r.d} 起未登记结束日期，六个月期限一直在扣除；已结束的请登记结束日期（软提示）`,
      source: `执行程序解释 第十三条（扣除期间）；本地设置：未结超过 ${days} 日提示（待核实）`,
    });
  }
}

/** 终本 requires more than three months since registration (终本规定 第一条第四项). */
function zhongben(x: Ctx): void {
  const s = scopeSql(x.opts);
  const src = ZHONGBEN_SOURCE;
  const closed = x.app.sqlite
    .prepare(
      `SELECT c.id AS caseId, c.case_no AS caseNo, c.filed_on AS filedOn, c.closed_on AS closedOn FROM cases c
       WHERE c.closure_type = '终结本次执行程序' AND c.filed_on IS NOT NULL AND c.closed_on IS NOT NULL${s.where}`,
    )
    .all(...s.params) as { caseId: number; caseNo: string; filedOn: string; closedOn: string }[];
  for (const r of closed) {
    const earliest = zhongbenEarliest(r.filedOn);
    if (r.closedOn >= earliest) continue;
    const early = daysBetween(r.closedOn, earliest);
    x.out.push({
      kind: 'zhongben', caseId: r.caseId, caseNo: r.caseNo, dueOn: earliest, daysLeft: -early, level: 'overdue',
      what: `终本结案（${r.closedOn}）时立案（${r.filedOn}）未超过三个月，最早可于 ${earliest} 终本，请核查`, source: src,
    });
  }
  // For one case, also show when the gate opens (it is a condition, not a duty, so only on the case page).
  if (!x.opts.caseId) return;
  const open = x.app.sqlite.prepare(`SELECT id, case_no AS caseNo, filed_on AS filedOn FROM cases WHERE id = ? AND closed_on IS NULL AND filed_on IS NOT NULL`).get(x.opts.caseId) as
    | { id: number; caseNo: string; filedOn: string }
    | undefined;
  if (!open) return;
  const earliest = zhongbenEarliest(open.filedOn);
  if (earliest <= x.today) return;
  x.out.push({
    kind: 'zhongben', caseId: open.id, caseNo: open.caseNo, dueOn: earliest, daysLeft: daysBetween(x.today, earliest), level: 'ok',
    what: `立案（${open.filedOn}）超过三个月方可终本：${earliest} 起`, source: src,
  });
}

/**
 * Case money paid out within N days of arrival (Hubei local rule 🟡, setting payoutDays). Every
 * unpaid arrival stays reminded however old (no look-back window: unpaid money is never dropped),
 * except money held by another court once our case went to it (gates.ts heldElsewhereFrom).
 */
function payout(x: Ctx, days: number): void {
  const s = scopeSql(x.opts);
  const rows = x.app.sqlite
    .prepare(
      `SELECT p.id AS pid, p.case_id AS caseId, c.case_no AS caseNo, p.on_date AS d, p.amount_fen AS fen, c.closure_type AS closureType, c.closed_on AS closedOn
       FROM progress_entries p INDEXED BY progress_money JOIN cases c ON c.id = p.case_id
       WHERE p.amount_fen > 0 AND p.voided_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM ledger_payouts o WHERE o.progress_id = p.id)${s.where}`,
    )
    .all(...s.params) as { pid: number; caseId: number; caseNo: string; d: string; fen: number; closureType: string | null; closedOn: string | null }[];
  if (!rows.length) return;
  const outs = new Map<number, { mode: string; direction: string; state: string; handedOverOn: string | null; decidedOn: string | null }[]>();
  for (const t of x.app.sqlite
    .prepare(`SELECT case_id AS caseId, mode, direction, state, handed_over_on AS handedOverOn, decision_on AS decidedOn FROM transfers WHERE direction = '移出'`)
    .all() as { caseId: number; mode: string; direction: string; state: string; handedOverOn: string | null; decidedOn: string | null }[]) {
    const l = outs.get(t.caseId);
    if (l) l.push(t);
    else outs.set(t.caseId, [t]);
  }
  for (const r of rows) {
    const held = heldElsewhereFrom({ closureType: r.closureType, closedOn: r.closedOn, transfers: outs.get(r.caseId) ?? [] });
    if (held && r.d >= held) continue;
    push(x, {
      kind: 'payout', caseId: r.caseId, caseNo: r.caseNo, progressId: r.pid, due: payoutDue(x.cal, r.d, days),
      what: `案款 ${(r.fen / 100).toFixed(2)} 元于 ${r.d} 到位，应于 ${days} 日内发放（尚未登记发放）`,
      source: payoutSource(days),
    });
  }
}

/**
 * 委托执行 (民诉法240), both ways: when we are entrusted (移入) we must start within 15 days and
 * report within 30; when we entrust (移出) the ledger watches the entrusted court do so. Started =
 * any progress on the case since receipt; reported = a progress entry with the 函复 measure.
 */
function entrust(x: Ctx): void {
  const s = scopeSql(x.opts);
  const rows = x.app.sqlite
    .prepare(
      `SELECT t.id AS tid, t.case_id AS caseId, c.case_no AS caseNo, t.direction, COALESCE(t.received_on, t.handed_over_on) AS d,
              EXISTS (SELECT 1 FROM progress_entries p WHERE p.case_id = t.case_id AND p.voided_at IS NULL AND p.on_date >= COALESCE(t.received_on, t.handed_over_on)) AS started,
              EXISTS (SELECT 1 FROM progress_entries p WHERE p.case_id = t.case_id AND p.voided_at IS NULL AND p.on_date >= COALESCE(t.received_on, t.handed_over_on)
                        AND p.measures LIKE '%${ENTRUST_REPLY_MEASURE}%') AS reported
       FROM transfers t JOIN cases c ON c.id = t.case_id
       WHERE t.mode = '委托' AND t.direction IN ('移入', '移出') AND COALESCE(t.received_on, t.handed_over_on) IS NOT NULL
         AND t.state IN ('已移送', '已立案', '办理中')${s.where}`,
    )
    .all(...s.params) as { tid: number; caseId: number; caseNo: string; direction: string; d: string; started: number; reported: number }[];
  for (const r of rows) {
    const due = entrustDue(x.cal, r.d);
    const we = r.direction === '移入';
    if (!r.started)
      push(x, {
        kind: 'entrustStart', caseId: r.caseId, caseNo: r.caseNo, transferId: r.tid, due: due.start,
        what: we ? `受托执行：本院收到委托函件（${r.d}）后 15 日内应开始执行（尚无执行措施记录）` : `委托执行：受托法院收到委托（${r.d}）后 15 日内应开始执行（尚无其执行情况记录）`,
        source: ENTRUST_SOURCE,
      });
    if (!r.reported)
      push(x, {
        kind: 'entrustReport', caseId: r.caseId, caseNo: r.caseNo, transferId: r.tid, due: due.report,
        what: we
          ? `受托执行：收到委托（${r.d}）后 30 日内未执行完毕的，应将执行情况函复委托法院（登记进展时选择“${ENTRUST_REPLY_MEASURE}”）`
          : `委托执行：受托法院 30 日内未执行完毕的应函复执行情况，尚未收到（收到后登记进展“${ENTRUST_REPLY_MEASURE}”）`,
        source: ENTRUST_SOURCE,
      });
  }
}

/** Monday of the ISO week containing `d`. */
export function mondayOf(d: string): string {
  const wd = new Date(d + 'T00:00:00Z').getUTCDay();
  return plusDays(d, -((wd + 6) % 7));
}

/** Cross cases being handled with no progress recorded since Monday (weekly report; local practice). */
function weekly(x: Ctx): void {
  const s = scopeSql(x.opts);
  const monday = mondayOf(x.today);
  const friday = plusDays(monday, 4);
  const rows = x.app.sqlite
    .prepare(
      `SELECT t.id AS tid, t.case_id AS caseId, c.case_no AS caseNo, t.mode, '' AS d
       FROM transfers t JOIN cases c ON c.id = t.case_id
       WHERE t.state IN ('已立案', '办理中')
         AND NOT EXISTS (SELECT 1 FROM progress_entries p WHERE p.case_id = t.case_id AND p.on_date >= ? AND p.voided_at IS NULL)${s.where}`,
    )
    .all(monday, ...s.params) as TRow[];
  for (const r of rows) {
    push(x, {
      kind: 'weekly', caseId: r.caseId, caseNo: r.caseNo, transferId: r.tid, due: friday,
      what: `${r.mode}执行案件本周（${monday} 起）尚未记录进展，周报前请填报`,
      source: '交叉执行周报（本地做法：每周报送进展）',
    });
  }
}

const LEVEL_ORDER: Record<ReminderLevel, number> = { overdue: 0, soon: 1, ok: 2 };

/**
 * Every deadline of the ledger (or of one case / one handler), most urgent first.
 * The one source of deadline dates: the ledger's 期限提醒, the notices (src/core/notifications/deadlines.ts)
 * and the chief's overview (src/core/approvals/queries.ts) all read it.
 */
export function listReminders(app: CoreApp, opts: ScopeOpts & { kinds?: readonly ReminderKind[] } = {}): Reminder[] {
  const set = getSettings(app);
  const x: Ctx = { app, cal: loadCalendar(app), today: chinaToday(app.now()), soon: set.reminderSoonDays, opts, out: [], days: new Map() };
  // `kinds` lets a caller that needs a few kinds (the chief's notices: transfer deadlines) skip the
  // whole-ledger six-month clocks, which cost about a second on 100k cases.
  const want = (k: ReminderKind) => !opts.kinds || opts.kinds.includes(k);
  if (want('filing')) filing(x, set.filingDays);
  if (want('entry') && set.entryNextWorkingDay) entry(x);
  if (want('urge')) urge(x);
  if (want('sixMonth')) sixMonth(x);
  if (want('deduction')) openDeduction(x, set.openDeductionDays);
  if (want('zhongben')) zhongben(x);
  if (want('payout')) payout(x, set.payoutDays);
  if (want('entrustStart') || want('entrustReport')) entrust(x);
  if (want('weekly')) weekly(x);
  return x.out.sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || a.daysLeft - b.daysLeft || a.caseId - b.caseId);
}

/** Years a reminder's date falls in that the holiday calendar lacks (for the page-level warning). */
export function missingYears(app: CoreApp, reminders: readonly Reminder[]): number[] {
  const cal = loadCalendar(app);
  const ys = new Set<number>([Number(chinaToday(app.now()).slice(0, 4))]);
  for (const r of reminders) if (r.warning) ys.add(Number(r.dueOn.slice(0, 4)));
  return [...ys].filter((y) => !cal.years.has(y)).sort();
}
