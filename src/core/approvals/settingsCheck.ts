import type { Settings } from '../../contract/calls/settings';
import { ROLE_LABELS, type Role } from '../../contract/roles';
import type { CoreApp } from '../app';
import { fail } from '../errors';
import { getSettings } from '../settings/settings';

/**
 * Checks the approval settings an administrator saves (settings.update) against the users that
 * exist, so a setting can never leave requests without anyone who may decide them, and says in
 * words what changed for the audit row. Only the keys being saved are checked: disabling a user
 * later does not block unrelated settings.
 *   - 代理审批人 (approvalDeputyUserId, local setting): decides level 1 in the chief's place, so it
 *     must be an active 承办人 or 书记员 — the chief decides anyway, a 分管院领导 deciding level 1 too
 *     would collapse the two levels, and administrators do not decide.
 *   - 分管院领导审批 (approvalSecondLevel + modes, local setting): needs at least one mode and an
 *     active 分管院领导 account, or 提级/指令 requests would wait forever.
 */
const DEPUTY_ROLES: readonly Role[] = ['staff', 'clerk'];

type UserRow = { id: number; displayName: string; role: Role; disabled: number };

export function checkApprovalSettings(app: CoreApp, patch: Partial<Settings>): string[] {
  const said: string[] = [];
  if ('approvalDeputyUserId' in patch) {
    const id = patch.approvalDeputyUserId;
    if (id == null) said.push('不设代理审批人');
    else {
      const u = app.sqlite.prepare('SELECT id, display_name AS displayName, role, disabled FROM users WHERE id = ?').get(id) as UserRow | undefined;
      if (!u) fail('INVALID_INPUT', '「代理审批人」该用户不存在', 'approvalDeputyUserId');
      if (u!.disabled) fail('INVALID_INPUT', `「代理审批人」${u!.displayName} 的账户已停用`, 'approvalDeputyUserId');
      if (!DEPUTY_ROLES.includes(u!.role)) {
        const why: Partial<Record<Role, string>> = {
          chief: '执行局长本身即可审批，无需设为代理',
          leader: '分管院领导负责第二级审批，不能同时代理执行局长审批',
          admin: '管理员账户不参与审批',
        };
        fail('INVALID_INPUT', `「代理审批人」${u!.displayName}（${ROLE_LABELS[u!.role]}）不能设为代理审批人：${why[u!.role]}`, 'approvalDeputyUserId');
      }
      said.push(`代理审批人：${u!.displayName}`);
    }
  }
  if ('approvalSecondLevel' in patch || 'approvalSecondLevelModes' in patch) {
    const next = { ...getSettings(app), ...patch };
    if (next.approvalSecondLevel) {
      if (!next.approvalSecondLevelModes.length) fail('INVALID_INPUT', '「需分管院领导审批的方式」开启分管院领导审批时请至少选择一种方式', 'approvalSecondLevelModes');
      const leaders = app.sqlite.prepare(`SELECT count(*) AS n FROM users WHERE role = 'leader' AND disabled = 0`).get() as { n: number };
      if (!leaders.n) fail('INVALID_INPUT', '「分管院领导审批」还没有启用的分管院领导账户，开启后请求将无人审批；请先在 用户管理 中添加', 'approvalSecondLevel');
      said.push(`${next.approvalSecondLevelModes.join('、')}须经分管院领导审批`);
    } else said.push('不需分管院领导审批');
  }
  return said;
}
