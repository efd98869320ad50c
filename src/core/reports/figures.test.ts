import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../../../test/support/core';
import { buildReportFixture } from '../../../test/support/reportFixture';
import { weeklyFigures } from './weeklyFigures';
import { reportWeek, reportWeekOfDate } from './week';
import { wan } from './format';
import { updateSettings } from '../settings/settings';

let t: TestCore;
let fx: ReturnType<typeof buildReportFixture>;
beforeEach(() => {
  t = testCore({ now: '2025-01-01T02:00:00Z' });
  const staff = t.as('staff', '张承办');
  fx = buildReportFixture(t.app, t.setNow, staff.user);
});
afterEach(() => t.cleanup());

/** Figures for 2025-W10 worked out by hand from the fixture (see test/support/reportFixture.ts). */
function expectW10(f: ReturnType<typeof weeklyFigures>) {
  expect(f.startOn).toBe('2025-03-03');
  expect(f.endOn).toBe('2025-03-09');
  // A, B, C, E are cross-execution cases (D is only a draft); B and E were decided this week.
  // Progress this week: A (03-04 substantive). Cumulative: A and C (resolved).
  // Money this week: A 50,000 + 10,000 (voided only after the cutoff) = 6.00 万元;
  // cumulative: A 100,000 + 60,000 = 16.00 万元. C's 2,000,000 was recovered after C went to the 中院 by 提级
  // (the power moved): the 中院's figure, shown apart and not in ours (issue 11 item 8).
  expect(f.headline).toEqual({ casesWeek: 2, casesTotal: 4, activeCases: 3, progressWeek: 1, progressTotal: 2, amountWeekFen: 6_000_000, amountTotalFen: 16_000_000 });
  expect(f.elsewhere).toEqual({ cases: 1, amountWeekFen: 0, amountTotalFen: 200_000_000 });
  const mode = (m: string) => f.byMode.find((x) => x.mode === m);
  expect(mode('指令')).toMatchObject({ week: 0, total: 1, active: 1, amountWeekFen: 6_000_000, amountTotalFen: 16_000_000 });
  expect(mode('督促')).toMatchObject({ week: 1, total: 1, active: 1, amountWeekFen: 0 });
  expect(mode('提级')).toMatchObject({ week: 0, total: 1, active: 0, amountTotalFen: 0 });
  expect(mode('院内交叉')).toMatchObject({ week: 1, total: 1, active: 1, amountTotalFen: 0 });
  expect(f.byDirection).toEqual([
    { direction: '移出', week: 0, total: 1 },
    { direction: '移入', week: 0, total: 1 },
    { direction: '院内', week: 1, total: 1 },
    // B (督促) keeps its executing court: not a 移出, not a 院内交叉 either.
    { direction: '督促（不移送）', week: 1, total: 1 },
  ]);
  expect(f.closedByType).toEqual([{ closureType: '执行完毕', week: 1, total: 1 }]);
  // C: file handed over (received) 01-20, closed 03-07 = 11 + 28 + 7 days.
  expect(f.closure).toEqual({ closedTotal: 1, closedWeek: 1, avgDaysToClose: 46 });
  expect(f.escalation).toEqual({ tiji: 1, cases: 4, sharePercent: 25 });
  // B: received 2024-08-01 + 6 months = 2025-02-01, + 10 days 公告 = 02-11 → 26 days by 03-09.
  // A: ¥100,000 of 02-26, 5-day payout (local default) ends 03-03 → 6 days. B: 督促 deadline 03-07 → 2 days.
  expect(f.overdue.map((o) => [o.kind, o.caseNo, o.dueOn, o.daysOverdue])).toEqual([
    ['六个月', '（2024）鄂0505执20号', '2025-02-11', 26],
    ['案款发放', '（2024）鄂0505执10号', '2025-03-03', 6],
    ['督促期限', '（2024）鄂0505执20号', '2025-03-07', 2],
  ]);
  expect(f.overdue.every((o) => o.source.length > 0)).toBe(true);
  // Active cases without any entry dated this week and known at the cutoff: B and E.
  expect(f.noProgress.map((n) => n.caseNo)).toEqual(['（2024）鄂0505执20号', '（2024）鄂0505执50号']);
  expect(f.doubleChecks).toEqual([{ caseId: fx.caseIds.B, caseNo: '（2024）鄂0505执20号', raisedOn: '2025-03-06', status: '进行中', reason: '督促期限内未执结' }]);
  expect(f.corrections).toEqual([]);
  // Per-case table: A, B, C (closed this week), E.
  expect(f.rows.map((r) => [r.caseNo, r.mode, r.state, r.amountWeekFen, r.amountTotalFen])).toEqual([
    ['（2024）鄂0505执10号', '指令', '办理中', 6_000_000, 16_000_000],
    ['（2024）鄂0505执20号', '督促', '办理中', 0, 0],
    ['（2024）鄂0505执30号', '提级', '已结案', 0, 200_000_000],
    ['（2024）鄂0505执50号', '院内交叉', '已决定', 0, 0],
  ]);
  const a = f.rows[0]!;
  expect(a).toMatchObject({ applicants: '宜昌甲贸易公司', debtors: '猇亭甲建材公司', originalCourt: '宜昌市夷陵区人民法院', currentCourt: '宜昌市猇亭区人民法院', handler: '张承办' });
  expect(a.progressText).toBe('03/04 扣划存款；03/05 划扣工资');
  // Trend: the last point is this week.
  expect(f.trend).toHaveLength(12);
  expect(f.trend.at(-1)).toMatchObject({ week: '2025-W10', newCases: 2, amountFen: 6_000_000, newByMode: { 督促: 1, 院内交叉: 1 } });
  expect(f.trend.at(-3)).toMatchObject({ week: '2025-W08', newCases: 1, newByMode: { 指令: 1 } });
}

