import type { CoreApp } from '../../app';
import type { HolidayCalendar } from '../../calendar/period';
import { sixMonthClock, type DeductibleInterval, type SixMonthClock } from './sixMonthClock';
import { whoseClock, type ClockCase, type ClockStart, type ClockTransfer } from './whoseClock';

/**
 * The six-month clock of a case = whose clock and from when (whoseClock.ts) + the period with its
 * deductions (sixMonthClock.ts). `evaluateClock` is the one function every consumer calls — the
 * ledger's reminders and discovery (facts as of now, loaded here), the weekly report (facts as of
 * the week's end, reports/overdue.ts) and the approval request (approvals/candidates.ts, detail.ts).
 */
export type ClockFacts = ClockCase & {
  caseId: number;
  caseNo: string;
  handlerId: number | null;
  transfers: ClockTransfer[];
  deductions: DeductibleInterval[];
};

export type EvaluatedClock = { start: ClockStart; clock: SixMonthClock | null };

export function evaluateClock(cal: HolidayCalendar, f: ClockFacts, asOf: string, memo?: Map<string, SixMonthClock>): EvaluatedClock {
  const start = whoseClock(f, f.transfers);
  if (!start.runs) return { start, clock: null };
  // Most cases have no deductible interval and share a start day with many others: compute each such clock once.
  if (!f.deductions.length && memo) {
    const hit = memo.get(start.startOn);
    if (hit) return { start, clock: hit };
    const c = sixMonthClock(cal, start.startOn, [], asOf);
    memo.set(start.startOn, c);
    return { start, clock: c };
  }
  return { start, clock: sixMonthClock(cal, start.startOn, f.deductions, asOf) };
}

/** A running clock, for lists (reminders, discovery). */
export type CaseClockRow = {
  caseId: number;
  caseNo: string;
  handlerId: number | null;
  filedOn: string | null;
  /** Which date started the clock, and why that one. */
  startKind: string;
  why: string;
  clock: SixMonthClock;
};

export type ScopeOpts = { caseId?: number; handlerId?: number };

export function scopeSql(opts: ScopeOpts, alias = 'c'): { where: string; params: number[] } {
  const parts: string[] = [];
  const params: number[] = [];
  if (opts.caseId) parts.push(`${alias}.id = ?`), params.push(opts.caseId);
  if (opts.handlerId) parts.push(`${alias}.handler_id = ?`), params.push(opts.handlerId);
  return { where: parts.length ? ' AND ' + parts.join(' AND ') : '', params };
}

function groupBy<T extends { caseId: number }>(rows: T[]): Map<number, T[]> {
  const m = new Map<number, T[]>();
  for (const r of rows) {
    const l = m.get(r.caseId);
    if (l) l.push(r);
    else m.set(r.caseId, [r]);
  }
  return m;
}

/**
 * Today's facts of the cases in scope. `openOnly` keeps the open enforcement-implementation cases
 * (the only ones whose clock can run) so a whole-ledger pass stays one scan of 100k cases.
 */
export function currentClockFacts(app: CoreApp, opts: ScopeOpts & { openOnly?: boolean } = {}): ClockFacts[] {
  const s = scopeSql(opts);
  const open = opts.openOnly ? ` AND c.closed_on IS NULL AND c.closure_type IS NULL AND c.type_code IN ('执', '执恢')` : '';
  const cases = app.sqlite
    .prepare(
      `SELECT c.id AS caseId, c.case_no AS caseNo, c.handler_id AS handlerId, c.type_code AS typeCode, c.filed_on AS filedOn,
              c.application_received_on AS applicationReceivedOn, c.property_found_on AS propertyFoundOn,
              c.closed_on AS closedOn, c.closure_type AS closureType
       FROM cases c WHERE 1=1${open}${s.where}`,
    )
    .all(...s.params) as Omit<ClockFacts, 'transfers' | 'deductions' | 'resolved'>[];
  // Three small passes instead of correlated sub-queries (which the planner ran over a million progress rows).
  const join = s.where ? `JOIN cases c ON c.id = x.case_id WHERE 1=1${s.where}` : '';
  const resolved = new Set(
    app.sqlite
      .prepare(`SELECT DISTINCT x.case_id FROM progress_entries x INDEXED BY progress_resolved ${join ? join + ' AND' : 'WHERE'} x.resolved = 1 AND x.voided_at IS NULL`)
      .pluck()
      .all(...s.params) as number[],
  );
  const transfers = groupBy(
    app.sqlite
      .prepare(
        `SELECT x.case_id AS caseId, x.id, x.mode, x.direction, x.state, COALESCE(x.received_on, x.handed_over_on) AS receivedOn,
                x.filed_on AS filedOn, x.decision_on AS decidedOn
         FROM transfers x ${join}`,
      )
      .all(...s.params) as (ClockTransfer & { caseId: number })[],
  );
  const deductions = groupBy(
    app.sqlite
      .prepare(`SELECT x.case_id AS caseId, x.kind, x.start_on AS startOn, x.end_on AS endOn FROM deductions x ${join}`)
      .all(...s.params) as (DeductibleInterval & { caseId: number })[],
  );
  return cases.map((c) => ({ ...c, resolved: resolved.has(c.caseId), transfers: transfers.get(c.caseId) ?? [], deductions: deductions.get(c.caseId) ?? [] }));
}

/** The running six-month clocks of the open cases in scope, as of `today`. */
export function openCaseClocks(app: CoreApp, cal: HolidayCalendar, today: string, opts: ScopeOpts = {}): CaseClockRow[] {
  const memo = new Map<string, SixMonthClock>();
  const out: CaseClockRow[] = [];
  for (const f of currentClockFacts(app, { ...opts, openOnly: true })) {
    const e = evaluateClock(cal, f, today, memo);
    if (!e.start.runs || !e.clock) continue;
    out.push({ caseId: f.caseId, caseNo: f.caseNo, handlerId: f.handlerId, filedOn: f.filedOn, startKind: e.start.startKind, why: e.start.why, clock: e.clock });
  }
  return out;
}

/** One case's clock as of `today`, whether it runs or not (approval request, case page). */
export function caseClockNow(app: CoreApp, cal: HolidayCalendar, today: string, caseId: number): EvaluatedClock | null {
  const f = currentClockFacts(app, { caseId })[0];
  return f ? evaluateClock(cal, f, today) : null;
}
