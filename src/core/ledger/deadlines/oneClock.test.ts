import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testCore, type Caller, type TestCore } from '../../../../test/support/core';
import { ensureYichangCourts } from '../../../../test/support/yichangCourts';
import type { TransferState } from '../../../contract/vocabulary';
import { appendTransferEvent } from '../transferState';
import { weeklyFigures } from '../../reports/weeklyFigures';
import { listReminders } from './reminders';

/**
 * Issue 11 §1–2: one six-month clock. The same cases go through the ledger's reminders, the weekly
 * report's overdue list and the approval request's case picker; all three must give the same dates.
 * Today is Sunday 2025-09-14, the last day of 2025-W37, so "as of now" and "as of the week" agree.
 */
let t: TestCore;
let staff: Caller;
beforeEach(() => {
  t = testCore({ now: '2025-09-14T04:00:00Z' });
  ensureYichangCourts(t.app);
  staff = t.as('staff', '张承办');
});
afterEach(() => t.cleanup());

const now = () => t.app.now().toISOString();
function insCase(no: string, received: string, found: string | null = null): number {
  const m = /（(\d{4})）(鄂\d{4})执(\d+)号/.exec(no)!;
  return Number(
    t.app.sqlite
      .prepare(
        `INSERT INTO cases (case_no, year, court_code, type_code, seq, application_received_on, property_found_on, filed_on, handler_id, created_at, updated_at)
         VALUES (?, ?, ?, '执', ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(no, Number(m[1]), m[2], Number(m[3]), received, found, received, staff.user.id, now(), now()).lastInsertRowid,
  );
}
function transfer(caseId: number, mode: string, direction: string, state: TransferState, decidedOn: string, extra: { received?: string; filed?: string } = {}): number {
  const id = Number(
    t.app.sqlite
      .prepare(
        `INSERT INTO transfers (case_id, mode, direction, original_court_code, receiving_court_code, state, decision_on, received_on, filed_on, handler_id, created_at, updated_at)
         VALUES (?, ?, ?, '鄂0506', '鄂0505', ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(caseId, mode, direction, state, decidedOn, extra.received ?? null, extra.filed ?? null, staff.user.id, now(), now()).lastInsertRowid,
  );
  appendTransferEvent(t.app, staff.user, { transferId: id, kind: 'created', effectiveOn: decidedOn, to: state, data: { source: 'test' } });
  return id;
}
const deduction = (caseId: number, kind: string, startOn: string, endOn: string | null) =>
  t.app.sqlite.prepare(`INSERT INTO deductions (case_id, kind, start_on, end_on, created_at) VALUES (?, ?, ?, ?, ?)`).run(caseId, kind, startOn, endOn, now());

describe('one six-month clock for the ledger, the weekly report and the approval request (issue 11 §1)', () => {
  it('gives identical dates in all three consumers: property-found start, merged and clipped deductions, holiday roll, 移入 from our receipt', async () => {
    // A: our case, property found later (解释10(2): from 01-10); 公告 02-01…02-20 and 鉴定评估 02-10…03-02 overlap:
    // the union is 30 days. 2025-07-10 + 30 = 08-09 (Saturday) → Monday 08-11 (民法典203). A 中止 from 08-20 began after
    // the six months had run out and deducts nothing (summing all three would give 09-26). 督促 移出 keeps the power here.
    const a = insCase('（2024）鄂0505执801号', '2024-12-20', '2025-01-10');
    deduction(a, '公告', '2025-02-01', '2025-02-20');
    deduction(a, '鉴定评估', '2025-02-10', '2025-03-02');
    deduction(a, '中止', '2025-08-20', '2025-08-25');
    transfer(a, '督促', '移出', '已决定', '2025-09-01');
    // B: received by 指令 on 2025-02-20 (filed 02-25): our clock runs from OUR receipt, not the original court's 2024-11-01.
    const b = insCase('（2024）鄂0506执802号', '2024-11-01');
    transfer(b, '指令', '移入', '办理中', '2025-02-10', { received: '2025-02-20', filed: '2025-02-25' });
    // C: another court's case we merely assist (协同 移入); D: 指令 decided but not yet received.
    const c = insCase('（2024）鄂0506执803号', '2024-10-01');
    transfer(c, '协同', '移入', '办理中', '2025-03-01');
    const d = insCase('（2024）鄂0506执804号', '2024-10-02');
    transfer(d, '指令', '移入', '已决定', '2025-09-10');

    const expected = new Map([
      [a, '2025-08-11'],
      [b, '2025-08-20'],
    ]);
    const ledger = new Map(listReminders(t.app).filter((r) => r.kind === 'sixMonth').map((r) => [r.caseId, r.dueOn]));
    const weekly = new Map(weeklyFigures(t.app, { week: '2025-W37' }).overdue.filter((o) => o.kind === '六个月').map((o) => [o.caseId, o.dueOn]));
    const picker = (await staff.run('approvals.candidates', {})).cases;
    const approvals = new Map(picker.filter((x) => x.clock?.runs).map((x) => [x.caseId, x.clock!.endOn]));
    expect(ledger).toEqual(expected);
    expect(weekly).toEqual(expected);
    expect(approvals).toEqual(expected);

    // Each clock says where it starts and why; the ones that do not run say why not.
    const byId = new Map(picker.map((x) => [x.caseId, x]));
    expect(byId.get(a)!.clock).toMatchObject({ runs: true, startOn: '2025-01-10', startKind: '发现财产', deductedDays: 30, past: true });
    expect(byId.get(b)!.clock).toMatchObject({ runs: true, startOn: '2025-02-20', startKind: '本院收到移送案件' });
    expect(byId.get(b)!.clock!.why).toMatch(/不按原法院收到申请之日/);
    expect(byId.get(c)!.clock).toMatchObject({ runs: false });
    expect(byId.get(c)!.clock!.why).toMatch(/协助执行/);
    expect(byId.get(d)!.clock!.why).toMatch(/尚未收到案件/);
    expect(byId.get(a)!.suggestion).toMatch(/超六个月未执行.*2025-08-11/);
  });

  it('stops when the power leaves by 指令/提级 移出; keeps running after 协同 移出', () => {
    const e = insCase('（2025）鄂0505执805号', '2025-01-02');
    transfer(e, '提级', '移出', '已移送', '2025-08-01');
    const f = insCase('（2025）鄂0505执806号', '2025-01-03');
    transfer(f, '协同', '移出', '办理中', '2025-08-01');
    const six = listReminders(t.app).filter((r) => r.kind === 'sixMonth');
    expect(six.map((r) => r.caseId)).toEqual([f]);
    expect(six[0]!.what).toMatch(/协同执行移出后执行权仍在本院/);
    expect(weeklyFigures(t.app, { week: '2025-W37' }).overdue.filter((o) => o.kind === '六个月').map((o) => o.caseId)).toEqual([f]);
  });
});
