import type { CoreApp } from '../../app';
import type { HolidayCalendar } from '../../calendar/period';
import { sixMonthClock, type DeductibleInterval, type SixMonthClock } from './sixMonthClock';

/**
 * The six-month clock of every open enforcement-implementation case (执 / 执恢) the court still
 * enforces itself: not closed, nothing recorded as resolved, and not handed over to another court
 * by a transfer out that has gone past the decision. One pass over cases + one over deductions.
 */
export type CaseClockRow = {
  caseId: number;
  caseNo: string;
  handlerId: number | null;
  filedOn: string | null;
  /** Which date started the clock. */
  startKind: '收到申请执行书' | '发现财产' | '立案（未登记收到申请日期）';
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

export function deductionsByCase(app: CoreApp, opts: ScopeOpts): Map<number, DeductibleInterval[]> {
  const s = scopeSql(opts);
  const rows = app.sqlite
    .prepare(
      `SELECT d.case_id AS caseId, d.start_on AS startOn, d.end_on AS endOn FROM deductions d
       ${s.where ? `JOIN cases c ON c.id = d.case_id WHERE 1=1${s.where}` : ''}`,
    )
    .all(...s.params) as { caseId: number; startOn: string; endOn: string | null }[];
  const m = new Map<number, DeductibleInterval[]>();
  for (const r of rows) {
    const l = m.get(r.caseId);
    if (l) l.push(r);
    else m.set(r.caseId, [r]);
  }
  return m;
}

export function openCaseClocks(app: CoreApp, cal: HolidayCalendar, today: string, opts: ScopeOpts = {}): CaseClockRow[] {
  const s = scopeSql(opts);
  const rows = app.sqlite
    .prepare(
      `SELECT c.id AS caseId, c.case_no AS caseNo, c.handler_id AS handlerId, c.filed_on AS filedOn,
              c.application_received_on AS received, c.property_found_on AS found
       FROM cases c
       WHERE c.closed_on IS NULL AND c.type_code IN ('执', '执恢')
         AND COALESCE(c.application_received_on, c.filed_on) IS NOT NULL${s.where}`,
    )
    .all(...s.params) as { caseId: number; caseNo: string; handlerId: number | null; filedOn: string | null; received: string | null; found: string | null }[];
  // Two small sets instead of correlated sub-queries (which the planner ran over a million progress rows):
  // resolved cases via the partial index progress_resolved, and cases handed over by a transfer out.
  const resolved = new Set(
    app.sqlite.prepare(`SELECT DISTINCT case_id FROM progress_entries INDEXED BY progress_resolved WHERE resolved = 1 AND voided_at IS NULL`).pluck().all() as number[],
  );
  const handedOver = new Set(
    app.sqlite
      .prepare(`SELECT DISTINCT case_id FROM transfers WHERE direction = '移出' AND state IN ('已移送', '已立案', '办理中', '已化解', '已结案')`)
      .pluck()
      .all() as number[],
  );
  const deductions = deductionsByCase(app, opts);
  const memo = new Map<string, SixMonthClock>();
  return rows.filter((r) => !resolved.has(r.caseId) && !handedOver.has(r.caseId)).map((r) => {
    // 执行程序解释 art. 10(1): from receipt of the application; art. 10(2): from the day property was found.
    let startKind: CaseClockRow['startKind'] = r.received ? '收到申请执行书' : '立案（未登记收到申请日期）';
    let start = (r.received ?? r.filedOn) as string;
    if (r.found && r.found > start) (start = r.found), (startKind = '发现财产');
    const ded = deductions.get(r.caseId);
    // Most cases have no deductible interval and share a start day with many others: compute each such clock once.
    let clock = ded ? undefined : memo.get(start);
    if (!clock) {
      clock = sixMonthClock(cal, start, ded ?? [], today);
      if (!ded) memo.set(start, clock);
    }
    return { caseId: r.caseId, caseNo: r.caseNo, handlerId: r.handlerId, filedOn: r.filedOn, startKind, clock };
  });
}
