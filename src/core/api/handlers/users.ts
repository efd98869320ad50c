import type { Handlers } from '../context';
import { asyncHandler } from '../context';
import { hashPassword } from '../../auth/password';
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
  // Passwords are hashed before the transaction, off the event loop (issue 12 §4).
  'users.add': asyncHandler(async (ctx, input) => {
    const { password, ...rest } = input;
    const hashed = await hashPassword(password);
    return ctx.commit(() => {
      const u = createUser(ctx.app, { ...rest, hashed });
      ctx.note({ recordType: 'user', recordId: u.id, summary: `新增用户 ${u.displayName}（${ROLE_LABELS[u.role]}）` });
      return toPublic(u);
    });
  }),
  'users.update': (ctx, input) => {
    const u = updateUser(ctx.app, input.userId, input);
    ctx.note({ recordType: 'user', recordId: u.id, summary: `修改用户 ${u.displayName}：角色 ${ROLE_LABELS[u.role]}` });
    return toPublic(u);
  },
  // A reset ends every session of that user (setPassword): whoever knew the old password is out.
  'users.resetPassword': asyncHandler(async (ctx, input) => {
    const hashed = await hashPassword(input.newPassword);
    return ctx.commit(() => {
      const u = setPassword(ctx.app, input.userId, hashed);
      ctx.note({ recordType: 'user', recordId: u.id, summary: `重置 ${u.displayName} 的密码（其会话已结束）` });
      return toPublic(u);
    });
  }),
  'users.setDisabled': (ctx, input) => {
    const u = setDisabled(ctx.app, input.userId, input.disabled);
    ctx.note({ recordType: 'user', recordId: u.id, summary: `${input.disabled ? '停用' : '启用'}用户 ${u.displayName}` });
    return toPublic(u);
  },
};
