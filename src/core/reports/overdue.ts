import type { OverdueItem } from '../../contract/calls/reports';
import type { CoreApp } from '../app';
import type { HolidayCalendar } from '../calendar/period';
import { evaluateClock, type ClockFacts } from '../ledger/deadlines/caseClocks';
import { filingDue, heldElsewhereFrom, payoutDue, URGE_RUNNING, URGE_SOURCE, ZHONGBEN_SOURCE, zhongbenEarliest, filingSource, payoutSource } from '../ledger/deadlines/gates';
import type { DeductibleInterval, SixMonthClock } from '../ledger/deadlines/sixMonthClock';
import { SIX_MONTH_SOURCE } from '../ledger/deadlines/sixMonthClock';
import { daysBetween, plusDays } from '../ledger/dates';
import { getSettings } from '../settings/settings';
import type { TransferAsOf } from './asOf';
import { byCaseNo, wan } from './format';

/**
 * Overdue items as they stood at the end of the reporting week. The RULES are the ledger's own
 * (src/core/ledger/deadlines: whose clock, six months with merged/clipped deductions and the holiday
 * roll, filing, 督促, 终本, payout); only the FACTS differ: they are those known at the week's cutoff
 * (transfers rebuilt by asOf.ts, deductions and entries recorded before it), so a past week's report
 * does not move when it is produced again, while the ledger's reminders answer "as of now".
 */
export type Unpaid = { onDate: string; fen: number; n: number };
export type CaseFacts = { caseId: number; caseNo: string; since: string; applicationReceivedOn: string | null; primary: TransferAsOf };

type Row = {
  id: number;
  typeCode: string;
  foundOn: string | null;
  filedOn: string | null;
  closedOn: string | null;
  handedOver: string;
  closureType: string | null;
};

/** Case facts the figures do not carry, as known at the cutoff (closure type from case_closure_history). */
function caseRows(app: CoreApp, ids: number[], cutoffAt: string): Map<number, Row> {
  if (!ids.length) return new Map();
  const rows = app.sqlite
    .prepare(
      `SELECT c.id, c.type_code AS typeCode, c.property_found_on AS foundOn, c.filed_on AS filedOn, c.closed_on AS closedOn,
              (SELECT json_group_object(t.id, t.handed_over_on) FROM transfers t WHERE t.case_id = c.id) AS handedOver,
              (SELECT h.closure_type FROM case_closure_history h WHERE h.case_id = c.id AND h.at < ? ORDER BY h.at DESC, h.id DESC LIMIT 1) AS closureType
       FROM cases c WHERE c.id IN (SELECT value FROM json_each(?))`,
    )
    .all(cutoffAt, JSON.stringify(ids)) as Row[];
  return new Map(rows.map((r) => [r.id, r]));
}

