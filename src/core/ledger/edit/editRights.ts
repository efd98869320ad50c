import { HANDLER_ROLES, REASSIGN_ROLES, ROLE_LABELS, type Role } from '../../../contract/roles';
import type { UserPublic } from '../../../contract/calls/common';
import type { CoreApp } from '../../app';
import { fail, notFound } from '../../errors';

/**
 * Who may change a case in the ledger, and who names its handler (issue 12 §1). The handler sees the
 * case's 副卷 (efiles/access.ts), so naming one is the chief's act — or an administrator's — and is
 * audited with the old and the new name. The rule, local practice of the bureau:
 *  - 执行局长, 管理员: edit every case, and reassign.
 *  - 承办人 (staff): edit only the cases they handle; a case they create is theirs.
 *  - 书记员 (clerk): assists the handlers, so records any case's data (parties, progress, transfers)
 *    but never names a handler — the 副卷 stays with the handler, the chief and administrators.
 *  - 分管院领导 (leader): supervises; may correct a case's data, never names a handler.
 */
type CaseRow = { id: number; caseNo: string; handlerId: number | null; handlerName: string | null };

export const mayReassign = (user: UserPublic): boolean => (REASSIGN_ROLES as readonly string[]).includes(user.role);

function caseRow(app: CoreApp, caseId: number): CaseRow {
  return (
    (app.sqlite
      .prepare('SELECT c.id, c.case_no AS caseNo, c.handler_id AS handlerId, u.display_name AS handlerName FROM cases c LEFT JOIN users u ON u.id = c.handler_id WHERE c.id = ?')
      .get(caseId) as CaseRow | undefined) ?? notFound('案件')
  );
}

/** Refuses a staff member editing a case somebody else handles. The CLI principal (id ≤ 0) is an administrator. */
export function requireCaseEditor(app: CoreApp, user: UserPublic, caseId: number): CaseRow {
  const c = caseRow(app, caseId);
  if (user.role === 'staff' && c.handlerId !== user.id) {
    fail('FORBIDDEN', `${c.caseNo} 的承办人是${c.handlerName ?? '（未指定）'}，承办人只能修改自己承办的案件；如需改派，请联系执行局长`);
  }
  return c;
}

/** The case a record belongs to, for the records edited by their own id. */
export function caseOfRecord(app: CoreApp, table: 'parties' | 'progress_entries' | 'transfers' | 'deductions' | 'supervisions', id: number, what: string): number {
  const r = app.sqlite.prepare(`SELECT case_id AS caseId FROM ${table} WHERE id = ?`).get(id) as { caseId: number } | undefined;
  return r?.caseId ?? notFound(what);
}

/** The handler a new case gets: staff handle their own cases; only the chief or an administrator names another. */
export function handlerForNewCase(app: CoreApp, user: UserPublic, handlerId: number | undefined): number | null {
  if (mayReassign(user)) return handlerId === undefined ? null : checkHandler(app, handlerId);
  if (user.role === 'staff' && (handlerId === undefined || handlerId === user.id)) return user.id;
  if (handlerId === undefined) return null;
  return fail('FORBIDDEN', `只有执行局长或管理员可以指定承办人（当前角色：${ROLE_LABELS[user.role]}）`, 'handlerId');
}

/** Validates a new handler: an active user whose role handles cases. */
export function checkHandler(app: CoreApp, handlerId: number): number {
  const u = app.sqlite.prepare('SELECT role, disabled, display_name AS name FROM users WHERE id = ?').get(handlerId) as { role: Role; disabled: number; name: string } | undefined;
  if (!u) return fail('INVALID_INPUT', '「承办人」不存在', 'handlerId');
  if (u.disabled) fail('INVALID_INPUT', `「承办人」${u.name} 已停用`, 'handlerId');
  if (!HANDLER_ROLES.includes(u.role)) fail('INVALID_INPUT', `「承办人」${u.name} 是${ROLE_LABELS[u.role]}，不能承办案件`, 'handlerId');
  return handlerId;
}

/**
 * Moves a case to another handler (or none). Answers the summary for the audit row, naming the old
 * and the new handler, or null when nothing changes.
 */
export function reassignCase(app: CoreApp, user: UserPublic, caseId: number, handlerId: number | null, reason?: string): string | null {
  if (!mayReassign(user)) fail('FORBIDDEN', `只有执行局长或管理员可以改派承办人（当前角色：${ROLE_LABELS[user.role]}）`, 'handlerId');
  const c = caseRow(app, caseId);
  if (handlerId !== null) checkHandler(app, handlerId);
  if (c.handlerId === handlerId) return null;
  const name = (id: number | null) =>
    id === null ? '（未指定）' : (app.sqlite.prepare('SELECT display_name AS n FROM users WHERE id = ?').get(id) as { n: string }).n;
  app.sqlite.prepare('UPDATE cases SET handler_id = ?, updated_at = ? WHERE id = ?').run(handlerId, app.now().toISOString(), caseId);
  return `${c.caseNo} 改派承办人：${name(c.handlerId)} → ${name(handlerId)}${reason ? `（${reason}）` : ''}`;
}
