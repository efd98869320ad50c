import dayjs from 'dayjs';

/** An instant (ISO UTC) shown in the user's local time. */
export const formatInstant = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm:ss');
/** Money stored in fen, shown in 元 with two decimals and thousands separators. */
export const formatYuan = (fen: number) =>
  (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
/** Money in 万元 with two decimals (the weekly report's unit). */
export const formatWan = (fen: number) => (fen / 1_000_000).toFixed(2);
