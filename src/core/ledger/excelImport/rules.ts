/**
 * The ledger's validators as the importer uses them: the same pure checks the case form and the
 * contract apply (src/contract/ledgerRules.ts), so an imported row obeys exactly the form's rules.
 */
import { checkCaseNo, checkPartyId as checkId, type ParsedCaseNo } from '../../../contract/ledgerRules';

export type { ParsedCaseNo };
export type CaseNoParse = ReturnType<typeof checkCaseNo>;
export const parseCaseNo = (raw: string): CaseNoParse => checkCaseNo(raw);
export type PartyIdParse = ReturnType<typeof checkId>;
export const checkPartyId = (raw: string): PartyIdParse => checkId(raw);
