import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testCore, type Caller, type TestCore } from '../../../test/support/core';
import { ensureYichangCourts } from '../../../test/support/yichangCourts';
import { listReminders } from '../ledger/deadlines/reminders';

/**
 * Issue 4 §5: approaching deadlines become in-app notices — from the ledger's reminders
 * (`listReminders`), so the bell shows the same dates as the ledger's 期限提醒 and the chief's overview.
 */
let t: TestCore;
let staff: Caller;
let chief: Caller;
// 2025-07-01 is a Tuesday; 10:00 China time.
beforeEach(() => {
  t = testCore({ now: '2025-07-01T02:00:00Z' });
  ensureYichangCourts(t.app);
  staff = t.as('staff', '张承办');
  chief = t.as('chief', '李局长');
});
afterEach(() => t.cleanup());

let seq = 500;
const newCase = async (over: Record<string, unknown> = {}) =>
  (await staff.run('ledger.edit.saveCase', { caseNo: `（2025）鄂0505执${seq++}号`, applicationReceivedOn: '2025-06-01', filedOn: '2025-06-02', handlerId: staff.user.id, ...over })).id;
const urged = async (caseId: number, deadlineOn: string) =>
  (
    await staff.run('ledger.edit.createTransfer', {
      caseId, mode: '督促', direction: '移出', reasons: ['消极执行'], initiatedBy: '上级交办', receivingCourtCode: '鄂05', decisionOn: '2025-06-01', deadlineOn,
    })
  ).id;
const notices = async (c: Caller) => (await c.run('notifications.list', { limit: 100 })).rows.filter((n) => n.kind === '期限提醒');
/** Moves the clock and keeps both sessions alive (a jump of days would idle-lock them). */
const jump = (iso: string) => {
  t.setNow(iso);
  for (const c of [staff, chief]) t.app.sessions.bind(c.sessionKey, c.user.id);
};

describe('deadline notices come from listReminders', () => {
  it('a 督促 deadline the ledger lists becomes a notice for the handler and the chief, once', async () => {
    const caseId = await newCase();
    await urged(caseId, '2025-07-03');
    const [reminder] = listReminders(t.app, { caseId }).filter((r) => r.kind === 'urge');
    expect(reminder).toMatchObject({ dueOn: '2025-07-03', daysLeft: 2 });

    for (const c of [staff, chief]) {
      const [n, ...rest] = await notices(c);
      expect(rest).toEqual([]);
      expect(n).toMatchObject({ title: `2 天后到期：${reminder!.caseNo}`, link: `/ledger/case/${caseId}` });
      expect(n!.body).toBe(`${reminder!.what}；到期日 2025-07-03`);
    }
    // Reading again raises nothing new.
    expect(await notices(staff)).toHaveLength(1);
    expect((await staff.run('notifications.list', {})).unread).toBe(1);
  });

  it('a moved deadline announces itself again; one outside the window waits until it comes near', async () => {
    const caseId = await newCase();
    const tid = await urged(caseId, '2025-07-20');
    expect(await notices(staff)).toEqual([]);
    // The ledger's date changes (督促令 extended / corrected): the notice follows the ledger.
    t.app.sqlite.prepare('UPDATE transfers SET deadline_on = ? WHERE id = ?').run('2025-07-02', tid);
    expect((await notices(staff)).map((n) => n.title)).toEqual([expect.stringMatching(/^1 天后到期/)]);
    jump('2025-07-03T02:00:00Z');
    // Same due date, now overdue: no second notice for the same date.
    expect(await notices(staff)).toHaveLength(1);
    t.app.sqlite.prepare('UPDATE transfers SET deadline_on = ? WHERE id = ?').run('2025-07-04', tid);
    expect((await notices(staff)).map((n) => n.title)).toEqual([expect.stringMatching(/^1 天后到期/), expect.stringMatching(/^1 天后到期/)]);
    // The window is a setting.
    const far = await newCase();
    await urged(far, '2025-07-10');
    expect(await notices(staff)).toHaveLength(2);
    await t.as('admin').run('settings.update', { deadlineReminderDays: 10 });
    t.app.sessions.bind(staff.sessionKey, staff.user.id);
    expect((await notices(staff)).map((n) => n.title)).toContain(`7 天后到期：（2025）鄂0505执${seq - 1}号`);
  });

  it('the six-month clock and payouts notify the handler only; a six-month clock already run out is not announced', async () => {
    // Application received 2025-01-03: six months end 2025-07-03 (two days ahead).
    const soon = await newCase({ applicationReceivedOn: '2025-01-03', filedOn: '2025-01-03' });
    // Already past six months: listed by the ledger (and discovery) but not announced.
    const past = await newCase({ applicationReceivedOn: '2024-10-01', filedOn: '2024-10-01' });
    await staff.run('ledger.edit.addProgress', { caseId: soon, onDate: '2025-06-27', measures: ['扣划'], amountFen: 100_000 });
    const ledger = listReminders(t.app, { handlerId: staff.user.id });
    expect(ledger.some((r) => r.kind === 'sixMonth' && r.caseId === past && r.level === 'overdue')).toBe(true);

    const mine = await notices(staff);
    const expected = ledger.filter((r) => (r.kind === 'sixMonth' && r.daysLeft >= 0 && r.daysLeft <= 3) || (r.kind === 'payout' && r.daysLeft <= 3));
    expect(expected.map((r) => r.kind).sort()).toEqual(['payout', 'sixMonth']);
    expect(mine.map((n) => n.body).sort()).toEqual(expected.map((r) => `${r.what}；到期日 ${r.dueOn}`).sort());
    expect(mine.every((n) => n.link === `/ledger/case/${soon}`)).toBe(true);
    // The chief is told about cross-execution deadlines, not every case's clock.
    expect(await notices(chief)).toEqual([]);
  });

  it('the chief’s overview lists the same transfer deadlines', async () => {
    const caseId = await newCase();
    const tid = await urged(caseId, '2025-07-05');
    const o = await chief.run('approvals.overview', {});
    const r = listReminders(t.app, { caseId }).find((x) => x.kind === 'urge')!;
    expect(o.deadlines).toEqual([{ transferId: tid, caseNo: r.caseNo, what: r.what, dueOn: '2025-07-05', daysLeft: 4 }]);
  });
});
