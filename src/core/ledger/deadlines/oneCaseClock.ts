import type { CoreApp } from '../../app';
import { loadCalendar } from '../../calendar/calendar';
import { sixMonthClock, type SixMonthClock } from './sixMonthClock';

/**
 * The six-month clock of one case with the facts behind it, for documents that must show them
 * (the 审批表 of a request on the six-month ground): which date started it, every deductible
 * interval with its kind, and the end date. Same start rule as `openCaseClocks` (caseClocks.ts;
 * 执行程序解释 art. 10(1)/(2)) and the same clock (sixMonthClock.ts), but for any case, open or not,
 * so a form regenerated after the transfer still shows the clock as it stood.
 */
export type CaseClockFacts = {
  startKind: '收到申请执行书' | '发现财产' | '立案（未登记收到申请日期）';
  receivedOn: string | null;
  clock: SixMonthClock;
  deductions: { kind: string; startOn: string; endOn: string | null }[];
};

export function oneCaseClock(app: CoreApp, caseId: number, today: string): CaseClockFacts | null {
  const c = app.sqlite
    .prepare('SELECT filed_on AS filedOn, application_received_on AS received, property_found_on AS found FROM cases WHERE id = ?')
    .get(caseId) as { filedOn: string | null; received: string | null; found: string | null } | undefined;
  if (!c || !(c.received ?? c.filedOn)) return null;
  let startKind: CaseClockFacts['startKind'] = c.received ? '收到申请执行书' : '立案（未登记收到申请日期）';
  let start = (c.received ?? c.filedOn) as string;
  if (c.found && c.found > start) (start = c.found), (startKind = '发现财产');
  const deductions = app.sqlite
    .prepare('SELECT kind, start_on AS startOn, end_on AS endOn FROM deductions WHERE case_id = ? ORDER BY start_on, id')
    .all(caseId) as CaseClockFacts['deductions'];
  return { startKind, receivedOn: c.received, clock: sixMonthClock(loadCalendar(app), start, deductions, today), deductions };
}
