import type { CoreApp } from '../app';
import { getSettings } from '../settings/settings';
import { builtinHolidays, BUILTIN_SOURCE, BUILTIN_YEARS, type HolidayEntry } from './holidayData';
import type { HolidayCalendar } from './period';

/**
 * The court's holiday calendar: the built-in official data (2025–2026, chinese-days) overlaid with
 * the `holidays` table, which an administrator fills from the yearly 国务院办公厅 notice
 * (domain brief §7.1). A table row replaces the built-in entry for the same date; a year counts as
 * covered when it is built in or has at least one row in the table — otherwise every period ending
 * in it carries the warning 未含节假日顺延 / 请人工核对.
 */
export type CalendarEntry = HolidayEntry & { source: string; builtin: boolean; importedAt: string | null };

type Row = { date: string; name: string; is_off_day: number; source: string; imported_at: string };

function tableRows(app: CoreApp, year?: number): Row[] {
  const sql = `SELECT date, name, is_off_day, source, imported_at FROM holidays${year ? ` WHERE date >= ? AND date < ?` : ''} ORDER BY date`;
  const st = app.sqlite.prepare(sql);
  return (year ? st.all(`${year}-01-01`, `${year + 1}-01-01`) : st.all()) as Row[];
}

/** Years the calendar covers (built in or imported). */
export function coveredYears(app: CoreApp): number[] {
  const imported = (app.sqlite.prepare(`SELECT DISTINCT CAST(substr(date, 1, 4) AS INTEGER) AS y FROM holidays`).all() as { y: number }[]).map((r) => r.y);
  return [...new Set<number>([...BUILTIN_YEARS, ...imported])].sort((a, b) => a - b);
}

/** One year's effective entries, each saying where it came from. */
export function listYear(app: CoreApp, year: number): CalendarEntry[] {
  const byDate = new Map<string, CalendarEntry>();
  for (const e of builtinHolidays([year])) byDate.set(e.date, { ...e, source: BUILTIN_SOURCE, builtin: true, importedAt: null });
  for (const r of tableRows(app, year)) {
    byDate.set(r.date, { date: r.date, name: r.name, isOffDay: r.is_off_day === 1, source: r.source, builtin: false, importedAt: r.imported_at });
  }
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}

/** The calendar every deadline is computed with; the 调休 policy comes from the settings. */
export function loadCalendar(app: CoreApp): HolidayCalendar {
  const offDays = new Map<string, string>();
  const makeUpDays = new Map<string, string>();
  const put = (date: string, name: string, off: boolean) => {
    offDays.delete(date);
    makeUpDays.delete(date);
    if (off) offDays.set(date, name);
    else makeUpDays.set(date, name);
  };
  for (const e of builtinHolidays()) put(e.date, e.name, e.isOffDay);
  for (const r of tableRows(app)) put(r.date, r.name, r.is_off_day === 1);
  return { offDays, makeUpDays, years: new Set(coveredYears(app)), makeUpCounts: getSettings(app).makeUpDayCounts };
}
