import dayjs from 'dayjs';

/** An instant (ISO UTC) shown in the user's local time. */
export const formatInstant = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm:ss');
/** Money stored in fen, shown in 元 with two decimals and thousands separators. */
export const formatYuan = (fen: number) =>
  (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
/** Money in 万元 with two decimals (the weekly report's unit). */
export const formatWan = (fen: number) => (fen / 1_000_000).toFixed(2);
/** A legal date as stored ('YYYY-MM-DD'), or a dash when absent. */
export const formatDate = (d: string | null | undefined) => (d ? d.slice(0, 10) : '—');
/** Money in fen as 元 with two decimals, or a dash when absent (tables). */
export const formatYuanOrDash = (fen: number | null | undefined) => (fen === null || fen === undefined ? '—' : formatYuan(fen));
/**
 * What a person typed into an amount field (元; "1,234.5", "１２３４") → fen, or a Chinese reason.
 * Exact decimal arithmetic, at most two decimals, never negative.
 */
export function parseYuanInput(text: string): { ok: true; fen: number | null } | { ok: false; reason: string } {
  const s = text.normalize('NFKC').replace(/[,\s¥￥元]/g, '');
  if (!s) return { ok: true, fen: null };
  if (s.startsWith('-')) return { ok: false, reason: '金额不能为负数' };
  const m = /^(\d{1,13})(?:\.(\d{0,2}))?$/.exec(s);
  if (!m) return { ok: false, reason: /^\d+\.\d{3,}$/.test(s) ? '金额最多两位小数（精确到分）' : '请输入金额数字（元），如 12500.00' };
  return { ok: true, fen: Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) };
}
/** Fen as the text of an amount input (no separators). */
export const fenToInput = (fen: number | null | undefined) => (fen === null || fen === undefined ? '' : (fen / 100).toFixed(2));
/** A court's name as people say it: 宜昌市夷陵区人民法院 → 夷陵区法院, 湖北省宜昌市中级人民法院 → 宜昌中院. */
export function shortCourtName(name: string | null | undefined): string {
  if (!name) return '—';
  const mid = /^(?:.+?省)?(.+?)市中级人民法院$/.exec(name);
  if (mid) return `${mid[1]}中院`;
  const high = /^(.+?)(?:省|自治区)?高级人民法院$/.exec(name);
  if (high) return `${high[1]!.replace(/省$/, '')}高院`;
  return name.replace(/^.+?(?:省|自治区)/, '').replace(/^.+?市(?=.+[区县市旗])/, '').replace(/人民法院$/, '法院');
}
