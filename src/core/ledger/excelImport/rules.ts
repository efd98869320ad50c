/**
 * The ledger's validators as the importer uses them: the same pure checks the case form and the
 * contract apply (src/contract/ledgerRules.ts), so an imported row obeys exactly the form's rules.
 */
import { checkCaseNo, checkPartyId as checkId, type ParsedCaseNo } from '../../../contract/ledgerRules';
import type { CourtIndex } from './courtIndex';

export type { ParsedCaseNo };
/** A 案号 with its court found: a legacy abbreviation (鄂猇亭) through the directory's 旧式简称. */
export type CaseNoParse = { ok: true; value: ParsedCaseNo & { courtCode: string } } | { ok: false; reason: string };

/** `today` (China time) bounds the 收案年度, as the form's check does with the clock. */
export function parseCaseNo(raw: string, ctx: { today: string; courts: CourtIndex }): CaseNoParse {
  const r = checkCaseNo(raw, Number(ctx.today.slice(0, 4)));
  if (!r.ok) return r;
  if (!r.value.legacyCourt) return { ok: true, value: { ...r.value, courtCode: r.value.courtCode! } };
  const code = ctx.courts.legacy(r.value.legacyCourt);
  if (!code) return { ok: false, reason: `旧式案号中的法院简称「${r.value.legacyCourt}」不在法院名录中：请管理员在“设置 → 法院”中为该法院登记旧式简称` };
  return { ok: true, value: { ...r.value, courtCode: code } };
}
export type PartyIdParse = ReturnType<typeof checkId>;
export const checkPartyId = (raw: string): PartyIdParse => checkId(raw);
