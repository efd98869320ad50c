import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCore, type Caller, type TestCore } from '../../../../test/support/core';
import { loadDemoData } from '../../demo/demo';

/** 仅看超期 in the ledger selects exactly the cases 工作台 lists as overdue, of every kind. */
let t: TestCore;
let chief: Caller;
beforeAll(() => {
  t = testCore();
  chief = t.as('chief', '局长');
  const admin = t.as('admin', '管理员');
  t.app.sqlite.transaction(() => loadDemoData(t.app, admin.user))();
});
afterAll(() => t.cleanup());

describe('仅看超期', () => {
  it('selects the cases of every overdue reminder kind, not only 督促 deadlines', async () => {
    const overdue = await chief.run('ledger.reminders.list', { levels: ['overdue'], limit: 5000 });
    const cases = new Set(overdue.items.map((r) => r.caseId));
    const kinds = new Set(overdue.items.map((r) => r.kind));
    expect(cases.size).toBeGreaterThan(0);
    expect([...kinds].some((k) => k !== 'urge')).toBe(true); // the demo has more than 督促 deadlines overdue
    const table = await chief.run('ledger.table', { overdue: true, page: 1, pageSize: 200 });
    expect(table.total).toBe(cases.size);
    expect(new Set(table.rows.map((r) => r.caseId))).toEqual(cases);
    expect(table.rows.every((r) => r.overdue)).toBe(true);
    // combined with another filter it narrows further
    const mine = await chief.run('ledger.table', { overdue: true, modes: ['集中'], page: 1, pageSize: 200 });
    expect(mine.rows.every((r) => cases.has(r.caseId) && r.mode === '集中')).toBe(true);
  });
});
