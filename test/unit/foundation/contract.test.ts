import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { calls } from '../../../src/contract';
import { dispatch } from '../../../src/core/api/dispatch';
import { testCore, type TestCore } from '../../support/core';

let t: TestCore;
beforeEach(() => {
  t = testCore();
});
afterEach(() => t.cleanup());

const counts = (t: TestCore) =>
  t.app.sqlite.prepare('SELECT (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM audit_log) AS audit').get();

describe('the contract at the dispatcher', () => {
  it('every call declares a title, roles and schemas', () => {
    for (const [name, def] of Object.entries(calls)) {
      expect(def.title, name).toMatch(/\S/);
      expect(def.access, name).toBeDefined();
      expect(typeof def.input.safeParse, name).toBe('function');
      expect(typeof def.output.safeParse, name).toBe('function');
    }
  });

  it('refuses an unknown call', async () => {
    const admin = t.as('admin');
    const r = await dispatch(t.app, admin.sessionKey, 'users.dropEverything', {});
    expect(r).toEqual({ ok: false, error: { code: 'UNKNOWN_CALL', message: expect.stringContaining('未知的操作') } });
  });

  it('refuses invalid input in Chinese, naming the field, and writes nothing', async () => {
    const admin = t.as('admin');
    const before = counts(t);
    const r = await admin.call('users.add', { username: 'x', displayName: '测试', role: 'staff', password: 'password123' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('INVALID_INPUT');
      expect(r.error.message).toContain('用户名');
      expect(r.error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    const bad = await admin.call('users.add', { username: 'zhang', displayName: '张', role: 'boss' as never, password: 'password123' });
    expect(bad.ok === false && bad.error.message).toContain('角色');
    expect(counts(t)).toEqual(before);
  });

  it('refuses a call the role may not make, and writes nothing', async () => {
    const staff = t.as('staff');
    const before = counts(t);
    const r = await staff.call('users.add', { username: 'newbie', displayName: '新人', role: 'admin', password: 'password123' });
    expect(r).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('承办人') } });
    expect(counts(t)).toEqual(before);
  });

  it('refuses calls without a login', async () => {
    const r = await dispatch(t.app, 'nobody', 'users.directory', {});
    expect(r.ok === false && r.error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses an oversized payload before looking at it', async () => {
    const admin = t.as('admin');
    const before = counts(t);
    const r = await dispatch(t.app, admin.sessionKey, 'users.add', { username: 'big', displayName: 'x', role: 'staff', password: 'password123' }, { payloadBytes: 10 * 1024 * 1024 + 1 });
    expect(r.ok === false && r.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(counts(t)).toEqual(before);
  });

  it('writes a change and its audit row together', async () => {
    const admin = t.as('admin', '管理员甲');
    const before = counts(t) as { users: number; audit: number };
    await admin.run('users.add', { username: 'zhang', displayName: '张承办', role: 'staff', password: 'password123' });
    const after = counts(t) as { users: number; audit: number };
    expect(after).toEqual({ users: before.users + 1, audit: before.audit + 1 });
    const row = t.app.sqlite.prepare('SELECT * FROM audit_log ORDER BY id DESC LIMIT 1').get() as Record<string, unknown>;
    expect(row).toMatchObject({ call: 'users.add', user_name: '管理员甲', record_type: 'user' });
    expect(String(row.summary)).toContain('张承办');
  });

  it('rolls the change back when the handler fails half way', async () => {
    const admin = t.as('admin');
    await admin.run('users.add', { username: 'dup', displayName: '甲', role: 'staff', password: 'password123' });
    const before = counts(t);
    const r = await admin.call('users.add', { username: 'DUP', displayName: '乙', role: 'staff', password: 'password123' });
    expect(r.ok === false && r.error.code).toBe('CONFLICT');
    expect(r.ok === false && r.error.message).toContain('已存在');
    expect(counts(t)).toEqual(before);
  });
});
