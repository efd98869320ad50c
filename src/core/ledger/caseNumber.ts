import { checkCaseNo, chinaYear, type ParsedCaseNo } from '../../contract/caseNumber';
import type { CoreApp } from '../app';
import { fail } from '../errors';

/**
 * The 案号 rule on the database side: the pure rule (src/contract/caseNumber.ts) with this app's clock,
 * the court a number names (a legacy abbreviation through the directory's 旧式简称, table
 * court_legacy_names, ledger-courts/0004), and uniqueness on the normalised number (cases.case_no_key,
 * ledger/0002: leading zeros of the number do not count).
 */
export type ResolvedCaseNo = ParsedCaseNo & { courtCode: string };

/** Legacy abbreviation → court code, or null when no court of the directory registered it. */
export function legacyCourtCode(app: CoreApp, abbreviation: string): string | null {
  const r = app.sqlite.prepare('SELECT court_code AS code FROM court_legacy_names WHERE name = ?').get(abbreviation) as { code: string } | undefined;
  return r?.code ?? null;
}

/** Checks a 案号 and finds its court; a refusal names the field (`「案号」…`). */
export function resolveCaseNo(app: CoreApp, raw: string, field = 'caseNo', label = '案号'): ResolvedCaseNo {
  const r = checkCaseNo(raw, chinaYear(app.now()));
  if (!r.ok) return fail('INVALID_INPUT', `「${label}」${r.reason}`, field);
  const v = r.value;
  if (v.legacyCourt) {
    const code = legacyCourtCode(app, v.legacyCourt);
    if (!code)
      return fail(
        'INVALID_INPUT',
        `「${label}」旧式案号中的法院简称「${v.legacyCourt}」不在法院名录中：请管理员在 设置 → 法院 中为该法院登记旧式简称`,
        field,
      );
    return { ...v, courtCode: code };
  }
  const known = app.sqlite.prepare('SELECT 1 FROM courts WHERE code = ?').get(v.courtCode);
  if (!known) return fail('INVALID_INPUT', `「${label}」案号中的法院代字 ${v.courtCode} 不在法院名录中，请先在设置中添加该法院`, field);
  return { ...v, courtCode: v.courtCode! };
}

/** The case already holding this number (same key: 执0170号 = 执170号), other than `exceptId`. */
export function caseHoldingNumber(app: CoreApp, key: string, exceptId?: number): { id: number; caseNo: string } | null {
  return (
    (app.sqlite.prepare('SELECT id, case_no AS caseNo FROM cases WHERE case_no_key = ? AND id != ? ORDER BY id LIMIT 1').get(key, exceptId ?? 0) as
      | { id: number; caseNo: string }
      | undefined) ?? null
  );
}

/** Refuses a number another case holds, naming both spellings when they differ. */
export function refuseTakenNumber(app: CoreApp, v: ParsedCaseNo, exceptId?: number, field = 'caseNo'): void {
  const other = caseHoldingNumber(app, v.key, exceptId);
  if (!other) return;
  const same = other.caseNo === v.caseNo ? '' : `（台账中写作 ${other.caseNo}，编号前的 0 不计）`;
  fail('CONFLICT', `「案号」${v.caseNo} 已在台账中${same}`, field);
}

/**
 * A case the ledger/0002 migration found sharing its number with an earlier case (both kept, this one
 * left out of the unique index): the earlier case, to show on the case page until someone renumbers it.
 */
export function duplicateOf(app: CoreApp, caseId: number): { id: number; caseNo: string } | null {
  return (
    (app.sqlite
      .prepare('SELECT o.id, o.case_no AS caseNo FROM cases c JOIN cases o ON o.id = c.case_no_dup_of WHERE c.id = ?')
      .get(caseId) as { id: number; caseNo: string } | undefined) ?? null
  );
}
