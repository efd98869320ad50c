import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/core/api/dispatch';
import { testCore, type TestCore } from '../../support/core';

let t: TestCore;
beforeEach(() => {
  t = testCore({ now: '2026-03-02T01:00:00Z' });
});
afterEach(() => t.cleanup());

const login = (key: string, username: string, password: string) => dispatch(t.app, key, 'auth.login', { username, password });

describe('first run', () => {
  it('creates the administrator once, then refuses a second setup', async () => {
    const s0 = (await dispatch(t.app, 'k', 'auth.status', {})) as { ok: boolean; value: { initialized: boolean } };
    expect(s0.ok && s0.value.initialized).toBe(false);
    const r = await dispatch(t.app, 'k', 'auth.setupAdmin', { username: 'admin', displayName: '管理员', password: 'secret-123' });
    expect(r.ok).toBe(true);
    const s1 = await dispatch(t.app, 'k', 'auth.status', {});
    expect(s1.ok && s1.value).toMatchObject({ initialized: true, user: { username: 'admin', role: 'admin' } });
    const again = await dispatch(t.app, 'other', 'auth.setupAdmin', { username: 'evil', displayName: '冒充', password: 'secret-123' });
    expect(again.ok === false && again.error.code).toBe('CONFLICT');
  });
});

describe('passwords and lockout', () => {
  it('stores a salted scrypt hash, never the password', async () => {
    t.as('admin');
    await dispatch(t.app, 'k', 'auth.login', { username: 'nobody', password: 'x' });
    const a = t.as('staff');
    const b = t.as('staff');
    const rows = t.app.sqlite.prepare('SELECT password_hash, password_salt FROM users WHERE id IN (?, ?)').all(a.user.id, b.user.id) as {
      password_hash: string;
      password_salt: string;
    }[];
    expect(rows[0]!.password_hash).not.toContain('password123');
    expect(rows[0]!.password_salt).not.toBe(rows[1]!.password_salt);
    expect(rows[0]!.password_hash).not.toBe(rows[1]!.password_hash);
  });

  it('locks the account for 5 minutes after 5 wrong passwords, even for the right one', async () => {
    const u = t.as('staff');
    for (let i = 1; i <= 4; i++) {
      const r = await login('k', u.user.username, 'wrong-password');
      expect(r.ok === false && r.error.code).toBe('BAD_CREDENTIALS');
    }
    // The fifth locks the account, but a login answer never tells a guesser more than "wrong" (issue 12 §4).
    const fifth = await login('k', u.user.username, 'wrong-password');
    expect(fifth.ok === false && fifth.error).toMatchObject({ code: 'BAD_CREDENTIALS', message: expect.stringContaining('连续输错 5 次将锁定') });
    const right = await login('k', u.user.username, 'password123');
    expect(right.ok === false && right.error.code).toBe('LOCKED_OUT');
    t.setNow('2026-03-02T01:05:30Z');
    const later = await login('k', u.user.username, 'password123');
    expect(later.ok).toBe(true);
    const audit = t.app.sqlite.prepare("SELECT summary FROM audit_log WHERE call = 'auth.login'").all() as { summary: string }[];
    expect(audit.some((a) => a.summary.includes('账户锁定'))).toBe(true);
  });

  it('a disabled user cannot log in and loses the open session', async () => {
    const admin = t.as('admin');
    const u = t.as('staff');
    await admin.run('users.setDisabled', { userId: u.user.id, disabled: true });
    expect((await u.call('users.directory', {})).ok).toBe(false);
    const r = await login('k2', u.user.username, 'password123');
    expect(r.ok === false && r.error.message).toContain('停用');
  });

  it('keeps the last administrator', async () => {
    const admin = t.as('admin');
    const r = await admin.call('users.setDisabled', { userId: admin.user.id, disabled: true });
    expect(r.ok === false && r.error.code).toBe('INVALID_STATE');
  });
});

describe('idle lock', () => {
  it('locks a session idle for 15 minutes until the password is entered again', async () => {
    const u = t.as('staff');
    expect((await u.call('users.directory', {})).ok).toBe(true);
    t.setNow('2026-03-02T01:16:00Z');
    const r = await u.call('users.directory', {});
    expect(r.ok === false && r.error.code).toBe('SESSION_LOCKED');
    const status = await u.call('auth.status', {});
    expect(status.ok && status.value.locked).toBe(true);
    expect((await u.call('auth.unlock', { password: 'nope-nope' })).ok).toBe(false);
    expect((await u.call('auth.unlock', { password: 'password123' })).ok).toBe(true);
    expect((await u.call('users.directory', {})).ok).toBe(true);
  });

  it('follows the idle setting', async () => {
    const admin = t.as('admin');
    await admin.run('settings.update', { idleLockMinutes: 60 });
    t.setNow('2026-03-02T01:30:00Z');
    expect((await admin.call('users.directory', {})).ok).toBe(true);
  });
});
