import { halfWidth } from './text';
import { LEGAL_DATE_MAX, LEGAL_DATE_MIN } from '../../../contract/calls/common';

/**
 * Dates as bureaus type them into Excel: real date cells, bare serial numbers (45720), and text
 * such as 2025-03-04, 2025/3/4, 2025.3.4, 2025年3月4日, 20250304, ２０２５年３月４日 or
 * 二〇二五年三月四日. The result is a legal date 'YYYY-MM-DD' or a Chinese reason.
 */
export type DateParse = { ok: true; value: string } | { ok: false; reason: string };

/** Serials outside 1950–2100 are almost surely not dates (an amount typed into the wrong column). */
const MIN_SERIAL = 18_264; // 1950-01-01
const MAX_SERIAL = 73_051; // 2100-01-01

export function parseDateCell(v: unknown, opts: { date1904?: boolean } = {}): DateParse {
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return { ok: false, reason: '不是有效的日期' };
    // exceljs gives date cells as UTC midnight of the date shown in Excel.
    return checkRange(v.toISOString().slice(0, 10));
  }
  if (typeof v === 'number') return fromNumber(v, opts.date1904);
  if (typeof v !== 'string') return { ok: false, reason: '不是有效的日期' };
  const s = chineseDigits(halfWidth(v)).replace(/\s+/g, '');
  if (/^\d+(\.\d+)?$/.test(s)) return fromNumber(Number(s), opts.date1904, s);
  const m =
    /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:T?\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/.exec(s) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) return { ok: false, reason: '应为日期，如 2025-03-04、2025/3/4 或 2025年3月4日' };
  return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
}

function fromNumber(n: number, date1904 = false, text?: string): DateParse {
  // NaN/Infinity slip through every range comparison below (found by the parser fuzz test).
  if (!Number.isFinite(n)) return { ok: false, reason: '不是有效的日期' };
  if (Number.isInteger(n) && n >= 19_500_101 && n <= 21_001_231) {
    // 20250304 typed as a number
    return ymd(Math.floor(n / 10_000), Math.floor(n / 100) % 100, n % 100);
  }
  const whole = Math.floor(n);
  if (whole < MIN_SERIAL || whole > MAX_SERIAL) return { ok: false, reason: `应为日期，「${text ?? n}」不像日期` };
  // Excel's day 0 is 1899-12-30 (after its 1900 leap-year bug) or 1904-01-01 in the 1904 system.
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return checkRange(new Date(epoch + whole * 86_400_000).toISOString().slice(0, 10));
}

function ymd(y: number, m: number, d: number): DateParse {
  const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const t = new Date(iso + 'T00:00:00Z');
  if (m < 1 || m > 12 || d < 1 || d > 31 || Number.isNaN(t.getTime()) || t.toISOString().slice(0, 10) !== iso) {
    return { ok: false, reason: `「${y}年${m}月${d}日」不是真实存在的日期` };
  }
  return checkRange(iso);
}

function checkRange(iso: string): DateParse {
  if (iso < LEGAL_DATE_MIN || iso > LEGAL_DATE_MAX) return { ok: false, reason: `「${iso}」超出合理范围（1950–2100 年）` };
  return { ok: true, value: iso };
}

const CN_DIGITS: Record<string, string> = { 〇: '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/** 二〇二五年三月十四日 → 2025年3月14日 (years digit by digit, months and days with 十). */
function chineseDigits(s: string): string {
  if (!/[〇零一二三四五六七八九十]/.test(s)) return s;
  return s
    .replace(/[〇零一二三四五六七八九]{4}(?=年)/, (y) => [...y].map((c) => CN_DIGITS[c]).join(''))
    .replace(/([二三]?)十([一二三四五六七八九]?)/g, (_, a: string, b: string) => String((a ? Number(CN_DIGITS[a]) : 1) * 10 + (b ? Number(CN_DIGITS[b]) : 0)))
    .replace(/[〇零一二三四五六七八九]/g, (c) => CN_DIGITS[c]!);
}