describe('weekly figures as of the week end', () => {
  it('match the hand-worked values for 2025-W10', () => {
    t.setNow('2025-03-10T01:00:00Z');
    expectW10(weeklyFigures(t.app, { week: '2025-W10' }));
  });

  it('count a closed case under the closure type it had at the week end, even if it is corrected later', () => {
    t.setNow('2025-03-10T01:00:00Z');
    t.app.sqlite.prepare(`UPDATE cases SET closure_type = '终结执行', updated_at = '2025-03-15T01:00:00.000Z' WHERE id = ?`).run(fx.caseIds.C);
    t.setNow('2025-03-20T01:00:00Z');
    expect(weeklyFigures(t.app, { week: '2025-W10' }).closedByType).toEqual([{ closureType: '执行完毕', week: 1, total: 1 }]);
    expect(weeklyFigures(t.app, { week: '2025-W11' }).closedByType).toEqual([{ closureType: '终结执行', week: 0, total: 1 }]);
  });

  it('stay the same after later edits, back-dated entries, a voided entry and a mode change', () => {
    t.setNow('2025-03-10T01:00:00Z');
    const before = weeklyFigures(t.app, { week: '2025-W10' });
    fx.later();
    t.setNow('2025-03-20T01:00:00Z');
    const again = weeklyFigures(t.app, { week: '2025-W10' });
    expectW10(again);
    expect(again).toEqual(before);
  });

  it('show the late changes in the next week as correction lines', () => {
    fx.later();
    t.setNow('2025-03-20T01:00:00Z');
    const f = weeklyFigures(t.app, { week: '2025-W11' });
    // W10 16.00 + this week 2.00 (A 03-12) + corrections (+3.00 E, −1.00 A) = 20.00 万元.
    expect(f.headline).toEqual({ casesWeek: 0, casesTotal: 4, activeCases: 3, progressWeek: 0, progressTotal: 3, amountWeekFen: 2_000_000, amountTotalFen: 20_000_000 });
    expect(f.byMode.find((m) => m.mode === '指令')).toMatchObject({ total: 2, active: 2 });
    expect(f.byMode.find((m) => m.mode === '督促')).toMatchObject({ total: 0 });
    expect(f.corrections.map((c) => [c.caseNo, c.affectedWeek, c.amountDeltaFen])).toEqual([
      ['（2024）鄂0505执50号', '2025-W10', 3_000_000],
      ['（2024）鄂0505执10号', '2025-W10', -1_000_000],
      ['（2024）鄂0505执20号', '2025-W10', 0],
    ]);
    expect(f.corrections[0]!.what).toBe('补录 2025-03-09 执行进展（实质进展），到位 3.00 万元');
    expect(f.corrections[1]!.what).toBe('作废 2025-03-05 执行进展（到位 1.00 万元），原因：重复登记');
    expect(f.corrections[2]!.what).toContain('由「督促」更正为「指令」');
    expect(f.corrections.every((c) => c.reported === false)).toBe(true);
    expect(f.overdue.find((o) => o.kind === '督促期限')).toBeUndefined();
  });

  it('marks the week still running as provisional', () => {
    t.setNow('2025-03-08T10:00:00Z');
    expect(weeklyFigures(t.app, { week: '2025-W10' }).provisional).toBe(true);
  });
});

describe('reporting weeks', () => {
  it('ISO weeks Monday–Sunday by default, another start day as a setting', () => {
    expect(reportWeek('2025-W10')).toEqual({ week: '2025-W10', startOn: '2025-03-03', endOn: '2025-03-09', cutoffAt: '2025-03-09T16:00:00.000Z' });
    expect(reportWeek('2026-W01').startOn).toBe('2025-12-29');
    expect(reportWeek('2020-W53').endOn).toBe('2021-01-03');
    // Friday–Thursday weeks: W10 is the week ending on Thursday 2025-03-06.
    expect(reportWeek('2025-W10', 5)).toMatchObject({ startOn: '2025-02-28', endOn: '2025-03-06' });
    expect(reportWeekOfDate('2025-03-07', 5).week).toBe('2025-W11');
    expect(() => reportWeek('2025-W53')).toThrow(/没有第 53 周/);
    updateSettings(t.app, { reportWeekStartsOn: 5 });
    t.setNow('2025-03-20T01:00:00Z');
    expect(weeklyFigures(t.app, { week: '2025-W10' })).toMatchObject({ startOn: '2025-02-28', endOn: '2025-03-06' });
  });

  it('shows money in 万元 with two decimals', () => {
    expect(wan(216_000_000)).toBe('216.00');
    expect(wan(1_234_567_890)).toBe('1,234.57');
    expect(wan(4_999)).toBe('0.00');
    expect(wan(5_000)).toBe('0.01');
    expect(wan(-1_000_000)).toBe('-1.00');
  });
});
