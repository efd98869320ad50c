/**
 * Pure checks shared by the forms (as you type), the contract and the importer, so every host
 * applies the same rule. No imports: the renderer and the core both use this file.
 */

// 案号 and 法院代字: one rule in src/contract/caseNumber.ts, re-exported here for the callers that import the rules together.
export { COURT_CODE, checkCaseNo, normaliseCaseNo, type ParsedCaseNo } from './caseNumber';

/**
 * Province-level codes of GB/T 2260 (the first two digits of a 身份证号's address code), plus 81/82/83:
 * the 港澳台居民居住证 numbers (810000, 820000, 830000). The full county list changes yearly, so only the
 * province and "not a province-level code" are checked.
 */
const PROVINCES = new Set(['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82', '83']);
const RESIDENCE_PERMIT = /^(81|82|83)0000/;

const chinaToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * What is wrong with a 居民身份证号 (GB 11643-1999), or null: 17 digits + check character (ISO 7064
 * MOD 11-2), an address code of a real province (GB/T 2260, county level — not "xx0000"), and a real
 * birth date between 1900-01-01 and today. The check character comes first: a typo is the likeliest.
 */
export function idNumberProblem(s: string, today: string = chinaToday()): string | null {
  if (!/^\d{17}[\dX]$/.test(s)) return '应为 18 位身份证号';
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = w.reduce((a, x, i) => a + x * Number(s[i]), 0);
  if ('10X98765432'[sum % 11] !== s[17]) return '身份证号校验位或出生日期不正确';
  if (!PROVINCES.has(s.slice(0, 2)) || (s.slice(2, 6) === '0000' && !RESIDENCE_PERMIT.test(s))) return `身份证号前 6 位「${s.slice(0, 6)}」不是有效的行政区划代码`;
  const birth = `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`;
  const d = new Date(birth + 'T00:00:00Z');
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== birth) return `身份证号中的出生日期 ${birth} 不是真实的日期`;
  if (birth < '1900-01-01') return `身份证号中的出生日期 ${birth} 早于 1900 年`;
  if (birth > today) return `身份证号中的出生日期 ${birth} 晚于今天`;
  return null;
}

/** 居民身份证号 valid (idNumberProblem finds nothing). */
export function idNumberValid(s: string): boolean {
  return idNumberProblem(s) === null;
}

/** 统一社会信用代码 check character (GB 32100-2015). */
export function creditCodeValid(s: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(s)) return false;
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = w.reduce((a, x, i) => a + x * chars.indexOf(s[i]!), 0);
  return chars[(31 - (sum % 31)) % 31] === s[17];
}

/** An ID of either kind; 18 digits can be either, so whichever checksum holds decides. */
export function checkPartyId(raw: string): { ok: true; value: string; kind: '自然人' | '法人或其他组织' } | { ok: false; reason: string } {
  const s = raw.normalize('NFKC').replace(/\s/g, '').toUpperCase();
  if (idNumberValid(s)) return { ok: true, value: s, kind: '自然人' };
  if (creditCodeValid(s)) return { ok: true, value: s, kind: '法人或其他组织' };
  if (/^\d{17}[\dX]$/.test(s) && !/^[15-9]/.test(s)) return { ok: false, reason: `身份证号「${s}」：${idNumberProblem(s)}` };
  if (/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(s)) return { ok: false, reason: `统一社会信用代码「${s}」校验位不正确` };
  if (/^\d{15}$/.test(s)) return { ok: false, reason: '15 位旧身份证号请换成 18 位' };
  return { ok: false, reason: `「${raw.trim()}」应为 18 位身份证号或 18 位统一社会信用代码` };
}

/** The ID a party of `kind` must have: a person an ID number, an organisation a credit code. */
export function checkPartyIdFor(kind: '自然人' | '法人或其他组织', raw: string): { ok: true; value: string } | { ok: false; reason: string } {
  const s = raw.normalize('NFKC').replace(/\s/g, '').toUpperCase();
  if (kind === '自然人') {
    const problem = idNumberProblem(s);
    return problem ? { ok: false, reason: problem } : { ok: true, value: s };
  }
  return creditCodeValid(s) ? { ok: true, value: s } : { ok: false, reason: s.length === 18 ? '统一社会信用代码校验位不正确' : '应为 18 位统一社会信用代码' };
}