export function overdueAsOf(
  app: CoreApp,
  cal: HolidayCalendar,
  w: { endOn: string; cutoffAt: string },
  cases: CaseFacts[],
  crossTransfers: TransferAsOf[],
  caseNoOf: Map<number, string>,
  unpaid: Map<number, Unpaid>,
): OverdueItem[] {
  const s = getSettings(app);
  const out: OverdueItem[] = [];
  // Thousands of cases share a few hundred dates: each date sum is worked out once.
  const lateOf = new Map<string, number>();
  const late = (due: string) => lateOf.get(due) ?? lateOf.set(due, daysBetween(due, w.endOn)).get(due)!;

  const ids = cases.map((c) => c.caseId);
  const info = caseRows(app, ids, w.cutoffAt);
  // Deductible intervals recorded by the cutoff (执行程序解释 第十三条); the clock merges and clips them.
  const deductions = new Map<number, DeductibleInterval[]>();
  for (const d of app.sqlite
    .prepare(`SELECT case_id AS caseId, kind, start_on AS startOn, end_on AS endOn FROM deductions WHERE created_at < ? AND case_id IN (SELECT value FROM json_each(?))`)
    .all(w.cutoffAt, JSON.stringify(ids)) as (DeductibleInterval & { caseId: number })[]) {
    (deductions.get(d.caseId) ?? deductions.set(d.caseId, []).get(d.caseId)!).push(d);
  }
  // Cases resolved (化解) by an entry known at the cutoff.
  const resolved = new Set(
    app.sqlite
      .prepare(
        `SELECT DISTINCT p.case_id FROM progress_entries p
         WHERE p.resolved = 1 AND p.on_date <= ? AND p.recorded_at < ? AND (p.voided_at IS NULL OR p.voided_at >= ?) AND p.case_id IN (SELECT value FROM json_each(?))`,
      )
      .pluck()
      .all(w.endOn, w.cutoffAt, w.cutoffAt, JSON.stringify(ids)) as number[],
  );
  const transfersOf = new Map<number, TransferAsOf[]>();
  for (const t of crossTransfers) (transfersOf.get(t.caseId) ?? transfersOf.set(t.caseId, []).get(t.caseId)!).push(t);

  for (const t of crossTransfers) {
    // Registering a received case (local rule ❓, domain brief §6.3; setting filingDays) — due from receipt.
    if (t.direction === '移入' && !t.filedOn && t.receivedOn && (t.state === '已决定' || t.state === '已移送')) {
      const due = filingDue(cal, t.receivedOn, s.filingDays).due;
      if (w.endOn > due)
        out.push({ kind: '立案', caseId: t.caseId, caseNo: caseNoOf.get(t.caseId) ?? '', transferId: t.id, dueOn: due, daysOverdue: late(due), what: `收到移送案件（${t.receivedOn}）后 ${s.filingDays} 日内应立案，尚未立案`, source: filingSource(s.filingDays) });
    }
    // 督促执行令 deadline missed (执行程序解释 第十二条: the superior court shall then 提级 or 指令).
    if (t.mode === '督促' && t.deadlineOn && t.state && URGE_RUNNING.has(t.state) && w.endOn > t.deadlineOn) {
      out.push({ kind: '督促期限', caseId: t.caseId, caseNo: caseNoOf.get(t.caseId) ?? '', transferId: t.id, dueOn: t.deadlineOn, daysOverdue: late(t.deadlineOn), what: '督促执行令所定期限届满，尚未执结', source: URGE_SOURCE });
    }
  }

  const memo = new Map<string, SixMonthClock>();
  const heldElsewhere = new Set<number>();
  const ours = new Map<number, Unpaid | null>();
  for (const c of cases) {
    const r = info.get(c.caseId);
    if (!r) continue;
    // Closed as known at the cutoff: a closure type recorded by then, closed on or before the week's end.
    const closed = !!r.closureType && (!r.closedOn || r.closedOn <= w.endOn);
    const handed = JSON.parse(r.handedOver || '{}') as Record<string, string | null>;
    const f: ClockFacts = {
      caseId: c.caseId,
      caseNo: c.caseNo,
      handlerId: null,
      typeCode: r.typeCode,
      applicationReceivedOn: c.applicationReceivedOn,
      propertyFoundOn: r.foundOn && r.foundOn <= w.endOn ? r.foundOn : null,
      filedOn: r.filedOn,
      closedOn: closed ? r.closedOn : null,
      closureType: closed ? r.closureType : null,
      resolved: resolved.has(c.caseId),
      transfers: transfersOf.get(c.caseId) ?? [],
      deductions: deductions.get(c.caseId) ?? [],
    };
    const e = evaluateClock(cal, f, w.endOn, memo);
    if (e.start.runs && e.clock?.past) {
      const k = e.clock;
      out.push({ kind: '六个月', caseId: c.caseId, caseNo: c.caseNo, transferId: c.primary.id, dueOn: k.endOn, daysOverdue: late(k.endOn), what: `自${e.start.startKind}（${k.startOn}）起超过六个月未执结（已扣除 ${k.deductedDays} 日）`, source: SIX_MONTH_SOURCE });
    }
    // 终本 entered before the three months had passed (终本规定 第一条第四项).
    if (closed && r.closureType === '终结本次执行程序' && r.filedOn && r.closedOn) {
      const earliest = zhongbenEarliest(r.filedOn);
      if (r.closedOn < earliest)
        out.push({ kind: '终本', caseId: c.caseId, caseNo: c.caseNo, transferId: c.primary.id, dueOn: earliest, daysOverdue: daysBetween(r.closedOn, earliest), what: `终本结案（${r.closedOn}）时立案（${r.filedOn}）未超过三个月`, source: ZHONGBEN_SOURCE });
    }
    // Money held by another court after the case went to it is not ours to pay out (gates.ts).
    const u = unpaid.get(c.caseId);
    if (u) {
      const held = heldElsewhereFrom({
        closureType: f.closureType,
        closedOn: f.closedOn,
        transfers: f.transfers.map((t) => ({ mode: t.mode, direction: t.direction, state: t.state, handedOverOn: handed[String(t.id)] ?? null, decidedOn: t.decidedOn })),
      });
      if (held && u.onDate >= held) heldElsewhere.add(c.caseId);
      // Money both before and after the handover: only the part that arrived while the case was ours.
      else if (held) ours.set(c.caseId, unpaidBefore(app, w, s.payoutDays, c, held));
    }
  }

  // Case money not paid out in time (法发〔2017〕6号: 30 days; local setting payoutDays, e.g. 湖北 5 days).
  // `unpaid` comes from the figures' single pass over the entries: per case, the oldest arrival since
  // the case entered cross-execution that is old enough to be due and has no payout recorded by the cutoff.
  const dueOf = new Map<string, string>();
  for (let [caseId, u] of unpaid) {
    if (heldElsewhere.has(caseId)) continue;
    if (ours.has(caseId)) {
      const mine = ours.get(caseId);
      if (!mine) continue;
      u = mine;
    }
    const due = dueOf.get(u.onDate) ?? dueOf.set(u.onDate, payoutDue(cal, u.onDate, s.payoutDays).due).get(u.onDate)!;
    if (w.endOn > due)
      out.push({ kind: '案款发放', caseId, caseNo: caseNoOf.get(caseId) ?? '', transferId: null, dueOn: due, daysOverdue: late(due), what: `自 ${u.onDate} 起到位${u.n > 1 ? ` ${u.n} 笔` : ''}共 ${wan(u.fen)} 万元，未登记发放`, source: payoutSource(s.payoutDays) });
  }
  return out.sort((a, b) => b.daysOverdue - a.daysOverdue || byCaseNo(a.caseNo, b.caseNo));
}

