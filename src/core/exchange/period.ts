import type { CoreApp } from '../app';
import { getSettings } from '../settings/settings';
import { isoWeekOf, reportWeek } from '../reports/week';
import { plusDays } from '../ledger/dates';

/** The period a package covers: one reporting week, or a date range with the weeks it touches. */
export type PackagePeriod = { kind: 'week' | 'range'; week?: string; from: string; to: string; label: string; weeks: string[] };

export function resolvePeriod(app: CoreApp, input: { week?: string; from?: string; to?: string }): PackagePeriod {
  const startsOn = (getSettings(app) as { reportWeekStartsOn?: number }).reportWeekStartsOn ?? 1;
  if (input.week) {
    const w = reportWeek(input.week, startsOn);
    return { kind: 'week', week: w.week, from: w.startOn, to: w.endOn, label: w.week, weeks: [w.week] };
  }
  const from = input.from!;
  const to = input.to!;
  // Every reporting week that ends inside the range gets its weekly report in the package.
  const weeks: string[] = [];
  for (let d = from; d <= plusDays(to, 6); d = plusDays(d, 7)) {
    const w = reportWeek(isoWeekOf(d).week, startsOn);
    if (w.endOn >= from && w.endOn <= to && !weeks.includes(w.week)) weeks.push(w.week);
  }
  return { kind: 'range', from, to, label: `${from}至${to}`, weeks };
}
