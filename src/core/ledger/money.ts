/**
 * Amounts as people type them (元 or 万元, full-width digits, thousands separators, "元" suffix)
 * → integer fen. Negative, non-numeric, more than 2 decimals of 元 (or 6 of 万元) and absurdly
 * large amounts are refused with a reason.
 */
export type MoneyUnit = '元' | '万元';
const MAX_FEN = 100_000_000_000_000; // 1 万亿元: anything larger is a unit mistake.

export function parseMoney(raw: string | number, unit: MoneyUnit = '元'): { ok: true; fen: number } | { ok: false; reason: string } {
  let s = typeof raw === 'number' ? (Number.isFinite(raw) ? String(raw) : '') : String(raw ?? '');
  s = s.normalize('NFKC').replace(/[\s,，]/g, '').replace(/^人民币|^¥|^￥/, '');
  let u = unit;
  if (s.endsWith('万元') || s.endsWith('万')) {
    u = '万元';
    s = s.replace(/万元?$/, '');
  } else if (s.endsWith('元')) {
    u = '元';
    s = s.slice(0, -1);
  }
  if (!s) return { ok: false, reason: '请填写金额' };
  if (s.startsWith('-')) return { ok: false, reason: '金额不能为负数' };
  // Plain decimal only: no exponent, no hex, no second dot.
  const m = /^(\d{1,15})(?:\.(\d+))?$/.exec(s);
  if (!m) return { ok: false, reason: `「${String(raw).slice(0, 30)}」不是有效的金额` };
  const frac = m[2] ?? '';
  const places = u === '万元' ? 6 : 2;
  if (frac.length > places && /[1-9]/.test(frac.slice(places))) return { ok: false, reason: `金额最多精确到分（${u === '万元' ? '万元小数 6 位' : '元小数 2 位'}）` };
  // Integer arithmetic on the digits, so 0.1 + 0.2 style float errors cannot creep in.
  const digits = m[1]! + frac.slice(0, places).padEnd(places, '0');
  const fen = u === '万元' ? Number(digits) : Number(digits);
  if (!Number.isSafeInteger(fen) || fen > MAX_FEN) return { ok: false, reason: '金额过大，请核对单位' };
  return { ok: true, fen };
}

/** fen → "1,234.56" for messages and reports. */
export function formatFen(fen: number): string {
  const neg = fen < 0;
  const a = Math.abs(Math.trunc(fen));
  const yuan = Math.floor(a / 100).toLocaleString('en-US');
  return `${neg ? '-' : ''}${yuan}.${String(a % 100).padStart(2, '0')}`;
}
