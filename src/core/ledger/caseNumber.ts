import { checkCaseNo, normaliseCaseNo, type ParsedCaseNo } from '../../contract/ledgerRules';

/**
 * 案号 (法〔2015〕137号 as amended by 法〔2018〕335号; domain brief §3). The strict rule lives in
 * src/contract/ledgerRules.ts so forms, contract and importer agree; this adds the legacy form
 * `（2015）鄂0505执字第123号` (before 2016-01-01), accepted for old records with a note.
 */
export type CaseNumber = ParsedCaseNo & { legacy: boolean; note?: string; specialCode?: string };

const LEGACY = /^（(\d{4})）(最高法|[京津冀晋内辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川黔云藏陕甘青宁新军兵](?:\d{2}|\d{4})?)(执恢|执保|执异|执复|执监|执协|执他|执请|执)字第(\d+)号$/;
const SPECIAL = /^（\d{4}）[^\d（）]+?\d*(知|海|金|铁)执/;

export function parseCaseNumber(raw: string): { ok: true; value: CaseNumber } | { ok: false; reason: string } {
  if (typeof raw !== 'string' || !raw.trim()) return { ok: false, reason: '请填写案号' };
  if (raw.length > 60) return { ok: false, reason: '案号过长，请核对' };
  const s = normaliseCaseNo(raw);
  const legacy = LEGACY.exec(s);
  if (legacy) {
    const year = Number(legacy[1]);
    const seq = Number(legacy[4]);
    // 2016 年 1 月 1 日起施行新案号规则（法〔2015〕137号），此前的“字第”格式只可能出现在旧案中。
    if (year >= 2016) return { ok: false, reason: `2016 年起案号不再使用“字第”，应为如（${year}）${legacy[2]}${legacy[3]}${seq}号` };
    if (year < 1950 || seq < 1) return { ok: false, reason: '旧式案号的年度或编号不合理' };
    return {
      ok: true,
      value: { caseNo: s, year, courtCode: legacy[2]!, typeCode: legacy[3]!, seq, legacy: true, note: '2016 年以前的旧式案号（“字第”），按原样保存' },
    };
  }
  const r = checkCaseNo(s);
  if (!r.ok) return r;
  const special = SPECIAL.exec(r.value.caseNo)?.[1];
  return { ok: true, value: { ...r.value, legacy: false, ...(special ? { specialCode: special } : {}) } };
}

/** The 案号 in its official form (full-width brackets), or null when it is not a valid one. */
export function normaliseCaseNumber(raw: string): string | null {
  const r = parseCaseNumber(raw);
  return r.ok ? r.value.caseNo : null;
}
