import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testCore, type Caller, type TestCore } from '../../../test/support/core';
import type { TransferState } from '../../contract/vocabulary';
import { addProgress } from '../ledger/edit/records';
import { appendTransferEvent, transitionTransfer } from '../ledger/transferState';
import { narrative } from './narrative';
import { weeklyFigures } from './weeklyFigures';

/**
 * What the weekly report's figures mean (issue 11 item 8), on a real SQLite ledger:
 * whose money and closures they are, which court holds a case, 督促 is no 移出, shares are of cases,
 * and a renumbered case never changes a week already reported. Week 2025-W10 = 03-03 … 03-09 (cutoff
 * 2025-03-09T16:00Z), W11 = 03-10 … 03-16; our court is 鄂0505 (猇亭).
 */
let t: TestCore;
let staff: Caller;
beforeEach(() => {
  t = testCore({ now: '2025-02-01T02:00:00Z' });
  staff = t.as('staff', '张承办');
});
afterEach(() => t.cleanup());

const at = (day: string, hhmm = '10:00') => t.setNow(new Date(`${day}T${hhmm}:00+08:00`).toISOString());
let seq = 100;
function newCase(closure: string | null = null): { id: number; caseNo: string } {
  const caseNo = `（2024）鄂0505执${++seq}号`;
  const now = t.app.now().toISOString();
  const id = Number(
    t.app.sqlite
      .prepare(`INSERT INTO cases (case_no, year, court_code, type_code, seq, cause, closure_type, handler_id, created_at, updated_at) VALUES (?, 2024, '鄂0505', '执', ?, '借款合同纠纷', ?, ?, ?, ?)`)
      .run(caseNo, seq, closure, staff.user.id, now, now).lastInsertRowid,
  );
  return { id, caseNo };
}
function decided(caseId: number, mode: string, direction: string, on: string, courts: { original?: string; receiving?: string | null } = {}): number {
  const now = t.app.now().toISOString();
  const id = Number(
    t.app.sqlite
      .prepare(
        `INSERT INTO transfers (case_id, mode, direction, original_court_code, receiving_court_code, state, handler_id, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, '已决定', ?, ?, ?)`,
      )
      .run(caseId, mode, direction, courts.original ?? '鄂0505', courts.receiving === undefined ? '鄂0505' : courts.receiving, staff.user.id, now, now).lastInsertRowid,
  );
  appendTransferEvent(t.app, staff.user, { transferId: id, kind: 'created', effectiveOn: on, to: '已决定', data: { source: 'test' } });
  return id;
}
const step = (id: number, to: TransferState, on: string) => transitionTransfer(t.app, staff.user, id, to, { effectiveOn: on });
const money = (caseId: number, transferId: number, onDate: string, amountFen: number) =>
  addProgress(t.app, staff.user, { caseId, transferId, onDate, measures: ['扣划'], amountFen, substantive: true, resolved: false, text: '扣划存款' } as never);

