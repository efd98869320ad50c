import type { UserPublic } from '../../contract/calls/common';
import type { AuditCallName, AuditRecordType } from '../../contract/auditNames';
import type { CoreApp } from '../app';
import { appendAudit } from '../audit/audit';
import { fail } from '../errors';

/**
 * Who may see what in an e-file. The 副卷 (internal volume) is visible only to the case's handler,
 * the chief and administrators: parties and lawyers may inspect only the 正卷 (法释〔2002〕39号
 * art. 5, domain brief §5.2); within the bureau, limiting it to these three is local practice.
 * Every call that lists, reads or exports documents goes through these checks.
 */
export type CaseHead = { id: number; caseNo: string; handlerId: number | null; handlerName: string | null };

export function caseHead(app: CoreApp, caseId: number): CaseHead {
  const c = app.sqlite
    .prepare('SELECT c.id, c.case_no AS caseNo, c.handler_id AS handlerId, u.display_name AS handlerName FROM cases c LEFT JOIN users u ON u.id = c.handler_id WHERE c.id = ?')
    .get(caseId) as CaseHead | undefined;
  return c ?? fail('NOT_FOUND', '案件不存在或已被删除', 'caseId');
}

export function canSeeSecondary(user: UserPublic, c: { handlerId: number | null }): boolean {
  return user.role === 'admin' || user.role === 'chief' || (c.handlerId !== null && c.handlerId === user.id);
}

export const SECONDARY_NOTE = '副卷仅本案承办人、执行局长和管理员可以查看。如需查阅，请联系承办人或执行局长。';

/** Refuses a 副卷 document (or a move into the 副卷) to anyone without the right. */
export function requireVolumeAccess(app: CoreApp, user: UserPublic, caseId: number | null, volume: string): void {
  if (volume !== '副卷' || caseId === null) return;
  if (!canSeeSecondary(user, caseHead(app, caseId))) fail('FORBIDDEN', SECONDARY_NOTE);
}

/** The 副卷 of every listed case must be open to the user (a copy of a 副卷 item concerning several cases). */
export function requireSecondaryOfCases(app: CoreApp, user: UserPublic, caseIds: readonly number[]): void {
  for (const id of caseIds) requireVolumeAccess(app, user, id, '副卷');
}

/**
 * Writes one audit row for looking at or exporting a 副卷 document (reads run outside a transaction).
 * `recordType` names where the copy lives when it is not the e-file itself (the approval's 审批表).
 */
export function auditSecondary(
  app: CoreApp,
  user: UserPublic,
  doc: { id: number; title: string; caseNo: string | null },
  what: '查看' | '下载' | '导出',
  call: AuditCallName,
  recordType: AuditRecordType = 'efile',
): void {
  app.sqlite.transaction(() =>
    appendAudit(app, {
      userId: user.id > 0 ? user.id : null,
      userName: user.displayName,
      call,
      recordType,
      recordId: doc.id,
      summary: `${what}副卷文件「${doc.title}」（${doc.caseNo ?? '局务'}）`,
    }),
  )();
}
