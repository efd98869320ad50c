import type { Handlers } from '../context';
import { requireUser } from '../context';
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

  'auth.setupAdmin': (ctx, input) => {
    const { app } = ctx;
    if (countUsers(app) > 0) fail('CONFLICT', '系统已初始化，管理员已存在；请直接登录');
    const admin = createUser(app, { username: input.username, displayName: input.displayName, role: 'admin', password: input.password });
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
  },

  'auth.login': (ctx, input) => {
    const { app } = ctx;
    const u = checkCredentials(app, input.username, input.password, ctx.call);
    ctx.user = toPublic(u);
    ctx.commit(() => recordLogin(app, u.id), { recordType: 'user', recordId: u.id, summary: `${u.displayName} 登录` });
    app.sessions.bind(ctx.sessionKey, u.id);
    return toPublic(u);
  },

  'auth.unlock': (ctx, input) => {
    const { app } = ctx;
    if (!ctx.user) fail('UNAUTHENTICATED', '会话已结束，请重新登录');
    const u = getUser(app, ctx.user!.id);
    checkCredentials(app, u.username, input.password, ctx.call);
    app.sessions.unlock(ctx.sessionKey);
    return toPublic(u);
  },

  'auth.logout': (ctx) => {
    if (ctx.user) ctx.commit(() => undefined, { recordType: 'user', recordId: ctx.user.id, summary: `${ctx.user.displayName} 退出登录` });
    ctx.app.sessions.clear(ctx.sessionKey);
    return { done: true as const };
  },

  'auth.changePassword': (ctx, input) => {
    const me = requireUser(ctx);
    const u = getUser(ctx.app, me.id);
    // Checked without counting toward lockout would let a stolen session guess; so count it.
    checkCredentials(ctx.app, u.username, input.password, ctx.call);
    setPassword(ctx.app, me.id, input.newPassword);
    ctx.note({ recordType: 'user', recordId: me.id, summary: `${me.displayName} 修改了自己的密码` });
    return { done: true as const };
  },
};
