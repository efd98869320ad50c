import { afterEach, expect, it } from 'vitest';
import { testCore, type TestCore } from '../../../test/support/core';
import { loadDemoData } from '../demo/demo';

let t: TestCore;
afterEach(() => t.cleanup());

it('the demo leaves one request waiting for the chief and one approved', async () => {
  t = testCore();
  const admin = t.as('admin');
  t.app.sqlite.transaction(() => loadDemoData(t.app, admin.user))();
  const states = (t.app.sqlite.prepare('SELECT state FROM approval_requests ORDER BY id').all() as { state: string }[]).map((r) => r.state);
  expect(states).toEqual(['已同意', '待审批']);
  const chief = t.app.sqlite.prepare("SELECT id FROM users WHERE username = 'wangjz'").get() as { id: number };
  const pending = t.app.sqlite.prepare("SELECT count(*) AS n FROM approval_requests WHERE state = '待审批' AND requester_id <> ?").get(chief.id) as { n: number };
  expect(pending.n).toBe(1);
});
