import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };

/**
 * Built-in official holiday data: 国务院办公厅 notices for 2025 (gov.cn content_6986383) and 2026
 * (gov.cn content_7047091), taken from the maintained `chinese-days` package and checked against the
 * domain brief §7.2–7.3 in calendar.test.ts. Later years: an administrator imports the year's notice.
 */
export const BUILTIN_YEARS = [2025, 2026] as const;
export const BUILTIN_SOURCE = 'chinese-days（国务院办公厅放假通知）';

export type HolidayEntry = { date: string; name: string; isOffDay: boolean };

function nameOf(raw: string): string {
  return raw.split(',')[1] ?? raw;
}

export function builtinHolidays(years: readonly number[] = BUILTIN_YEARS): HolidayEntry[] {
  const d = data as { holidays: Record<string, string>; workdays: Record<string, string> };
  const inYears = (date: string) => years.includes(Number(date.slice(0, 4)));
  return [
    ...Object.entries(d.holidays).filter(([k]) => inYears(k)).map(([date, v]) => ({ date, name: nameOf(v), isOffDay: true })),
    ...Object.entries(d.workdays).filter(([k]) => inYears(k)).map(([date, v]) => ({ date, name: `${nameOf(v)}调休上班`, isOffDay: false })),
  ].sort((a, b) => a.date.localeCompare(b.date));
}
