/**
 * Pure checks shared by the forms (as you type), the contract and the importer, so every host
 * applies the same rule. No imports: the renderer and the core both use this file.
 */

// 案号 and 法院代字: one rule in src/contract/caseNumber.ts, re-exported here for the callers that import the rules together.
export { COURT_CODE, checkCaseNo, normaliseCaseNo, type ParsedCaseNo } from './caseNumber';

/** 居民身份证号 check digit (GB 11643-1999). */
export function idNumberValid(s: string): boolean {
  if (!/^\d{17}[\dX]$/.test(s)) return false;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = w.reduce((a, x, i) => a + x * Number(s[i]), 0);
  if ('10X98765432'[sum % 11] !== s[17]) return false;
  const birth = `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`;
  const d = new Date(birth + 'T00:00:00Z');
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === birth && birth >= '1900-01-01';
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
  if (/^\d{17}[\dX]$/.test(s) && !/^[15-9]/.test(s)) return { ok: false, reason: `身份证号「${s}」校验位或出生日期不正确` };
  if (/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(s)) return { ok: false, reason: `统一社会信用代码「${s}」校验位不正确` };
  if (/^\d{15}$/.test(s)) return { ok: false, reason: '15 位旧身份证号请换成 18 位' };
  return { ok: false, reason: `「${raw.trim()}」应为 18 位身份证号或 18 位统一社会信用代码` };
}

/** The ID a party of `kind` must have: a person an ID number, an organisation a credit code. */
export function checkPartyIdFor(kind: '自然人' | '法人或其他组织', raw: string): { ok: true; value: string } | { ok: false; reason: string } {
  const s = raw.normalize('NFKC').replace(/\s/g, '').toUpperCase();
  if (kind === '自然人') return idNumberValid(s) ? { ok: true, value: s } : { ok: false, reason: /^\d{17}[\dX]$/.test(s) ? '身份证号校验位或出生日期不正确' : '应为 18 位身份证号' };
  return creditCodeValid(s) ? { ok: true, value: s } : { ok: false, reason: s.length === 18 ? '统一社会信用代码校验位不正确' : '应为 18 位统一社会信用代码' };
}
