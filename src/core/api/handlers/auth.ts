import type { Handlers } from '../context';
import { asyncHandler, requireUser } from '../context';
import { hashPassword } from '../../auth/password';
import { checkCredentials, countUsers, createUser, getUser, recordLogin, setPassword, toPublic } from '../../auth/users';
import { fail } from '../../errors';
import { getSettings } from '../../settings/settings';
import { loadDemoData } from '../../demo/demo';
import { ensureSigningKey } from '../../exchange/keys';

type AuthHandlers = Pick<Handlers, 'auth.status' | 'auth.setupAdmin' | 'auth.login' | 'auth.unlock' | 'auth.logout' | 'auth.changePassword'>;

export const authHandlers: AuthHandlers = {
  'auth.status': ({ app, user, sessionKey }) => {
    const s = getSettings(app);
    const entry = user ? app.sessions.peek(sessionKey, s.idleLockMinutes) : null;
    return {
      initialized: countUsers(app) > 0,
      user,
      locked: entry?.locked ?? false,
      court: { name: s.courtName, code: s.courtCode },
      idleLockMinutes: s.idleLockMinutes,
    };
  },

  // The password is hashed before the transaction (scrypt off the event loop); then one commit.
  'auth.setupAdmin': asyncHandler(async (ctx, input) => {
    const { app } = ctx;
    if (countUsers(app) > 0) fail('CONFLICT', '系统已初始化，管理员已存在；请直接登录');
    const hashed = await hashPassword(input.password);
    return ctx.commit(() => {
      if (countUsers(app) > 0) fail('CONFLICT', '系统已初始化，管理员已存在；请直接登录');
      const admin = createUser(app, { username: input.username, displayName: input.displayName, role: 'admin', hashed });
      app.sessions.bind(ctx.sessionKey, admin.id);
      ctx.user = toPublic(admin);
      if (input.loadDemo) loadDemoData(app, ctx.user);
      // The installation's upward-package signing key is made at init (issue 7 §3), not on first export,
      // so its public key can be handed to the 中院 for pinning before anything is sent. A failure here
      // rolls the admin back, so first run is retried whole; a key left by a failed run is simply reused.
      const key = ensureSigningKey(app);
      ctx.note({
        recordType: 'user',
        recordId: admin.id,
        summary: `创建管理员 ${admin.displayName}${input.loadDemo ? '，并载入演示数据' : ''}；生成上报包签名密钥 ${key.keyId}`,
      });
      return toPublic(admin);
    });
  }),

  'auth.login': async (ctx, input) => {
    const { app } = ctx;
    const u = await checkCredentials(app, input.username, input.password, { call: ctx.call, client: ctx.client, reveal: false });
    ctx.user = toPublic(u);
    ctx.commit(() => recordLogin(app, u.id), { recordType: 'user', recordId: u.id, summary: `${u.displayName} 登录` });
    app.sessions.bind(ctx.sessionKey, u.id);
    return toPublic(u);
  },

  'auth.unlock': async (ctx, input) => {
    const { app } = ctx;
    if (!ctx.user) fail('UNAUTHENTICATED', '会话已结束，请重新登录');
    const u = getUser(app, ctx.user!.id);
    await checkCredentials(app, u.username, input.password, { call: ctx.call, client: ctx.client, reveal: true });
    app.sessions.unlock(ctx.sessionKey);
    return toPublic(u);
  },

  'auth.logout': (ctx) => {
    if (ctx.user) ctx.commit(() => undefined, { recordType: 'user', recordId: ctx.user.id, summary: `${ctx.user.displayName} 退出登录` });
    ctx.app.sessions.clear(ctx.sessionKey);
    return { done: true as const };
  },

  // asyncHandler: not inside the dispatcher's transaction, so a wrong old password's count and audit
  // row (written by checkCredentials in their own transaction) survive the failed call — a stolen
  // session cannot guess the password here without locking the account (issue 12 §4).
  'auth.changePassword': asyncHandler(async (ctx, input) => {
    const me = requireUser(ctx);
    const u = getUser(ctx.app, me.id);
    await checkCredentials(ctx.app, u.username, input.password, { call: ctx.call, client: ctx.client, reveal: true });
    const hashed = await hashPassword(input.newPassword);
    ctx.commit(() => setPassword(ctx.app, me.id, hashed, ctx.sessionKey), { recordType: 'user', recordId: me.id, summary: `${me.displayName} 修改了自己的密码（其他会话已结束）` });
    return { done: true as const };
  }),
};
