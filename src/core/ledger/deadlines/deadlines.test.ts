import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testCore, type Caller, type TestCore } from '../../../../test/support/core';
import { ensureYichangCourts } from '../../../../test/support/yichangCourts';
import { listReminders } from './reminders';
import { deductedDays } from './sixMonthClock';

let t: TestCore;
let staff: Caller;
// 2025-07-01 is a Tuesday (China time 10:00).
beforeEach(() => {
  t = testCore({ now: '2025-07-01T02:00:00Z' });
  ensureYichangCourts(t.app);
  staff = t.as('staff', '张承办');
});
afterEach(() => t.cleanup());

let seq = 100;
const newCase = async (over: Record<string, unknown> = {}) =>
  (await staff.run('ledger.edit.saveCase', { caseNo: `（2025）鄂0505执${seq++}号`, applicationReceivedOn: '2025-01-01', filedOn: '2025-01-02', ...over })).id;
/** Moves the clock and keeps the test session alive (a jump of days would idle-lock it). */
const jump = (iso: string) => {
  t.setNow(iso);
  t.app.sessions.bind(staff.sessionKey, staff.user.id);
};
const sql = (s: string, ...p: unknown[]) => t.app.sqlite.prepare(s).run(...p);
const of = (kind: string, caseId?: number) => listReminders(t.app, caseId ? { caseId } : {}).filter((r) => r.kind === kind);

describe('six-month clock (民诉法237; 执行程序解释 arts. 10, 13)', () => {
  it('exactly six months is not yet "more than"; the next day it is', async () => {
    const id = await newCase();
    expect(of('sixMonth', id)[0]).toMatchObject({ dueOn: '2025-07-01', daysLeft: 0, level: 'soon' });
    jump('2025-07-02T02:00:00Z');
    expect(of('sixMonth', id)[0]).toMatchObject({ dueOn: '2025-07-01', daysLeft: -1, level: 'overdue' });
    expect(of('sixMonth', id)[0].what).toMatch(/已超过六个月.*可报请上级/);
  });

  it('deductible intervals push the end back by their days', async () => {
    const id = await newCase();
    await staff.run('ledger.edit.saveDeduction', { caseId: id, kind: '公告', startOn: '2025-03-01', endOn: '2025-03-10' });
    await staff.run('ledger.edit.saveDeduction', { caseId: id, kind: '鉴定评估', startOn: '2025-04-11', endOn: '2025-04-12' });
    jump('2025-07-02T02:00:00Z');
    // 12 distinct days: 2025-07-01 + 12 = 07-13 (Sunday) → rolled to Monday 07-14.
    expect(of('sixMonth', id)[0]).toMatchObject({ dueOn: '2025-07-14', level: 'ok' });
    expect(of('sixMonth', id)[0].what).toMatch(/已扣除期间 12 日/);
    jump('2025-07-14T02:00:00Z');
    expect(of('sixMonth', id)[0].level).toBe('soon');
    jump('2025-07-15T02:00:00Z');
    expect(of('sixMonth', id)[0].level).toBe('overdue');
  });

  it('an open suspension keeps the clock from running out', async () => {
    const id = await newCase();
    await staff.run('ledger.edit.saveDeduction', { caseId: id, kind: '中止', startOn: '2025-06-01' });
    jump('2025-08-01T02:00:00Z');
    expect(of('sixMonth', id)[0].level).not.toBe('overdue');
  });

  it('counts from the day property was found when later (art. 10(2)); closed or resolved cases have no clock', async () => {
    const id = await newCase({ propertyFoundOn: '2025-03-15' });
    expect(of('sixMonth', id)[0]).toMatchObject({ dueOn: '2025-09-15' });
    expect(of('sixMonth', id)[0].what).toMatch(/发现财产/);
    await staff.run('ledger.edit.addProgress', { caseId: id, onDate: '2025-06-30', measures: ['执行和解'], resolved: true });
    expect(of('sixMonth', id)).toEqual([]);
  });

  it('merges deductible intervals', () => {
    expect(deductedDays([{ startOn: '2025-01-01', endOn: '2025-01-05' }, { startOn: '2025-01-06', endOn: '2025-01-06' }, { startOn: '2025-01-03', endOn: null }], '2025-01-02', '2025-01-10')).toBe(9);
  });
});

