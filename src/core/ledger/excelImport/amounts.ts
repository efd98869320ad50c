import { halfWidth } from './text';

/**
 * Amounts as ledgers hold them: numbers in 元 or 万元 (the unit usually sits in the header,
 * "标的金额（万元）"), or text carrying its own unit ("12.5万元", "¥1,234.56", "人民币3亿元").
 * The result is integer fen (the app's money unit); a unit in the cell beats the header's.
 */
export type AmountUnit = '元' | '万元';
export type AmountParse = { ok: true; fen: number; rounded: boolean } | { ok: false; reason: string };

const FEN_PER: Record<string, bigint> = { 元: 100n, 万元: 1_000_000n, 亿元: 10_000_000_000n };
/** 1 万亿元 in fen: anything bigger is a typing error, not an enforcement claim. */
const MAX_FEN = 100_000_000_000_000;

/** Cells that mean "nothing here". */
export const isBlankAmount = (s: string) => /^(|-|—|——|\/|无|\\|空)$/.test(s.trim());

export function parseAmountCell(v: unknown, headerUnit: AmountUnit | null): AmountParse {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { ok: false, reason: '不是有效的数字' };
    if (v < 0) return { ok: false, reason: `不能为负数（${v}）` };
    return fromDecimal(String(v).includes('e') ? v.toFixed(8) : String(v), FEN_PER[headerUnit ?? '元']!);
  }
  if (typeof v !== 'string') return { ok: false, reason: '应为金额数字' };
  let s = halfWidth(v).replace(/\s+/g, '').replace(/^(人民币|RMB|CNY|¥|￥)/i, '').replace(/,/g, '');
  if (/^-/.test(s) || /^负/.test(s)) return { ok: false, reason: `不能为负数（${v.trim()}）` };
  let unit = FEN_PER[headerUnit ?? '元']!;
  const m = /^(\d+(?:\.\d+)?)(元|万元|万|亿元|亿)?(整)?$/.exec(s);
  if (!m) return { ok: false, reason: `应为金额数字（如 12500.00 或 1.25万元），实际为「${v.trim()}」` };
  s = m[1]!;
  if (m[2]) unit = FEN_PER[m[2].endsWith('元') ? m[2] : m[2] + '元']!;
  return fromDecimal(s, unit);
}

/** Exact decimal → fen with BigInt (no 0.1 + 0.2 surprises); rounds half up beyond the fen. */
function fromDecimal(s: string, fenPerUnit: bigint): AmountParse {
  const [int = '0', frac = ''] = s.split('.');
  const scale = 10n ** BigInt(frac.length);
  const exact = BigInt(int + frac) * fenPerUnit;
  let fen = exact / scale;
  const rest = exact % scale;
  if (rest * 2n >= scale) fen += 1n;
  if (fen > BigInt(MAX_FEN)) return { ok: false, reason: '金额过大（超过 1 万亿元），请核对单位' };
  return { ok: true, fen: Number(fen), rounded: rest !== 0n };
}

/** The unit a header names: "标的金额（万元）", "到位金额(元)", "标的额/万元", "单位：万元". */
export function unitFromHeader(raw: string): AmountUnit | null {
  const s = halfWidth(raw);
  if (/万元|\(万\)|（万）|万$/.test(s)) return '万元';
  if (/元/.test(s)) return '元';
  return null;
}
