/**
 * Legal periods (期间), pure functions over a holiday calendar.
 * - 民事诉讼法 第八十五条: the starting day is not counted; if the last day is a statutory rest day
 *   (法定休假日, which includes ordinary weekends), the period ends on the first working day after it.
 * - 民法典 第二百零二条: a period in months ends on the corresponding day of the last month; if that
 *   month has no such day, on its last day. 第二百零三条: the same holiday roll-forward applies.
 * - 调休上班日 (a weekend day declared a working day): whether it counts as a working day is a
 *   local setting (domain brief §2 ❓; default: it counts, since it is not a 法定休假日).
 */
export type HolidayCalendar = {
  /** Official days off (holidays, incl. weekend days inside a holiday block). */
  offDays: ReadonlyMap<string, string>;
  /** Weekend days declared working days (调休上班). */
  makeUpDays: ReadonlyMap<string, string>;
  /** Years for which the official notice has been loaded. */
  years: ReadonlySet<number>;
  /** Local setting: a make-up working weekend day counts as a working day. */
  makeUpCounts: boolean;
};

export const MISSING_YEAR_WARNING = '未含节假日顺延 / 请人工核对';

export type PeriodEnd = {
  /** The nominal last day before any roll-forward. */
  nominal: string;
  /** The last day after the roll-forward (民诉法85 / 民法典203). */
  due: string;
  rolled: boolean;
  /** Set when a year's holiday data is missing, so the roll-forward may be wrong. */
  warning?: string;
};

export function plusDays(d: string, n: number): string {
  const t = new Date(d + 'T00:00:00Z');
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
}

function weekday(d: string): number {
  return new Date(d + 'T00:00:00Z').getUTCDay();
}

export function yearOf(d: string): number {
  return Number(d.slice(0, 4));
}

/** A day on which a period can end: not an official day off, not a weekend unless a counted 调休上班日. */
export function isWorkingDay(cal: HolidayCalendar, d: string): boolean {
  if (cal.offDays.has(d)) return false;
  const wd = weekday(d);
  if (wd === 0 || wd === 6) return cal.makeUpCounts && cal.makeUpDays.has(d);
  return true;
}

/** The last day itself if it is a working day, else the first working day after it. */
export function rollForward(cal: HolidayCalendar, nominal: string): PeriodEnd {
  let d = nominal;
  let missing = !cal.years.has(yearOf(d));
  // Bounded: no official holiday block is longer than a few weeks.
  for (let i = 0; i < 60 && !isWorkingDay(cal, d); i++) {
    d = plusDays(d, 1);
    if (!cal.years.has(yearOf(d))) missing = true;
  }
  return { nominal, due: d, rolled: d !== nominal, ...(missing ? { warning: MISSING_YEAR_WARNING } : {}) };
}

/** n-day period from `start` (民诉法85: start day not counted). */
export function dayPeriod(cal: HolidayCalendar, start: string, days: number): PeriodEnd {
  return rollForward(cal, plusDays(start, days));
}

/** The corresponding day `months` later; missing day → last day of that month (民法典202). No roll-forward. */
export function addMonths(start: string, months: number): string {
  const y = yearOf(start);
  const m = Number(start.slice(5, 7)) - 1 + months;
  const day = Number(start.slice(8, 10));
  const ty = y + Math.floor(m / 12);
  const tm = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  return new Date(Date.UTC(ty, tm, Math.min(day, last))).toISOString().slice(0, 10);
}

/** Month period with the roll-forward (民法典202–203). */
export function monthPeriod(cal: HolidayCalendar, start: string, months: number): PeriodEnd {
  return rollForward(cal, addMonths(start, months));
}

/** The first working day after `d` (local rule "次日填报": next working day). */
export function nextWorkingDay(cal: HolidayCalendar, d: string): PeriodEnd {
  return rollForward(cal, plusDays(d, 1));
}