describe('other deadlines', () => {
  it('receiving-court filing within 7 days of receipt (setting), rolled over the holiday', async () => {
    const id = await newCase();
    const { id: tid } = await staff.run('ledger.edit.createTransfer', { caseId: id, mode: '指令', direction: '移入', reasons: ['消极执行'], originalCourtCode: '鄂0506' });
    sql(`UPDATE transfers SET received_on = '2025-04-26', state = '已移送' WHERE id = ?`, tid);
    // 2025-04-26 + 7 = 05-03 (Labour Day) → 05-06.
    jump('2025-05-06T02:00:00Z');
    expect(of('filing', id)[0]).toMatchObject({ transferId: tid, dueOn: '2025-05-06', daysLeft: 0, level: 'soon' });
    jump('2025-05-07T02:00:00Z');
    expect(of('filing', id)[0].level).toBe('overdue');
    const admin = t.as('admin');
    await admin.run('settings.update', { filingDays: 15 });
    expect(of('filing', id)[0].dueOn).toBe('2025-05-12');
    sql(`UPDATE transfers SET filed_on = '2025-05-07', state = '已立案' WHERE id = ?`, tid);
    expect(of('filing', id)).toEqual([]);
    // Then information entry by the next working day: no handler (a staff member's new case is theirs,
    // so the handler is taken off as an imported case would lack one), no parties yet.
    sql('UPDATE cases SET handler_id = NULL WHERE id = ?', id);
    expect(of('entry', id)[0]).toMatchObject({ dueOn: '2025-05-08' });
    expect(of('entry', id)[0].what).toMatch(/尚缺：承办人、申请执行人、被执行人/);
    await admin.run('settings.update', { entryNextWorkingDay: false });
    expect(of('entry', id)).toEqual([]);
  });

  it('督促 deadline (执行程序解释 arts. 11–12)', async () => {
    const id = await newCase();
    const { id: tid } = await staff.run('ledger.edit.createTransfer', {
      caseId: id, mode: '督促', direction: '移出', reasons: ['消极执行'], initiatedBy: '上级交办', receivingCourtCode: '鄂05', decisionOn: '2025-06-01', deadlineOn: '2025-07-01',
    });
    expect(of('urge', id)[0]).toMatchObject({ transferId: tid, dueOn: '2025-07-01', level: 'soon' });
    jump('2025-07-03T02:00:00Z');
    expect(of('urge', id)[0]).toMatchObject({ daysLeft: -2, level: 'overdue' });
    expect(of('urge', id)[0].source).toMatch(/第十一条、第十二条/);
  });

  it('终本 closed before more than three months since registration is flagged', async () => {
    const bad = await newCase({ filedOn: '2025-03-01', closedOn: '2025-06-01', closureType: '终结本次执行程序', zhongbenBasis: '申请执行人签字确认', confirmEarlyZhongben: true });
    const good = await newCase({ filedOn: '2025-03-01', closedOn: '2025-06-02', closureType: '终结本次执行程序', zhongbenBasis: '申请执行人签字确认', confirmEarlyZhongben: true });
    expect(of('zhongben', bad)[0]).toMatchObject({ level: 'overdue', dueOn: '2025-06-02' });
    expect(of('zhongben', good)).toEqual([]);
    const open = await newCase({ filedOn: '2025-05-10' });
    expect(of('zhongben', open)[0]).toMatchObject({ level: 'ok', dueOn: '2025-08-11' });
  });

  it('case money paid out within 5 days (Hubei setting); recording the payout clears it', async () => {
    const id = await newCase();
    const { id: pid } = await staff.run('ledger.edit.addProgress', { caseId: id, onDate: '2025-06-26', measures: ['扣划'], amountFen: 500_000 });
    // 06-26 + 5 = 07-01 (Tue).
    expect(of('payout', id)[0]).toMatchObject({ progressId: pid, dueOn: '2025-07-01', level: 'soon' });
    jump('2025-07-02T02:00:00Z');
    expect(of('payout', id)[0].level).toBe('overdue');
    const early = await staff.call('ledger.payout.record', { progressId: pid, paidOn: '2025-06-20' });
    expect(early.ok === false && early.error.message).toMatch(/「发放日期」不能早于案款到位日期/);
    await staff.run('ledger.payout.record', { progressId: pid, paidOn: '2025-07-02' });
    expect(of('payout', id)).toEqual([]);
  });

  it('cross cases being handled with no progress this week', async () => {
    const id = await newCase();
    const { id: tid } = await staff.run('ledger.edit.createTransfer', { caseId: id, mode: '指令', direction: '移入', reasons: ['疑难复杂'], originalCourtCode: '鄂0506' });
    sql(`UPDATE transfers SET received_on = '2025-06-20', filed_on = '2025-06-23', state = '办理中' WHERE id = ?`, tid);
    await staff.run('ledger.edit.addProgress', { caseId: id, onDate: '2025-06-27', measures: ['网络查控'] });
    // Week of Monday 06-30: nothing yet; due Friday 07-04.
    expect(of('weekly', id)[0]).toMatchObject({ dueOn: '2025-07-04', daysLeft: 3, level: 'soon' });
    await staff.run('ledger.edit.addProgress', { caseId: id, onDate: '2025-07-01', measures: ['查封'] });
    expect(of('weekly', id)).toEqual([]);
  });

  it('reminders of a year without holiday data carry the manual-check warning', async () => {
    jump('2026-12-30T02:00:00Z');
    const id = await newCase({ caseNo: '（2026）鄂0505执5号', applicationReceivedOn: '2026-07-01', filedOn: '2026-07-02' });
    const r = of('sixMonth', id)[0];
    expect(r).toMatchObject({ dueOn: '2027-01-01', warning: '未含节假日顺延 / 请人工核对' });
    const page = await staff.run('ledger.reminders.list', {});
    expect(page.missingYears).toEqual([2027]);
  });

  it('the list call filters by case and level and sorts the most urgent first', async () => {
    const a = await newCase();
    const b = await newCase({ applicationReceivedOn: '2024-12-01', filedOn: '2024-12-02', caseNo: '（2024）鄂0505执9号' });
    const page = await staff.run('ledger.reminders.list', { levels: ['overdue', 'soon'] });
    expect(page.items.map((r) => [r.caseId, r.level])).toEqual([[b, 'overdue'], [a, 'soon']]);
    expect(page.counts).toMatchObject({ overdue: 1, soon: 1 });
    expect((await staff.run('ledger.reminders.list', { caseId: a })).items.every((r) => r.caseId === a)).toBe(true);
  });
});
