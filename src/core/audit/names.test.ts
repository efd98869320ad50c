import { describe, expect, it } from 'vitest';
import { calls } from '../../contract';
import { AUDIT_EVENT_TITLES, AUDIT_RECORD_TYPES, auditCallTitle } from '../../contract/auditNames';
import { loadDemoData } from '../demo/demo';
import { appendAudit } from './audit';
import { testCore } from '../../../test/support/core';

const CHINESE = /[\u4e00-\u9fff]/;
const CODE_LIKE = /[a-z]{2,}|_|\.\w/;

/** The audit page names every call and record type in Chinese, never by its internal name or id. */
describe('audit log names', () => {
  it('every contract call, host event and record type has a Chinese name', () => {
    for (const [name, def] of Object.entries(calls)) {
      expect(def.title, name).toMatch(CHINESE);
      expect(def.title, name).not.toMatch(CODE_LIKE);
    }
    for (const t of [...Object.values(AUDIT_EVENT_TITLES), ...Object.values(AUDIT_RECORD_TYPES)]) expect(t).toMatch(CHINESE);
    expect(auditCallTitle('some.removed.call')).toBe('其他操作');
  });

  it('a real log after the demo lists only Chinese operation and record names, without record ids', async () => {
    const t = testCore();
    try {
      const chief = t.as('chief', '局长');
      const admin = t.as('admin', '管理员');
      t.app.sqlite.transaction(() => loadDemoData(t.app, admin.user))();
      // every record type and host event as the core writes them, and a refused login through the API
      t.app.sqlite.transaction(() => {
        for (const recordType of Object.keys(AUDIT_RECORD_TYPES) as (keyof typeof AUDIT_RECORD_TYPES)[])
          appendAudit(t.app, { userId: null, userName: '测试', call: 'settings.update', recordType, recordId: 42, summary: recordType });
        for (const call of Object.keys(AUDIT_EVENT_TITLES) as (keyof typeof AUDIT_EVENT_TITLES)[]) appendAudit(t.app, { userId: null, userName: '测试', call, summary: call });
      })();
      await t.as('staff').call('auth.changePassword', { password: 'wrong-password', newPassword: 'password456' });
      const log = await chief.run('audit.list', { page: 1, pageSize: 200 });
      expect(log.rows.length).toBeGreaterThan(Object.keys(AUDIT_RECORD_TYPES).length + Object.keys(AUDIT_EVENT_TITLES).length);
      for (const r of log.rows) {
        expect(r.title, r.call).toMatch(CHINESE);
        expect(r.title).not.toMatch(CODE_LIKE);
        expect(r.record === '—' || CHINESE.test(r.record), r.record).toBe(true);
        expect(Object.keys(r)).not.toContain('recordId');
      }
      for (const c of log.calls) expect(c.title, c.call).not.toMatch(CODE_LIKE);
    } finally {
      t.cleanup();
    }
  });
});
