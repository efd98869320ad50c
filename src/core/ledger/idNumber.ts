import { idNumberProblem } from '../../contract/ledgerRules';

/** 居民身份证号码 (GB 11643-1999): the rule of idNumberProblem (check character, region, birth date). */
export function parseIdNumber(raw: string): { ok: true; value: string; birthDate: string; sex: '男' | '女' } | { ok: false; reason: string } {
  if (typeof raw !== 'string') return { ok: false, reason: '应为 18 位身份证号' };
  const s = raw.normalize('NFKC').replace(/\s/g, '').toUpperCase();
  if (/^\d{15}$/.test(s)) return { ok: false, reason: '15 位旧身份证号请换成 18 位' };
  if (!/^\d{17}[\dX]$/.test(s)) return { ok: false, reason: '应为 18 位身份证号（前 17 位数字，末位数字或 X）' };
  const problem = idNumberProblem(s);
  if (problem) return { ok: false, reason: problem };
  const birthDate = `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`;
  // GB 11643 第 4.4 条: the 17th digit (顺序码末位) is odd for men, even for women.
  return { ok: true, value: s, birthDate, sex: Number(s[16]) % 2 === 1 ? '男' : '女' };
}

/** Builds a valid number from 17 digits (tests and demo data use it). */
export function withIdCheckDigit(first17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = w.reduce((a, x, i) => a + x * Number(first17[i]), 0);
  return first17 + '10X98765432'[sum % 11];
}
