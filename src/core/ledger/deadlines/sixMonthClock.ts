import { addMonths, plusDays, rollForward, type HolidayCalendar } from '../../calendar/period';
import { daysBetween } from '../dates';

export { daysBetween };

/**
 * The six-month clock of 民事诉讼法 第二百三十七条 / 执行程序解释（2020）第十条、第十三条.
 * - Start: chosen by `whoseClock` (whoseClock.ts); the start day itself is not counted (民诉法85).
 * - The six months end on the corresponding day (民法典202), pushed back by the deductible days
 *   (art. 13: 公告, 鉴定评估, 管辖争议, 执行协调, 暂缓, 中止), then rolled past rest days (民法典203).
 * - Deductible intervals (解释13): several intervals may overlap — the days of their UNION are
 *   deducted, each day once; an interval that starts after the six months (as extended so far) had
 *   already run out deducts nothing (the clock had stopped mattering: the applicant could already go
 *   up); a known end date may lie in the future (公告期) and then counts in full; an open interval
 *   counts up to the as-of day.
 * - "超过六个月" excludes the end day (民法典1259): on the end day itself the clock is NOT yet past;
 *   from the next day the applicant may apply to the superior court (可报请上级).
 */
export type DeductibleInterval = { startOn: string; endOn: string | null; kind?: string };

export type CountedInterval = { startOn: string; endOn: string; days: number; open: boolean };

export type SixMonthClock = {
  startOn: string;
  /** Last day of the six months after adding back deductible days and the holiday roll-forward. */
  endOn: string;
  deductedDays: number;
  /** The merged spans actually deducted (after clipping). */
  counted: CountedInterval[];
  /** Intervals recorded but deducting nothing because they began after the clock ran out. */
  ignored: number;
  /** True once the as-of day is after endOn. */
  past: boolean;
  warning?: string;
};

export const SIX_MONTH_SOURCE = '民事诉讼法 第二百三十七条；执行程序解释 第十条、第十三条（扣除期间）；民法典 第一千二百五十九条（“超过”不含本数）';

/** The union of the intervals as sorted disjoint spans, each within [from, asOf-or-known-end]. */
export function mergeIntervals(intervals: readonly DeductibleInterval[], from: string, asOf: string): CountedInterval[] {
  const spans = intervals
    .map((i) => ({ a: i.startOn < from ? from : i.startOn, b: i.endOn ?? asOf, open: !i.endOn }))
    .filter((s) => s.a <= s.b)
    .sort((x, y) => x.a.localeCompare(y.a) || x.b.localeCompare(y.b));
  const out: CountedInterval[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    // Touching or overlapping spans are one: a day is deducted once however many intervals cover it.
    if (last && s.a <= plusDays(last.endOn, 1)) {
      if (s.b > last.endOn) (last.endOn = s.b), (last.open = s.open);
      else if (s.b === last.endOn) last.open = last.open || s.open;
      last.days = daysBetween(last.startOn, last.endOn) + 1;
      continue;
    }
    out.push({ startOn: s.a, endOn: s.b, days: daysBetween(s.a, s.b) + 1, open: s.open });
  }
  return out;
}

/** Distinct days covered by the intervals within [from, …]; an open interval runs to `until`. */
export function deductedDays(intervals: readonly DeductibleInterval[], from: string, until: string): number {
  return mergeIntervals(intervals, from, until).reduce((s, i) => s + i.days, 0);
}

export function sixMonthClock(cal: HolidayCalendar, startOn: string, intervals: readonly DeductibleInterval[], asOf: string): SixMonthClock {
  const base = addMonths(startOn, 6);
  let end = rollForward(cal, base);
  let deducted = 0;
  const counted: CountedInterval[] = [];
  let ignored = 0;
  if (intervals.length) {
    // The start day is not part of the period, so deductions count from the day after it.
    const merged = mergeIntervals(intervals, plusDays(startOn, 1), asOf);
    for (const m of merged) {
      // 解释13 suspends a running clock; a span that begins once the six months have run out suspends nothing.
      if (m.startOn > end.due) {
        ignored++;
        continue;
      }
      deducted += m.days;
      counted.push(m);
      end = rollForward(cal, plusDays(base, deducted));
    }
  }
  return { startOn, endOn: end.due, deductedDays: deducted, counted, ignored, past: asOf > end.due, ...(end.warning ? { warning: end.warning } : {}) };
}
