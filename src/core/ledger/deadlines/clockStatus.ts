import type { ClockStatus } from '../../../contract/calls/ledgerDeadlines';
import type { CoreApp } from '../../app';
import { loadCalendar } from '../../calendar/calendar';
import { chinaToday, daysBetween } from '../dates';
import { caseClockNow, type EvaluatedClock } from './caseClocks';
import { SIX_MONTH_SOURCE } from './sixMonthClock';

/** A clock as the screens show it: start and why, deducted days, due / overdue (or why it does not run). */
export function toClockStatus(e: EvaluatedClock, asOf: string): ClockStatus {
  if (!e.start.runs || !e.clock) {
    return { runs: false, why: e.start.why, startOn: null, startKind: null, endOn: null, deductedDays: 0, past: false, daysLeft: null, source: SIX_MONTH_SOURCE };
  }
  const c = e.clock;
  return {
    runs: true,
    why: e.start.why,
    startOn: c.startOn,
    startKind: e.start.startKind,
    endOn: c.endOn,
    deductedDays: c.deductedDays,
    past: c.past,
    daysLeft: daysBetween(asOf, c.endOn),
    source: SIX_MONTH_SOURCE,
    ...(c.warning ? { warning: c.warning } : {}),
  };
}

/** One case's six-month status today, from the same engine as the ledger's reminders. */
export function clockStatusNow(app: CoreApp, caseId: number): ClockStatus | null {
  const today = chinaToday(app.now());
  const e = caseClockNow(app, loadCalendar(app), today, caseId);
  return e ? toClockStatus(e, today) : null;
}
