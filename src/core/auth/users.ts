import { asc, eq, sql } from 'drizzle-orm';
import type { AuditCallName } from '../../contract/auditNames';
import type { Role } from '../../contract/roles';
import type { UserPublic } from '../../contract/calls/common';
import type { CoreApp } from '../app';
import { users } from '../db/schema';
import { fail, notFound } from '../errors';
import { hashPasswordSync, verifyPassword, type PasswordHash } from './password';
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

/**
 * Adds a user. Request paths hash first (`await hashPassword`, off the event loop) and pass `hashed`;
 * a plain `password` is hashed here synchronously — for seeding only (demo users, test fixtures).
 */
export function createUser(
  app: CoreApp,
  input: { username: string; displayName: string; role: Role } & ({ password: string } | { hashed: PasswordHash }),
): UserRecord {
  const exists = app.db.select({ id: users.id }).from(users).where(sql`${users.username} = ${input.username} COLLATE NOCASE`).get();
  if (exists) fail('CONFLICT', `用户名「${input.username}」已存在`, 'username');
  const { hash, salt } = 'hashed' in input ? input.hashed : hashPasswordSync(input.password);
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

/**
 * Stores a new password (hashed by the caller, off the event loop) and ends the user's other sessions
 * (issue 12 §4): whoever held a session with the old password holds nothing now. `keepSession` is
 * the session that changed its own password; an administrator's reset keeps none.
 */
export function setPassword(app: CoreApp, id: number, hashed: PasswordHash, keepSession?: string): UserRecord {
  getUser(app, id);
  const row = app.db
    .update(users)
    .set({ passwordHash: hashed.hash, passwordSalt: hashed.salt, failedAttempts: 0, lockedUntil: null })
    .where(eq(users.id, id))
    .returning()
    .get();
  app.sessions.clearUser(id, keepSession);
  return row;
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

/** What a failed login says, whether or not the name exists (issue 12 §4). */
export const BAD_LOGIN = `用户名或密码错误（同一账户连续输错 ${MAX_FAILED_LOGINS} 次将锁定 ${LOCKOUT_MINUTES} 分钟）`;

/**
 * Checks a password. Failed attempts are counted and written (with an audit row) in their own
 * transaction, because the call itself fails — so the calls that check a password are not wrapped
 * in the dispatcher's transaction (login, unlock: mutates false; changePassword: asyncHandler).
 * `reveal`: the caller is already signed in as this user (unlock, change password), so the answer may
 * say how many tries are left. At login it may not: an unknown name, a wrong password, a disabled or
 * locked account all read the same until the right password is given. `client` feeds the per-client
 * throttle (throttle.ts).
 */
export async function checkCredentials(
  app: CoreApp,
  username: string,
  password: string,
  opts: { call: AuditCallName; client: string; reveal: boolean },
): Promise<UserRecord> {
  const wait = app.loginThrottle.waitSeconds(opts.client);
  if (wait > 0) fail('RATE_LIMITED', `登录尝试过于频繁，请 ${wait} 秒后再试`);
  const u = app.db.select().from(users).where(sql`${users.username} = ${username} COLLATE NOCASE`).get();
  // One full scrypt either way (an unknown name against a dummy hash), so timing tells nothing.
  const right = await verifyPassword(password, u?.passwordHash ?? '00', u?.passwordSalt ?? '00');
  const now = app.now();
  const locked = !!u?.lockedUntil && new Date(u.lockedUntil) > now;
  if (u && right) {
    if (u.disabled) fail('FORBIDDEN', '该账户已停用，请联系管理员');
    if (locked) fail('LOCKED_OUT', `密码连续输错 ${MAX_FAILED_LOGINS} 次，账户已锁定，请在 ${hhmm(u.lockedUntil!)} 后再试`);
    return u;
  }
  app.loginThrottle.fail(opts.client);
  if (!u || u.disabled) fail('BAD_CREDENTIALS', BAD_LOGIN);
  const user = u!;
  if (locked) fail(opts.reveal ? 'LOCKED_OUT' : 'BAD_CREDENTIALS', opts.reveal ? `密码连续输错 ${MAX_FAILED_LOGINS} 次，账户已锁定，请在 ${hhmm(user.lockedUntil!)} 后再试` : BAD_LOGIN);
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
      call: opts.call,
      recordType: 'user',
      recordId: user.id,
      summary: lock ? `密码连续错误 ${MAX_FAILED_LOGINS} 次，账户锁定 ${LOCKOUT_MINUTES} 分钟` : `密码错误（第 ${attempts} 次）`,
    });
  })();
  if (!opts.reveal) return fail('BAD_CREDENTIALS', BAD_LOGIN);
  if (lock) fail('LOCKED_OUT', `密码连续输错 ${MAX_FAILED_LOGINS} 次，账户已锁定 ${LOCKOUT_MINUTES} 分钟，请在 ${hhmm(lockedUntil!)} 后再试`);
  return fail('BAD_CREDENTIALS', `密码错误（再错 ${MAX_FAILED_LOGINS - attempts} 次将锁定账户）`);
}

export function recordLogin(app: CoreApp, id: number): void {
  app.db
    .update(users)
    .set({ failedAttempts: 0, lockedUntil: null, lastLoginAt: app.now().toISOString() })
    .where(eq(users.id, id))
    .run();
}
