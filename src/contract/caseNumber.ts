/**
 * 案号: the one rule every host applies (forms as you type, the contract, the Excel importer, the core).
 * No imports: the renderer and the core both use this file.
 *
 * Sources (domain brief §3):
 * - 法〔2015〕137号《关于人民法院案件案号的若干规定》, in force 2016-01-01, amended by 法〔2018〕335号 ✅/🟢:
 *   （收案年度）法院代字[专门审判代字]类型代字案件编号号, no “字”, no “第”; numbers run from 1 in order of
 *   receipt (第十条), so a leading 0 is not part of the number: 执0170号 is 执170号.
 * - Before 2016 courts wrote （2015）鄂猇亭执字第00123号: a court abbreviation in Chinese characters, “字第”,
 *   often a zero-padded number. Old 终本 and 恢复 cases still carry such numbers, so they are accepted for
 *   years up to 2015 only; the abbreviation is resolved to a court code by the directory's 旧式简称
 *   (src/core/ledger/caseNumber.ts), because the old abbreviations were local practice, not a published list.
 * - 执请 (请示) is listed in the 2014 26号 opinion and may have been merged into 执他 in 2016 (❓ unverified):
 *   accepted with a soft warning, never refused.
 */

const PROVINCE = '最高法|[京津冀晋内辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川黔云藏陕甘青宁新军兵]';
/** 法院代字 (第四条、第五条): province code, optionally + 2 digits (中院) or 4 digits (基层). */
export const COURT_CODE = new RegExp(`^(${PROVINCE}(?:\\d{2}|\\d{4})?)$`);
const TYPES = '执恢|执保|执异|执复|执监|执协|执他|执请|执';
const MODERN = new RegExp(`^（(\\d{4})）(${PROVINCE}(?:\\d{2}|\\d{4})?)(知|海|金|铁)?(${TYPES})(\\d+)号$`);
/** Pre-2016: the court abbreviation is 1–12 Chinese characters (鄂猇亭, 宜猇, 鄂宜昌中), then 类型代字 + 字第. */
const LEGACY = new RegExp(`^（(\\d{4})）([\\u4e00-\\u9fff]{1,12}?)(${TYPES})字第(\\d+)号$`);

/** The first year of the 2016 numbering (法〔2015〕137号, in force 2016-01-01). */
export const NEW_NUMBERING_FROM = 2016;
/** Oldest year accepted for a legacy number (enforcement files older than this are not in any ledger). */
const LEGACY_FROM = 1950;

export type ParsedCaseNo = {
  /** As stored and shown: full-width brackets; a 2016-style number without leading zeros, a legacy one as written. */
  caseNo: string;
  /** What makes two numbers the same case: caseNo with the number's leading zeros dropped (cases.case_no_key). */
  key: string;
  year: number;
  /** 法院代字 of a 2016-style number; null for a legacy number (its court is named by `legacyCourt`). */
  courtCode: string | null;
  /** The Chinese court abbreviation of a pre-2016 number (鄂猇亭), resolved to a code by the directory. */
  legacyCourt: string | null;
  /** 类型代字, with a 专门审判代字 in front where there is one (知执). */
  typeCode: string;
  seq: number;
  legacy: boolean;
  /** Soft warnings: shown beside the field and in the import report, never a refusal. */
  warnings: string[];
};

export function normaliseCaseNo(raw: string): string {
  return raw.normalize('NFKC').replace(/\s/g, '').replace(/[(〔[【]/g, '（').replace(/[)〕\]】]/g, '）');
}

/** This year in China time (收案年度 is a calendar year in China). */
export function chinaYear(now: Date = new Date()): number {
  return new Date(now.getTime() + 8 * 3600_000).getUTCFullYear();
}

const dropZeros = (digits: string) => String(Number(digits));
/** Numbers run in order of receipt within a year: more than 9 digits is a typing error (and would not round-trip). */
const tooLong = (digits: string) => digits.replace(/^0+/, '').length > 9;

/**
 * Checks a 案号 and returns its parts. `currentYear` (China time) bounds the 收案年度: a number from next
 * year cannot exist yet. The reason names what is expected; callers put the field label in front.
 */
