/**
 * Pure checks shared by the forms (as you type), the contract and the importer, so every host
 * applies the same rule. No imports: the renderer and the core both use this file.
 */

/** 法院代字 (法〔2015〕137号 第四条、第五条): province code, optionally + 2 digits (中院) or 4 digits (基层). */
export const COURT_CODE = /^(最高法|[京津冀晋内辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川黔云藏陕甘青宁新军兵](?:\d{2}|\d{4})?)$/;

/**
 * 案号 (法〔2015〕137号 as amended by 法〔2018〕335号): （收案年度）法院代字[专门审判代字]类型代字案件编号号.
 * Brackets are accepted half- or full-width and normalised to the official full-width （ ）.
 */
const CASE_NO = /^（(\d{4})）(最高法|[京津冀晋内辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川黔云藏陕甘青宁新军兵](?:\d{2}|\d{4})?)(知|海|金|铁)?(执恢|执保|执异|执复|执监|执协|执他|执)(\d+)号$/;

export type ParsedCaseNo = { caseNo: string; year: number; courtCode: string; typeCode: string; seq: number };

export function normaliseCaseNo(raw: string): string {
  return raw.normalize('NFKC').replace(/\s/g, '').replace(/[(〔[【]/g, '（').replace(/[)〕\]】]/g, '）');
}

export function checkCaseNo(raw: string): { ok: true; value: ParsedCaseNo } | { ok: false; reason: string } {
  const s = normaliseCaseNo(raw);
  if (/字第/.test(s)) return { ok: false, reason: '2016 年起案号不再使用“字第”，应为如（2025）鄂0505执123号' };
  const m = CASE_NO.exec(s);
  if (!m) return { ok: false, reason: `应为案号，如（2025）鄂0505执123号，实际为「${raw.trim()}」` };
  const year = Number(m[1]);
  // 收案年度: the new numbering started in 2016; a year far in the future is a typing error.
  if (year < 1990 || year > new Date().getFullYear() + 1) return { ok: false, reason: `案号年度 ${year} 不合理` };
  const seq = Number(m[5]);
  if (seq < 1) return { ok: false, reason: '案件编号应从 1 开始' };
  return { ok: true, value: { caseNo: s, year, courtCode: m[2]!, typeCode: (m[3] ?? '') + m[4]!, seq } };
}

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
