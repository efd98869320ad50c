import { creditCodeValid } from '../../contract/ledgerRules';

/** 统一社会信用代码 (GB 32100-2015): 18 characters, check character by MOD 31 over weights 3^i mod 31. */
const CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function parseCreditCode(raw: string): { ok: true; value: string } | { ok: false; reason: string } {
  if (typeof raw !== 'string') return { ok: false, reason: '应为 18 位统一社会信用代码' };
  const s = raw.normalize('NFKC').replace(/\s/g, '').toUpperCase();
  if (s.length !== 18) return { ok: false, reason: `统一社会信用代码应为 18 位，实际 ${s.length} 位` };
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(s)) return { ok: false, reason: '统一社会信用代码含有不允许的字符（不用 I、O、Z、S、V）' };
  if (!creditCodeValid(s)) return { ok: false, reason: '统一社会信用代码校验位不正确' };
  return { ok: true, value: s };
}

/** Builds a valid code from its first 17 characters (tests and demo data use it). */
export function withCreditCheckChar(first17: string): string {
  const sum = WEIGHTS.reduce((a, w, i) => a + w * CHARS.indexOf(first17[i]!), 0);
  return first17 + CHARS[(31 - (sum % 31)) % 31];
}