export function checkCaseNo(raw: string, currentYear: number = chinaYear()): { ok: true; value: ParsedCaseNo } | { ok: false; reason: string } {
  if (typeof raw !== 'string' || !raw.trim()) return { ok: false, reason: '请填写案号' };
  if (raw.length > 60) return { ok: false, reason: '案号过长，请核对' };
  const s = normaliseCaseNo(raw);
  const warnings: string[] = [];
  const typeWarning = (type: string) => {
    if (type === '执请') warnings.push('类型代字“执请”（请示）见于 2014 年 26号文，2016 年后是否并入“执他”未核实，请核对');
  };
  const future = (year: number) => (year > currentYear ? `案号年度 ${year} 晚于今年（${currentYear}），请核对` : null);

  const old = LEGACY.exec(s);
  if (old) {
    const year = Number(old[1]);
    const seq = Number(old[4]);
    if (year >= NEW_NUMBERING_FROM) return { ok: false, reason: `2016 年起案号不再使用“字第”，应为如（${year}）鄂0505执${seq || 123}号` };
    if (year < LEGACY_FROM) return { ok: false, reason: `旧式案号年度 ${year} 不合理，请核对` };
    if (seq < 1) return { ok: false, reason: '案件编号应从 1 开始' };
    if (tooLong(old[4]!)) return { ok: false, reason: '案件编号过长，请核对' };
    typeWarning(old[3]!);
    const key = s.replace(/第\d+号$/, `第${dropZeros(old[4]!)}号`);
    return { ok: true, value: { caseNo: s, key, year, courtCode: null, legacyCourt: old[2]!, typeCode: old[3]!, seq, legacy: true, warnings } };
  }
  if (/字第/.test(s)) {
    const y = /^（(\d{4})）/.exec(s);
    if (y && Number(y[1]) >= NEW_NUMBERING_FROM) return { ok: false, reason: '2016 年起案号不再使用“字第”，应为如（2025）鄂0505执123号' };
    return { ok: false, reason: `旧式案号应为如（2015）鄂猇亭执字第123号（法院简称为汉字），实际为「${raw.trim()}」` };
  }
  const m = MODERN.exec(s);
  if (!m) return { ok: false, reason: `应为案号，如（2025）鄂0505执123号，实际为「${raw.trim()}」` };
  const year = Number(m[1]);
  const tooLate = future(year);
  if (tooLate) return { ok: false, reason: tooLate };
  if (year < NEW_NUMBERING_FROM)
    return { ok: false, reason: `${year} 年的案号应为旧式（如（${year}）鄂猇亭执字第123号）：法院代字加数字的案号自 2016 年起才使用` };
  const seq = Number(m[5]);
  if (seq < 1) return { ok: false, reason: '案件编号应从 1 开始' };
  if (tooLong(m[5]!)) return { ok: false, reason: '案件编号过长，请核对' };
  const typeCode = (m[3] ?? '') + m[4]!;
  typeWarning(m[4]!);
  if (m[5]!.startsWith('0')) warnings.push(`案件编号前的 0 不属于案号，已按 ${m[2]}${typeCode}${seq}号 保存`);
  const caseNo = `（${year}）${m[2]}${typeCode}${seq}号`;
  return { ok: true, value: { caseNo, key: caseNo, year, courtCode: m[2]!, legacyCourt: null, typeCode, seq, legacy: false, warnings } };
}

/**
 * 收案年度 against 立案日期 (第三条: the year is the year the case was received). They normally agree; a
 * case received on 12-31 and filed in January is possible, so this is a soft warning only.
 */
export function caseNoYearWarning(year: number, filedOn: string | null | undefined): string | null {
  if (!filedOn || !/^\d{4}-/.test(filedOn)) return null;
  const filedYear = Number(filedOn.slice(0, 4));
  return filedYear === year ? null : `立案日期（${filedOn}）与案号年度（${year}）不一致，请核对`;
}

/** Every soft warning for a 案号 as typed with its 立案日期 (forms show them below the field). */
export function caseNoWarnings(raw: string, filedOn?: string | null, currentYear?: number): string[] {
  const r = checkCaseNo(raw, currentYear);
  if (!r.ok) return [];
  const y = caseNoYearWarning(r.value.year, filedOn);
  return y ? [...r.value.warnings, y] : r.value.warnings;
}
