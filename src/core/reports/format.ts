/**
 * Money is stored in fen; the report shows 万元 with two decimals (1 万元 = 1,000,000 fen),
 * rounded half away from zero on integers so no float error creeps in.
 */
export function wan(fen: number): string {
  const neg = fen < 0;
  const hundredths = Math.round(Math.abs(fen) / 10_000);
  const s = `${String(Math.floor(hundredths / 100)).replace(/\B(?=(\d{3})+$)/g, ',')}.${String(hundredths % 100).padStart(2, '0')}`;
  return neg && hundredths > 0 ? `-${s}` : s;
}

/** 万元 as a number with two decimals, for spreadsheet cells and charts. */
export function wanNumber(fen: number): number {
  return Math.round(fen / 10_000) / 100;
}

/** '2025-03-09' → '2025年3月9日' (official-document date style). */
export function chineseDate(d: string): string {
  return `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
}

/** '2025-W10' → '2025年第10周'. */
export function weekLabel(week: string): string {
  return `${week.slice(0, 4)}年第${Number(week.slice(6))}周`;
}

/**
 * One collator for the whole process (a locale compare per call is slow); numeric so 执9号 < 执10号.
 * Made on first use: building a zh-CN collator loads ICU data (~15 ms), which start-up need not pay.
 */
let collator: Intl.Collator | null = null;
export const byCaseNo = (a: string, b: string) => (collator ??= new Intl.Collator('zh-CN', { numeric: true })).compare(a, b);