describe('whose case it is', () => {
  it('counts money and closures of cases whose enforcement power is ours; money on cases sent out or only assisted is shown apart', () => {
    at('2025-02-10');
    const out = newCase(); // 指令 移出 to 夷陵: the power moved
    const tOut = decided(out.id, '指令', '移出', '2025-02-10', { receiving: '鄂0506' });
    const joint = newCase(); // 协同 移出: 西陵 helps, the power stays with us
    const tJoint = decided(joint.id, '协同', '移出', '2025-02-10', { receiving: '鄂0502' });
    const helped = newCase('执行完毕'); // 协同 移入: 伍家岗's case we help with
    const tHelped = decided(helped.id, '协同', '移入', '2025-02-10', { original: '鄂0503', receiving: '鄂0505' });
    const urged = newCase(); // 督促 from the 中院: stays with us, no receiving court
    decided(urged.id, '督促', '移出', '2025-02-10', { receiving: null });
    at('2025-03-04');
    money(out.id, tOut, '2025-03-04', 3_000_000);
    money(joint.id, tJoint, '2025-03-04', 1_000_000);
    money(helped.id, tHelped, '2025-03-04', 500_000);
    at('2025-03-05');
    for (const s of ['已移送', '已立案', '办理中', '已结案'] as const) step(tHelped, s, '2025-03-05');
    t.setNow('2025-03-10T01:00:00Z');
    const f = weeklyFigures(t.app, { week: '2025-W10' });

    // 执行到位金额: only 协同 移出 (ours). 指令 移出 and the assisted case are the holding courts' figures.
    expect(f.headline).toMatchObject({ casesTotal: 4, amountWeekFen: 1_000_000, amountTotalFen: 1_000_000 });
    expect(f.elsewhere).toEqual({ cases: 2, amountWeekFen: 3_500_000, amountTotalFen: 3_500_000 });
    expect(f.byMode.find((m) => m.mode === '指令')).toMatchObject({ total: 1, amountTotalFen: 0 });
    expect(f.trend.at(-1)!.amountFen).toBe(1_000_000);
    // The assisted case was closed by 伍家岗: no closure line here.
    expect(f.closure).toMatchObject({ closedTotal: 0, closedWeek: 0 });
    expect(f.closedByType).toEqual([]);
    // 现承办法院 is the court holding the power.
    const row = (no: string) => f.rows.find((r) => r.caseNo === no)!;
    expect(row(joint.caseNo)).toMatchObject({ originalCourt: '宜昌市猇亭区人民法院', currentCourt: '宜昌市猇亭区人民法院' });
    expect(row(out.caseNo).currentCourt).toBe('宜昌市夷陵区人民法院');
    expect(row(helped.caseNo)).toMatchObject({ originalCourt: '宜昌市伍家岗区人民法院', currentCourt: '宜昌市伍家岗区人民法院' });
    expect(row(urged.caseNo).currentCourt).toBe('宜昌市猇亭区人民法院');
    // 督促 is not a 移出.
    expect(f.byDirection.find((d) => d.direction === '移出')).toEqual({ direction: '移出', week: 0, total: 2 });
    expect(f.byDirection.find((d) => d.direction === '督促（不移送）')).toEqual({ direction: '督促（不移送）', week: 0, total: 1 });
    // The words say so.
    const text = narrative(f).paragraphs.map((p) => p.text).join('');
    expect(text).toContain('本周执行到位金额1.00万元，累计1.00万元。另有执行权在他院的案件（本院移出或仅协助执行）2件，累计到位3.50万元（本周3.50万元），由现承办法院统计，未计入本院执行到位金额。');
    expect(text).toContain('按移送方向分：移出2件、移入1件、督促（不移送）1件');
    expect(f.notes.join()).toContain('督促执行不改变执行法院');
  });

  it('gives the 提级 share of cases, not of transfers', () => {
    at('2025-02-10');
    const a = newCase(); // 督促 first, then 提级: one case
    decided(a.id, '督促', '移出', '2025-02-10', { receiving: null });
    at('2025-02-20');
    decided(a.id, '提级', '移出', '2025-02-20', { receiving: '鄂05' });
    const b = newCase();
    decided(b.id, '指令', '移入', '2025-02-20', { original: '鄂0506' });
    t.setNow('2025-03-10T01:00:00Z');
    const f = weeklyFigures(t.app, { week: '2025-W10' });
    // 3 transfers, 2 cases, 1 of them 提级: 50.0 %, not 33.3 %.
    expect(f.escalation).toEqual({ tiji: 1, cases: 2, sharePercent: 50 });
    expect(narrative(f).paragraphs[1]!.text).toContain('提级执行1件，占交叉执行案件的50.0%');
  });
});

describe('a renumbered case', () => {
  it('keeps its old number in the week already reported, and the next report carries a correction line', async () => {
    at('2025-02-10');
    const c = newCase();
    const tr = decided(c.id, '指令', '移入', '2025-02-10', { original: '鄂0506' });
    at('2025-03-04');
    money(c.id, tr, '2025-03-04', 2_000_000);
    // W10 is generated and marked 已报送 (the row the report history keeps).
    t.setNow('2025-03-10T01:00:00Z');
    const w10 = weeklyFigures(t.app, { week: '2025-W10' });
    t.app.sqlite
      .prepare(
        `INSERT INTO weekly_reports (week, version, status, start_on, end_on, cutoff_at, figures, figures_sha256, generated_at, generated_by_name, submitted_at, submitted_by_name)
         VALUES ('2025-W10', 1, '已报送', ?, ?, ?, ?, 'x', ?, '张承办', ?, '张承办')`,
      )
      .run(w10.startOn, w10.endOn, w10.cutoffAt, JSON.stringify(w10), t.app.now().toISOString(), t.app.now().toISOString());
    // On 03-11 the case is found to have been entered under a wrong number and is renumbered.
    at('2025-03-11');
    const chief = t.as('chief');
    await chief.run('ledger.edit.saveCase', { caseId: c.id, caseNo: '（2024）鄂0505执999号', cause: '借款合同纠纷', handlerId: staff.user.id });
    t.setNow('2025-03-20T01:00:00Z');
    const again = weeklyFigures(t.app, { week: '2025-W10' });
    expect(again).toEqual(w10);
    expect(again.rows.map((r) => r.caseNo)).toEqual([c.caseNo]);
    const w11 = weeklyFigures(t.app, { week: '2025-W11' });
    expect(w11.rows.map((r) => r.caseNo)).toEqual(['（2024）鄂0505执999号']);
    expect(w11.corrections).toEqual([
      {
        caseNo: '（2024）鄂0505执999号',
        affectedWeek: '2025-W10',
        reported: true,
        onDate: '2025-03-11',
        recordedAt: '2025-03-11T02:00:00.000Z',
        what: `案号由「${c.caseNo}」更正为「（2024）鄂0505执999号」（此前各期周报以原案号列示，数据不变）`,
        amountDeltaFen: 0,
      },
    ]);
  });
});
