import { addMonths, plusDays, rollForward, type HolidayCalendar } from '../../calendar/period';

/**
 * The six-month clock of 民事诉讼法 第二百三十七条 / 执行程序解释（2020）第十条、第十三条.
 * - Start: the day the application was received (art. 10(1)) or, when property was found later,
 *   the day it was found (art. 10(2)); the start day itself is not counted (民诉法85).
 * - The six months end on the corresponding day (民法典202), pushed back by every deductible day
 *   (art. 13: 公告, 鉴定评估, 管辖争议, 执行协调, 暂缓, 中止), then rolled past rest days (民法典203).
 * - "超过六个月" excludes the end day (民法典1259): on the end day itself the clock is NOT yet past;
 *   from the next day the applicant may apply to the superior court (可报请上级).
 */
export type DeductibleInterval = { startOn: string; endOn: string | null };

export type SixMonthClock = {
  startOn: string;
  /** Last day of the six months after adding back deductible days and the holiday roll-forward. */
  endOn: string;
  deductedDays: number;
  /** True once today is after endOn. */
  past: boolean;
  warning?: string;
};

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to + 'T00:00:00Z') - Date.parse(from + 'T00:00:00Z')) / 86_400_000);
}

/** Distinct days covered by the intervals within [from, until] (both inclusive); an open interval runs to `until`. */
export function deductedDays(intervals: readonly DeductibleInterval[], from: string, until: string): number {
  const spans = intervals
    .map((i) => [i.startOn < from ? from : i.startOn, !i.endOn || i.endOn > until ? until : i.endOn] as const)
    .filter(([a, b]) => a <= b)
    .sort((x, y) => x[0].localeCompare(y[0]));
  let total = 0;
  let curA: string | null = null;
  let curB = '';
  for (const [a, b] of spans) {
    if (curA !== null && a <= plusDays(curB, 1)) {
      if (b > curB) curB = b;
      continue;
    }
    if (curA !== null) total += daysBetween(curA, curB) + 1;
    curA = a;
    curB = b;
  }
  if (curA !== null) total += daysBetween(curA, curB) + 1;
  return total;
}

export function sixMonthClock(cal: HolidayCalendar, startOn: string, intervals: readonly DeductibleInterval[], today: string): SixMonthClock {
  // Deductible days count only after the start day (the start day is not part of the period) and up to today.
  const deducted = intervals.length ? deductedDays(intervals, plusDays(startOn, 1), today) : 0;
  const end = rollForward(cal, plusDays(addMonths(startOn, 6), deducted));
  return { startOn, endOn: end.due, deductedDays: deducted, past: today > end.due, ...(end.warning ? { warning: end.warning } : {}) };
}
