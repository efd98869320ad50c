import type { CoreApp } from '../../app';
import { REVIEW_TYPE_CODES } from '../../../contract/vocabulary';
import { fail } from '../../errors';
import { ZHONGBEN_SOURCE, zhongbenEarliest } from '../deadlines/gates';

const ZHONGBEN = '终结本次执行程序';

type Input = { caseId?: number; closureType?: string; closedOn?: string; filedOn?: string; zhongbenBasis?: string; confirmEarlyZhongben?: boolean };

/**
 * The 终本 gates checked when a case is saved (issue 11 §5), before anything is written:
 * - hard: 终本 closes an 执行实施类 case only; 执异/执复/执监/执协/执他 are review cases (法发〔2014〕26号);
 * - 民诉法解释（2022）第五百一十七条 ✅: closing a case as 终本 records its basis (applicant's signature,
 *   or panel review + the president's approval) — asked when the closure becomes 终本, so older
 *   终本 cases without it can still be edited;
 * - soft: 终本 within three months of 立案 (终本规定 第一条第四项) is refused until the user confirms
 *   (`confirmEarlyZhongben`): a warning at save time, never a block.
 */
export function checkZhongben(app: CoreApp, typeCode: string, v: Input): void {
  if (v.closureType !== ZHONGBEN) return;
  if ((REVIEW_TYPE_CODES as readonly string[]).includes(typeCode)) {
    fail('INVALID_INPUT', `「结案方式」${typeCode}案件属执行审查类，不能以终结本次执行程序结案（终本只适用于执行实施类案件，法发〔2014〕26号）`, 'closureType');
  }
  const before = v.caseId
    ? (app.sqlite.prepare('SELECT closure_type AS type, closed_on AS closedOn, zhongben_basis AS basis FROM cases WHERE id = ?').get(v.caseId) as
        | { type: string | null; closedOn: string | null; basis: string | null }
        | undefined)
    : undefined;
  const becomes = before?.type !== ZHONGBEN;
  if (becomes && !v.zhongbenBasis && !before?.basis) {
    fail('INVALID_INPUT', '「终本依据」请选择：申请执行人签字确认，或合议庭评议并经院长批准（民诉法解释 第五百一十七条）', 'zhongbenBasis');
  }
  if ((becomes || before?.closedOn !== v.closedOn) && v.closedOn && v.filedOn && !v.confirmEarlyZhongben) {
    const earliest = zhongbenEarliest(v.filedOn);
    if (v.closedOn < earliest) {
      fail(
        'INVALID_INPUT',
        `「立案未满三个月仍终本」终本结案日期 ${v.closedOn} 距立案（${v.filedOn}）未超过三个月，最早 ${earliest} 方可终本（${ZHONGBEN_SOURCE}）。确有理由的，请勾选后再保存`,
        'confirmEarlyZhongben',
      );
    }
  }
}

/** Stores the 517 basis with the case (cleared when the case is no longer closed as 终本). */
export function recordZhongbenBasis(app: CoreApp, caseId: number, v: Input): void {
  if (v.closureType !== ZHONGBEN) app.sqlite.prepare('UPDATE cases SET zhongben_basis = NULL WHERE id = ? AND zhongben_basis IS NOT NULL').run(caseId);
  else if (v.zhongbenBasis) app.sqlite.prepare('UPDATE cases SET zhongben_basis = ? WHERE id = ?').run(v.zhongbenBasis, caseId);
}
