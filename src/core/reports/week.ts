import { fail } from '../errors';
import { plusDays } from '../ledger/dates';

/**
 * Reporting weeks. '2025-W10' names ISO week 10 of 2025; with the default setting (weeks start on
 * Monday) the reporting week is exactly that ISO week, Monday–Sunday. With another start day (local
 * setting `reportWeekStartsOn`) the reporting week is the 7 days that END inside ISO week 10, so each
 * ISO week still names exactly one reporting week.
 *
 * The figures are "as of" the end of the week's last day in China time (UTC+8, no DST): the instant
 * next-day 00:00 +08:00, i.e. lastDay T16:00Z. Everything recorded (`at`, `recorded_at`) before that
 * instant counts; later records are corrections for the next report.
 */
export type ReportWeek = { week: string; startOn: string; endOn: string; cutoffAt: string };

const WEEK = /^(\d{4})-W(\d{2})$/;

/** Monday of ISO week `w` of `year` (ISO 8601: week 1 contains 4 January). */
function isoMonday(year: number, w: number): string {
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const dow = jan4.getUTCDay() || 7;
  const monday1 = new Date(jan4.getTime() - (dow - 1) * 86_400_000);
  return new Date(monday1.getTime() + (w - 1) * 7 * 86_400_000).toISOString().slice(0, 10);
}

function weeksInYear(year: number): number {
  // A year has 53 ISO weeks when 28 December falls in week 53.
  return isoWeekOf(`${year}-12-28`).week.endsWith('53') ? 53 : 52;
}

/** The ISO week a legal date falls in. */
export function isoWeekOf(date: string): { week: string; year: number; num: number } {
  const d = new Date(date + 'T00:00:00Z');
  const dow = d.getUTCDay() || 7;
  const thursday = new Date(d.getTime() + (4 - dow) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1);
  const num = Math.floor((thursday.getTime() - jan1) / 86_400_000 / 7) + 1;
  return { week: `${year}-W${String(num).padStart(2, '0')}`, year, num };
}

export function reportWeek(week: string, startsOn = 1): ReportWeek {
  const m = WEEK.exec(week);
  if (!m) fail('INVALID_INPUT', '「周次」应为如 2025-W10 的格式', 'week');
  const year = Number(m![1]);
  const num = Number(m![2]);
  if (num < 1 || num > weeksInYear(year)) fail('INVALID_INPUT', `「周次」${year} 年没有第 ${num} 周`, 'week');
  const monday = isoMonday(year, num);
  // Last day of the reporting week = the day before `startsOn`, taken inside this ISO week.
  const lastDow = startsOn === 1 ? 7 : startsOn - 1; // 1 = Monday … 7 = Sunday
  const endOn = plusDays(monday, lastDow - 1);
  const startOn = plusDays(endOn, -6);
  return { week, startOn, endOn, cutoffAt: `${endOn}T16:00:00.000Z` };
}

/** The reporting week containing a legal date. */
export function reportWeekOfDate(date: string, startsOn = 1): ReportWeek {
  // The week ends on the first "last day" on or after the date.
  const lastDow = startsOn === 1 ? 7 : startsOn - 1;
  const dow = new Date(date + 'T00:00:00Z').getUTCDay() || 7;
  const endOn = plusDays(date, (lastDow - dow + 7) % 7);
  return reportWeek(isoWeekOf(endOn).week, startsOn);
}

/** The week `n` weeks before (negative) or after. */
export function shiftWeek(w: ReportWeek, n: number, startsOn = 1): ReportWeek {
  return reportWeekOfDate(plusDays(w.endOn, 7 * n), startsOn);
}