/**
 * The unpaid arrivals of one case dated before `held` (the day its money became another court's), with
 * the weekly figures' own tests (visible at the cutoff, since the cross decision, due by the week's end,
 * no payout recorded by the cutoff) — weeklyFigures aggregates per case, so a case whose money straddles
 * the handover is recounted here. null: nothing of ours left unpaid.
 */
function unpaidBefore(app: CoreApp, w: { endOn: string; cutoffAt: string }, payoutDays: number, c: CaseFacts, held: string): Unpaid | null {
  const r = app.sqlite
    .prepare(
      `SELECT min(p.on_date) AS onDate, sum(p.amount_fen) AS fen, count(*) AS n FROM progress_entries p
       LEFT JOIN ledger_payouts o ON o.progress_id = p.id AND o.created_at < @cutoff AND o.paid_on <= @end
       WHERE p.case_id = @id AND p.amount_fen > 0 AND p.on_date >= @since AND p.on_date <= @payLimit AND p.on_date < @held
         AND p.recorded_at < @cutoff AND (p.voided_at IS NULL OR p.voided_at >= @cutoff) AND o.id IS NULL`,
    )
    .get({ id: c.caseId, since: c.since, payLimit: plusDays(w.endOn, -payoutDays), held, cutoff: w.cutoffAt, end: w.endOn }) as { onDate: string | null; fen: number | null; n: number };
  return r.onDate && r.n ? { onDate: r.onDate, fen: r.fen ?? 0, n: r.n } : null;
}
