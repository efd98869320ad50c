import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/server';
import { createUser } from '../../src/core/auth/users';
import { dispatch } from '../../src/core/api/dispatch';
import { FREE_FAILURES } from '../../src/core/auth/throttle';
import { testCore, type TestCore } from '../support/core';
import { httpRequest } from '../support/http';

/**
 * Issue 12 §3–4: the browser-mode session id is the server's own (an id it never issued is replaced,
 * not adopted), it changes at login (a planted or observed pre-login id is worth nothing), and
 * password guessing is bounded on every path (login, unlock, change password), per account and per
 * client, without telling which user names exist.
 */
const COOKIE = 'xdesk_sid';
const sidOf = (setCookie: string | string[] | undefined) => /xdesk_sid=([^;]+)/.exec(String(setCookie ?? ''))?.[1] ?? null;

describe('session ids over HTTP (issue 12 §3)', () => {
  let t: TestCore;
  let s: RunningServer;
  beforeAll(async () => {
    t = testCore();
    createUser(t.app, { username: 'zhang', displayName: '张承办', role: 'staff', password: 'password123' });
    s = await startServer({ app: t.app, rendererDir: t.dir });
  });
  afterAll(async () => {
    await s.close();
    t.cleanup();
  });
  const origin = () => `http://127.0.0.1:${s.port}`;
  const call = (name: string, sid: string, csrf: string, body: unknown = {}) =>
    httpRequest(s.port, `/api/call/${name}`, {
      method: 'POST',
      headers: { Cookie: `${COOKIE}=${sid}`, 'X-CSRF-Token': csrf, Origin: origin(), 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    }).then((r) => ({ ...r, json: JSON.parse(r.body.toString('utf8')) }));

  it('an id the server never issued is not adopted: a fresh one is set instead', async () => {
    const planted = 'A'.repeat(43);
    const r = await httpRequest(s.port, '/api/csrf', { headers: { Cookie: `${COOKIE}=${planted}` } });
    const given = sidOf(r.headers['set-cookie']);
    expect(given).not.toBeNull();
    expect(given).not.toBe(planted);
    // A call under the planted id is refused (no CSRF token was ever issued to it).
    const csrf = JSON.parse(r.body.toString('utf8')).value.csrf as string;
    const refused = await call('auth.status', planted, csrf);
    expect(refused.status).toBe(403);
  });

  it('login rotates the id and the CSRF token; the pre-login id is not logged in', async () => {
    const first = await httpRequest(s.port, '/api/csrf');
    const before = sidOf(first.headers['set-cookie'])!;
    const csrf = JSON.parse(first.body.toString('utf8')).value.csrf as string;
    const login = await call('auth.login', before, csrf, { username: 'zhang', password: 'password123' });
    expect(login.json.ok).toBe(true);
    const after = sidOf(login.headers['set-cookie']);
    const newCsrf = String(login.headers['x-xdesk-csrf'] ?? '');
    expect(after).not.toBeNull();
    expect(after).not.toBe(before);
    expect(newCsrf).not.toBe('');
    expect(newCsrf).not.toBe(csrf);
    const mine = await call('auth.status', after!, newCsrf);
    expect(mine.json.value.user.displayName).toBe('张承办');
    // Whoever knew the old id (planted it, saw it) holds nothing.
    const old = await call('auth.status', before, csrf);
    expect(old.status === 403 || old.json.value?.user === null).toBe(true);
  });
});

describe('password guessing (issue 12 §4)', () => {
  let t: TestCore;
  beforeEach(() => {
    t = testCore({ now: '2026-11-23T02:00:00Z' });
  });
  afterEach(() => t.cleanup());
  const row = (id: number) => t.app.sqlite.prepare('SELECT failed_attempts AS n, locked_until AS until FROM users WHERE id = ?').get(id) as { n: number; until: string | null };
  const audits = (call: string) => (t.app.sqlite.prepare('SELECT summary FROM audit_log WHERE call = ? ORDER BY id').all(call) as { summary: string }[]).map((a) => a.summary);

  it('wrong old passwords in 修改密码 count toward the lockout and are audited, although the call fails', async () => {
    const me = t.as('staff', '张承办');
    for (let i = 0; i < 4; i++) {
      const r = await me.call('auth.changePassword', { password: `guess-${i}-xxx`, newPassword: 'newpassword1' });
      expect(!r.ok && r.error.code).toBe('BAD_CREDENTIALS');
    }
    expect(row(me.user.id).n).toBe(4);
    expect(audits('auth.changePassword')).toHaveLength(4);
    const fifth = await me.call('auth.changePassword', { password: 'guess-5-xxx', newPassword: 'newpassword1' });
    expect(!fifth.ok && fifth.error.code).toBe('LOCKED_OUT');
    expect(row(me.user.id).until).not.toBeNull();
    // Locked: even the right password does not change it.
    const right = await me.call('auth.changePassword', { password: 'password123', newPassword: 'newpassword1' });
    expect(right.ok).toBe(false);
  });

  it('a password change ends the user’s other sessions; an admin reset ends all of them', async () => {
    const me = t.as('staff', '张承办');
    const elsewhere = 'other-window';
    t.app.sessions.bind(elsewhere, me.user.id);
    await me.run('auth.changePassword', { password: 'password123', newPassword: 'newpassword1' });
    const there = await dispatch(t.app, elsewhere, 'auth.status', {});
    expect(there.ok && (there.value as { user: unknown }).user).toBe(null);
    expect((await me.run('auth.status', {})).user?.id).toBe(me.user.id);
    const admin = t.as('admin');
    await admin.run('users.resetPassword', { userId: me.user.id, newPassword: 'resetpassw0rd' });
    expect((await me.run('auth.status', {})).user).toBe(null);
  });

  it('the login answer is the same for an unknown name and a wrong password', async () => {
    t.as('staff', '张承办');
    const name = String(t.app.sqlite.prepare('SELECT username FROM users').pluck().get());
    const known = await dispatch(t.app, 's1', 'auth.login', { username: name, password: 'wrong-password' });
    const unknown = await dispatch(t.app, 's2', 'auth.login', { username: 'nobody-here', password: 'wrong-password' });
    expect(known.ok || unknown.ok).toBe(false);
    expect(!known.ok && known.error).toEqual(!unknown.ok && unknown.error);
  });

  it('a disabled or locked account says so only to whoever knows its password', async () => {
    const admin = t.as('admin');
    const u = t.as('staff', '张承办');
    await admin.run('users.setDisabled', { userId: u.user.id, disabled: true });
    const name = String(t.app.sqlite.prepare('SELECT username FROM users WHERE id = ?').pluck().get(u.user.id));
    const wrong = await dispatch(t.app, 's3', 'auth.login', { username: name, password: 'wrong-password' });
    const unknown = await dispatch(t.app, 's4', 'auth.login', { username: 'nobody-here', password: 'wrong-password' });
    expect(!wrong.ok && wrong.error).toEqual(!unknown.ok && unknown.error);
    const right = await dispatch(t.app, 's5', 'auth.login', { username: name, password: 'password123' });
    expect(!right.ok && right.error.message).toContain('停用');
  });

  it('a password over 256 characters is refused before hashing', async () => {
    t.as('staff');
    const r = await dispatch(t.app, 's6', 'auth.login', { username: 'x', password: 'p'.repeat(100_000) });
    expect(!r.ok && r.error.code).toBe('INVALID_INPUT');
    expect(!r.ok && r.error.message).toContain('密码');
    const rows = t.app.sqlite.prepare(`SELECT count(*) AS n FROM audit_log`).get() as { n: number };
    expect(rows.n).toBe(0);
  });

  it('scrypt runs off the event loop: timers keep firing while a password is checked', async () => {
    t.as('staff');
    let ticks = 0;
    const iv = setInterval(() => ticks++, 1);
    await dispatch(t.app, 's7', 'auth.login', { username: 'nobody-here', password: 'wrong-password' });
    clearInterval(iv);
    expect(ticks).toBeGreaterThan(0);
  });

  it('one client guessing across many names is slowed down (per-client throttle), another client is not', async () => {
    t.as('staff', '张承办');
    const name = String(t.app.sqlite.prepare('SELECT username FROM users').pluck().get());
    const attacker = { client: '10.0.0.66' };
    // FREE_FAILURES (10) wrong guesses over as many names: no account reaches its lockout.
    for (let i = 0; i < FREE_FAILURES; i++) await dispatch(t.app, `a${i}`, 'auth.login', { username: `name${i}`, password: 'wrong-password' }, attacker);
    const slowed = await dispatch(t.app, 'a9', 'auth.login', { username: name, password: 'password123' }, attacker);
    expect(!slowed.ok && slowed.error.code).toBe('RATE_LIMITED');
    expect(!slowed.ok && slowed.error.message).toMatch(/登录尝试过于频繁.*秒后再试/);
    const other = await dispatch(t.app, 'b1', 'auth.login', { username: name, password: 'password123' }, { client: '10.0.0.7' });
    expect(other.ok).toBe(true);
    // The wait passes with time.
    t.setNow('2026-11-23T02:05:00Z');
    const later = await dispatch(t.app, 'a10', 'auth.login', { username: name, password: 'password123' }, attacker);
    expect(later.ok).toBe(true);
  });
});
