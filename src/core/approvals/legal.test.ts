import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../../../test/support/core';
import { approvalBureau, fullDraft } from './testSupport';

let t: TestCore;
beforeEach(() => {
  t = testCore({ now: '2025-09-10T02:00:00Z' });
});
afterEach(() => t.cleanup());

describe('the request shows the ledger clock and the ground that holds (issue 11 §9)', () => {
  it('超六个月 holds only past the ledger clock; the chief sees start, why, deducted, due and the soft 甩包袱 warnings; frozen at submission', async () => {
    const b = await approvalBureau(t);
    // Received 2025-03-01, a 公告 of 10 days → 09-01 + 10 = 09-11, not yet past on 09-10.
    const young = await b.newCase(b.chief, { applicationReceivedOn: '2025-03-01', filedOn: '2025-03-03' });
    await b.handler.run('ledger.edit.saveDeduction', { caseId: young, kind: '公告', startOn: '2025-04-01', endOn: '2025-04-10' });
    const r = await b.handler.run('approvals.create', fullDraft([young]));
    const legal = r.cases[0]!.legal;
    expect(legal.clock).toMatchObject({ runs: true, startOn: '2025-03-01', endOn: '2025-09-11', deductedDays: 10, past: false, daysLeft: 1 });
    expect(legal.snapshot).toBe(false);
    const six = legal.grounds.find((g) => g.reason === '超六个月未执行')!;
    expect(six.holds).toBe(false);
    expect(six.note).toMatch(/不成立：六个月至 2025-09-11 届满/);
    expect(legal.grounds.find((g) => g.reason === '指令执行方式')!.source).toMatch(/执行程序解释（2020）第十一条/);
    expect(r.offloadWarnings.map((w) => w.code)).toContain('clockNotPast');

    await b.handler.run('approvals.submit', { requestId: r.request.id });
    // Two days later the clock is past, but the submitted version keeps what held when it was reported.
    t.setNow('2025-09-12T02:00:00Z');
    // (keep the sessions alive across the jump: a jump of days would idle-lock them)
    for (const c of [b.chief, b.handler]) t.app.sessions.bind(c.sessionKey, c.user.id);
    const seen = await b.chief.run('approvals.get', { requestId: r.request.id });
    expect(seen.cases[0]!.legal).toMatchObject({ snapshot: true, asOf: '2025-09-10' });
    expect(seen.cases[0]!.legal.grounds[0]!.holds).toBe(false);

    const old = await b.newCase(b.chief, { applicationReceivedOn: '2025-01-02', filedOn: '2025-01-03' });
    const r2 = await b.handler.run('approvals.create', fullDraft([old]));
    expect(r2.cases[0]!.legal.grounds[0]).toMatchObject({ reason: '超六个月未执行', holds: true, source: '民事诉讼法 第二百三十七条；执行程序解释 第十条' });
  });
});
