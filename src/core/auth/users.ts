import { asc, eq, sql } from 'drizzle-orm';
import type { Role } from '../../contract/roles';
import type { UserPublic } from '../../contract/calls/common';
import type { CoreApp } from '../app';
import { users } from '../db/schema';
import { fail, notFound } from '../errors';
import { hashPassword, verifyPassword } from './password';
import { appendAudit } from '../audit/audit';

/** Rule (local setting in spirit, fixed by the foundation issue): 5 wrong passwords lock the account for 5 minutes. */
export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 5;

type UserRecord = typeof users.$inferSelect;

export const toPublic = (u: UserRecord): UserPublic => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  role: u.role,
});

export function countUsers(app: CoreApp): number {
  return app.db.select({ n: sql<number>`count(*)` }).from(users).get()!.n;
}

export function getUser(app: CoreApp, id: number): UserRecord {
  return app.db.select().from(users).where(eq(users.id, id)).get() ?? notFound('用户');
}

export function listUsers(app: CoreApp): UserRecord[] {
  return app.db.select().from(users).orderBy(asc(users.id)).all();
}

export function createUser(
  app: CoreApp,
  input: { username: string; displayName: string; role: Role; password: string },
): UserRecord {
  const exists = app.db.select({ id: users.id }).from(users).where(sql`${users.username} = ${input.username} COLLATE NOCASE`).get();
  if (exists) fail('CONFLICT', `用户名「${input.username}」已存在`, 'username');
  const { hash, salt } = hashPassword(input.password);
  return app.db
    .insert(users)
    .values({
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      passwordHash: hash,
      passwordSalt: salt,
      createdAt: app.now().toISOString(),
    })
    .returning()
    .get();
}

export function updateUser(app: CoreApp, id: number, patch: { displayName?: string; role?: Role }): UserRecord {
  const u = getUser(app, id);
  if (patch.role && u.role === 'admin' && patch.role !== 'admin') guardLastAdmin(app, id);
  return app.db
    .update(users)
    .set({ displayName: patch.displayName ?? u.displayName, role: patch.role ?? u.role })
    .where(eq(users.id, id))
    .returning()
    .get();
}

export function setPassword(app: CoreApp, id: number, password: string): UserRecord {
  getUser(app, id);
  const { hash, salt } = hashPassword(password);
  return app.db
    .update(users)
    .set({ passwordHash: hash, passwordSalt: salt, failedAttempts: 0, lockedUntil: null })
    .where(eq(users.id, id))
    .returning()
    .get();
}

export function setDisabled(app: CoreApp, id: number, disabled: boolean): UserRecord {
  const u = getUser(app, id);
  if (disabled && u.role === 'admin') guardLastAdmin(app, id);
  const row = app.db.update(users).set({ disabled }).where(eq(users.id, id)).returning().get();
  if (disabled) app.sessions.clearUser(id);
  return row;
}

function guardLastAdmin(app: CoreApp, exceptId: number): void {
  const others = app.db
    .select({ n: sql<number>`count(*)` })
    .from(users)
    .where(sql`${users.role} = 'admin' AND ${users.disabled} = 0 AND ${users.id} <> ${exceptId}`)
    .get()!.n;
  if (others === 0) fail('INVALID_STATE', '这是唯一可用的管理员账户，不能停用或降级；请先设置另一名管理员');
}

const hhmm = (iso: string) => new Date(iso).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'Asia/Shanghai' });

/**
 * Checks a password. Failed attempts are counted and written (with an audit row) in their own
 * transaction, because the call itself fails and its transaction would otherwise roll them back.
 */
export function checkCredentials(app: CoreApp, username: string, password: string, call: string): UserRecord {
  const u = app.db.select().from(users).where(sql`${users.username} = ${username} COLLATE NOCASE`).get();
  const now = app.now();
  if (!u) {
    verifyPassword(password, '00', '00'); // same work as a real check, so timing does not reveal which names exist
    fail('BAD_CREDENTIALS', '用户名或密码错误');
  }
  const user = u!;
  if (user.disabled) fail('FORBIDDEN', '该账户已停用，请联系管理员');
  if (user.lockedUntil && new Date(user.lockedUntil) > now) {
    fail('LOCKED_OUT', `密码连续输错 ${MAX_FAILED_LOGINS} 次，账户已锁定，请在 ${hhmm(user.lockedUntil)} 后再试`);
  }
  if (!verifyPassword(password, user.passwordHash, user.passwordSalt)) {
    const attempts = user.failedAttempts + 1;
    const lock = attempts >= MAX_FAILED_LOGINS;
    const lockedUntil = lock ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString() : null;
    app.sqlite.transaction(() => {
      app.db
        .update(users)
        .set({ failedAttempts: lock ? 0 : attempts, lockedUntil })
        .where(eq(users.id, user.id))
        .run();
      appendAudit(app, {
        userId: user.id,
        userName: user.displayName,
        call,
        recordType: 'user',
        recordId: user.id,
        summary: lock ? `密码连续错误 ${MAX_FAILED_LOGINS} 次，账户锁定 ${LOCKOUT_MINUTES} 分钟` : `密码错误（第 ${attempts} 次）`,
      });
    })();
    if (lock) fail('LOCKED_OUT', `密码连续输错 ${MAX_FAILED_LOGINS} 次，账户已锁定 ${LOCKOUT_MINUTES} 分钟，请在 ${hhmm(lockedUntil!)} 后再试`);
    fail('BAD_CREDENTIALS', `用户名或密码错误（再错 ${MAX_FAILED_LOGINS - attempts} 次将锁定账户）`);
  }
  return user;
}

export function recordLogin(app: CoreApp, id: number): void {
  app.db
    .update(users)
    .set({ failedAttempts: 0, lockedUntil: null, lastLoginAt: app.now().toISOString() })
    .where(eq(users.id, id))
    .run();
}
