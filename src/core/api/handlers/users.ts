import type { Handlers } from '../context';
import { createUser, listUsers, setDisabled, setPassword, toPublic, updateUser } from '../../auth/users';
import { ROLE_LABELS } from '../../../contract/roles';

type UserHandlers = Pick<Handlers, 'users.list' | 'users.directory' | 'users.add' | 'users.update' | 'users.resetPassword' | 'users.setDisabled'>;

export const userHandlers: UserHandlers = {
  'users.list': ({ app }) =>
    listUsers(app).map((u) => ({
      ...toPublic(u),
      disabled: u.disabled,
      lockedUntil: u.lockedUntil,
      createdAt: u.createdAt,
      lastLoginAt: u.lastLoginAt,
    })),
  'users.directory': ({ app }) => listUsers(app).filter((u) => !u.disabled).map(toPublic),
  'users.add': (ctx, input) => {
    const u = createUser(ctx.app, input);
    ctx.note({ recordType: 'user', recordId: u.id, summary: `新增用户 ${u.displayName}（${ROLE_LABELS[u.role]}）` });
    return toPublic(u);
  },
  'users.update': (ctx, input) => {
    const u = updateUser(ctx.app, input.userId, input);
    ctx.note({ recordType: 'user', recordId: u.id, summary: `修改用户 ${u.displayName}：角色 ${ROLE_LABELS[u.role]}` });
    return toPublic(u);
  },
  'users.resetPassword': (ctx, input) => {
    const u = setPassword(ctx.app, input.userId, input.newPassword);
    ctx.note({ recordType: 'user', recordId: u.id, summary: `重置 ${u.displayName} 的密码` });
    return toPublic(u);
  },
  'users.setDisabled': (ctx, input) => {
    const u = setDisabled(ctx.app, input.userId, input.disabled);
    ctx.note({ recordType: 'user', recordId: u.id, summary: `${input.disabled ? '停用' : '启用'}用户 ${u.displayName}` });
    return toPublic(u);
  },
};
