import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testCore, type Caller, type TestCore } from '../../../../test/support/core';
import { ensureYichangCourts } from '../../../../test/support/yichangCourts';
import { loadCalendar } from '../../calendar/calendar';
import { updateSettings } from '../../settings/settings';
import { appendTransferEvent } from '../transferState';
import { weeklyFigures } from '../../reports/weeklyFigures';
import { listReminders } from './reminders';
import { sixMonthClock } from './sixMonthClock';
import { whoseClock } from './whoseClock';

// Sunday 2025-09-14 (China), the last day of 2025-W37.
let t: TestCore;
let staff: Caller;
beforeEach(() => {
  t = testCore({ now: '2025-09-14T04:00:00Z' });
  ensureYichangCourts(t.app);
  staff = t.as('staff', '张承办');
});
afterEach(() => t.cleanup());

let seq = 900;
const newCase = async (over: Record<string, unknown> = {}) =>
  (await staff.run('ledger.edit.saveCase', { caseNo: `（2025）鄂0505执${seq++}号`, applicationReceivedOn: '2025-01-02', filedOn: '2025-01-03', ...over })).id;
const sql = (s: string, ...p: unknown[]) => t.app.sqlite.prepare(s).run(...p);
const of = (kind: string, caseId?: number) => listReminders(t.app, caseId ? { caseId } : {}).filter((r) => r.kind === kind);
function transfer(caseId: number, mode: string, direction: string, state: string, on: string, extra: Record<string, string> = {}): number {
  const at = t.app.now().toISOString();
  const id = Number(
    t.app.sqlite
      .prepare(
        `INSERT INTO transfers (case_id, mode, direction, original_court_code, receiving_court_code, state, decision_on, handed_over_on, received_on, filed_on, handler_id, created_at, updated_at)
         VALUES (?, ?, ?, '鄂0505', '鄂0506', ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(caseId, mode, direction, state, on, extra.handedOver ?? null, extra.received ?? null, extra.filed ?? null, staff.user.id, at, at).lastInsertRowid,
  );
  appendTransferEvent(t.app, staff.user, { transferId: id, kind: 'created', effectiveOn: on, to: state as never });
  return id;
}

describe('deductible intervals (执行程序解释 第十三条)', () => {
  it('deducts the union of overlapping intervals, nothing for one begun after the six months ran out, a known future end in full', () => {
    const cal = loadCalendar(t.app);
    // 2025-01-02 + 6 months = 07-02 (Wed).
    expect(sixMonthClock(cal, '2025-01-02', [], '2025-09-14').endOn).toBe('2025-07-02');
    const c = sixMonthClock(cal, '2025-01-02', [
      { startOn: '2025-03-01', endOn: '2025-03-10' },
      { startOn: '2025-03-05', endOn: '2025-03-12' },
      { startOn: '2025-07-20', endOn: '2025-07-30' },
    ], '2025-09-14');
    // Union 03-01…03-12 = 12 days → 07-14 (Mon); the 07-20 interval began after 07-14: ignored.
    expect(c).toMatchObject({ endOn: '2025-07-14', deductedDays: 12, ignored: 1, past: true });
    // A 公告 from 06-20 to a known 08-20 (ahead of an as-of day of 07-01) counts in full: 62 days → 09-02.
    expect(sixMonthClock(cal, '2025-01-02', [{ startOn: '2025-06-20', endOn: '2025-08-20' }], '2025-07-01')).toMatchObject({ endOn: '2025-09-02', deductedDays: 62, past: false });
    // An open one counts up to the as-of day.
    expect(sixMonthClock(cal, '2025-01-02', [{ startOn: '2025-06-20', endOn: null }], '2025-07-01').deductedDays).toBe(12);
  });

  it('an interval left open longer than the setting raises a soft reminder', async () => {
    const id = await newCase();
    await staff.run('ledger.edit.saveDeduction', { caseId: id, kind: '中止', startOn: '2025-05-01' });
    // 05-01 + 90 = 07-30: overdue by today.
    expect(of('deduction', id)[0]).toMatchObject({ dueOn: '2025-07-30', level: 'overdue' });
    expect(of('deduction', id)[0]!.what).toMatch(/中止期间自 2025-05-01 起未登记结束日期/);
    expect(of('deduction', id)[0]!.source).toMatch(/第十三条.*本地设置/);
    updateSettings(t.app, { openDeductionDays: 200 });
    expect(of('deduction', id)).toEqual([]);
  });
});

describe('whose clock (issue 11 §2)', () => {
  const own = { typeCode: '执', applicationReceivedOn: '2025-01-02', propertyFoundOn: null, filedOn: '2025-01-03', closedOn: null, closureType: null, resolved: false };
  it('review cases, closed cases and cases that left us have no clock; each answer says why', () => {
    expect(whoseClock({ ...own, typeCode: '执异' }, [])).toMatchObject({ runs: false });
    expect(whoseClock({ ...own, closureType: '终结本次执行程序', closedOn: '2025-05-01' }, [])).toMatchObject({ runs: false });
    expect(whoseClock(own, [{ id: 1, mode: '委托', direction: '移出', state: '已移送', receivedOn: null, filedOn: null }])).toMatchObject({ runs: false });
    expect(whoseClock(own, [{ id: 1, mode: '指令', direction: '移出', state: '待审批', receivedOn: null, filedOn: null }])).toMatchObject({ runs: true, startOn: '2025-01-02' });
    expect(whoseClock(own, [{ id: 1, mode: '督促', direction: '移出', state: '办理中', receivedOn: null, filedOn: null }])).toMatchObject({ runs: true, startOn: '2025-01-02' });
  });
});

describe('case-money payouts (issue 11 §4)', () => {
  it('an unpaid arrival stays reminded however old; money held by another court after 销案 by 提级 is not ours', async () => {
    const old = await newCase();
    await staff.run('ledger.edit.addProgress', { caseId: old, onDate: '2025-01-20', measures: ['扣划'], amountFen: 500_00 });
    // 237 days ago: the former 90-day look-back dropped it.
    expect(of('payout', old)).toHaveLength(1);

    const up = await newCase();
    await staff.run('ledger.edit.addProgress', { caseId: up, onDate: '2025-05-20', measures: ['扣划'], amountFen: 100_00 });
    await staff.run('ledger.edit.addProgress', { caseId: up, onDate: '2025-06-15', measures: ['扣划'], amountFen: 200_00 });
    transfer(up, '提级', '移出', '已结案', '2025-05-25', { handedOver: '2025-06-01' });
    sql(`UPDATE cases SET closure_type = '销案', closed_on = '2025-06-10' WHERE id = ?`, up);
    const r = of('payout', up);
    // The 05-20 money arrived while the case was ours and is still unpaid; the 06-15 money is the 中院's.
    expect(r.map((x) => x.what)).toEqual([expect.stringMatching(/案款 100\.00 元于 2025-05-20 到位/)]);
  });
});

describe('case-money payouts in the weekly report (issue 11 §4)', () => {
  it('lists only the money that arrived while the case was ours, not what arrived after the handover to the 中院', async () => {
    const id = await newCase();
    transfer(id, '提级', '移出', '已移送', '2025-05-10', { handedOver: '2025-06-01' });
    await staff.run('ledger.edit.addProgress', { caseId: id, onDate: '2025-05-20', measures: ['扣划'], amountFen: 100_000_00 });
    await staff.run('ledger.edit.addProgress', { caseId: id, onDate: '2025-06-15', measures: ['扣划'], amountFen: 200_000_00 });
    const items = weeklyFigures(t.app, { week: '2025-W37' }).overdue.filter((o) => o.kind === '案款发放');
    // 05-20 + 5 = 05-25 (Sunday) → 05-26.
    expect(items).toEqual([expect.objectContaining({ caseId: id, dueOn: '2025-05-26', what: '自 2025-05-20 起到位共 10.00 万元，未登记发放' })]);
    expect(of('payout', id).map((r) => r.dueOn)).toEqual(['2025-05-26']);
  });
});

describe('委托执行 (民诉法240), both ways (issue 11 §6)', () => {
  it('the entrusted court starts within 15 days and reports within 30; a progress entry and the 函复 measure clear them', async () => {
    const inCase = await newCase();
    transfer(inCase, '委托', '移入', '已立案', '2025-08-28', { received: '2025-09-01', filed: '2025-09-03' });
    const outCase = await newCase();
    transfer(outCase, '委托', '移出', '办理中', '2025-08-10', { handedOver: '2025-08-11', received: '2025-08-12' });
    // 09-01 + 15 = 09-16; + 30 = 10-01 (National Day) → 10-09.
    expect(of('entrustStart', inCase)[0]).toMatchObject({ dueOn: '2025-09-16', daysLeft: 2 });
    expect(of('entrustReport', inCase)[0]).toMatchObject({ dueOn: '2025-10-09' });
    expect(of('entrustStart', inCase)[0]!.source).toMatch(/民事诉讼法 第二百四十条/);
    // We entrusted: the other court received on 08-12 → start by 08-27 (overdue), report by 09-11 (overdue).
    expect(of('entrustStart', outCase)[0]).toMatchObject({ dueOn: '2025-08-27', level: 'overdue' });
    expect(of('entrustReport', outCase)[0]).toMatchObject({ dueOn: '2025-09-11', level: 'overdue' });
    expect(of('entrustReport', outCase)[0]!.what).toMatch(/受托法院/);
    await staff.run('ledger.edit.addProgress', { caseId: inCase, onDate: '2025-09-05', measures: ['网络查控'] });
    expect(of('entrustStart', inCase)).toEqual([]);
    expect(of('entrustReport', inCase)).toHaveLength(1);
    await staff.run('ledger.edit.addProgress', { caseId: outCase, onDate: '2025-09-12', measures: ['委托执行情况函复'], text: '收到受托法院函复' });
    expect(of('entrustStart', outCase)).toEqual([]);
    expect(of('entrustReport', outCase)).toEqual([]);
  });
});

describe('终本 in the weekly report (issue 11 §5)', () => {
  it('lists a cross case closed as 终本 before three months since 立案 had passed', async () => {
    const id = await newCase({ filedOn: '2025-07-01', applicationReceivedOn: '2025-06-28' });
    transfer(id, '院内交叉', '院内', '办理中', '2025-07-05');
    sql(`UPDATE cases SET closure_type = '终结本次执行程序', closed_on = '2025-09-10' WHERE id = ?`, id);
    const item = weeklyFigures(t.app, { week: '2025-W37' }).overdue.find((o) => o.kind === '终本');
    // 07-01 + 3 months = 10-01; "超过" → earliest 10-02.
    expect(item).toMatchObject({ caseId: id, dueOn: '2025-10-02', daysOverdue: 22 });
    expect(item!.source).toMatch(/终结本次执行程序的规定.*第一条第四项/);
  });
});

describe('终本 at save time (issue 11 §5)', () => {
  it('warns (confirmably) within three months of 立案, records the 517 basis, refuses review cases', async () => {
    const id = await newCase({ filedOn: '2025-07-01', applicationReceivedOn: '2025-06-28' });
    const base = { caseId: id, caseNo: `（2025）鄂0505执${seq - 1}号`, applicationReceivedOn: '2025-06-28', filedOn: '2025-07-01', closedOn: '2025-09-10', closureType: '终结本次执行程序' as const };
    const noBasis = await staff.call('ledger.edit.saveCase', base);
    expect(noBasis.ok === false && noBasis.error).toMatchObject({ field: 'zhongbenBasis', message: expect.stringMatching(/「终本依据」.*第五百一十七条/) });
    const early = await staff.call('ledger.edit.saveCase', { ...base, zhongbenBasis: '申请执行人签字确认' });
    expect(early.ok === false && early.error).toMatchObject({ field: 'confirmEarlyZhongben', message: expect.stringMatching(/未超过三个月，最早 2025-10-02 方可终本/) });
    // Nothing was written by the refused saves.
    expect(t.app.sqlite.prepare('SELECT closure_type AS c, zhongben_basis AS b FROM cases WHERE id = ?').get(id)).toEqual({ c: null, b: null });
    await staff.run('ledger.edit.saveCase', { ...base, zhongbenBasis: '合议庭评议并经院长批准', confirmEarlyZhongben: true });
    expect((await staff.run('ledger.caseView', { caseId: id })).case).toMatchObject({ closureType: '终结本次执行程序', zhongbenBasis: '合议庭评议并经院长批准' });
    // Editing the note later asks neither again.
    await staff.run('ledger.edit.saveCase', { ...base, note: '补充说明' });

    const review = await staff.call('ledger.edit.saveCase', { caseNo: '（2025）鄂0505执异12号', filedOn: '2025-01-03', closedOn: '2025-06-01', closureType: '终结本次执行程序', zhongbenBasis: '申请执行人签字确认' });
    expect(review.ok === false && review.error).toMatchObject({ field: 'closureType', message: expect.stringMatching(/执异案件属执行审查类，不能以终结本次执行程序结案/) });
  });
});
