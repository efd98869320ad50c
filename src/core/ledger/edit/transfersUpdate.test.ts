import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testCore, type Caller, type TestCore } from '../../../../test/support/core';
import { ensureYichangCourts } from '../../../../test/support/yichangCourts';
import { weeklyFigures } from '../../reports/weeklyFigures';
import { reportWeekOfDate } from '../../reports/week';
import { getSettings } from '../../settings/settings';

/** Correcting a transfer's details (issue 3): stored with an 'edit' event, guarded by version, past reports unchanged. */
let t: TestCore;
let staff: Caller;
let transferId: number;
const row = () =>
  t.app.sqlite
    .prepare('SELECT mode, original_court_code AS original, their_phone AS theirPhone, decision_doc_no AS docNo, version FROM transfers WHERE id = ?')
    .get(transferId);
const edits = () => t.app.sqlite.prepare(`SELECT data FROM transfer_events WHERE transfer_id = ? AND kind = 'edit'`).all(transferId) as { data: string }[];
// What the form sends: every detail as it should stand.
const details = { mode: '指令', reasons: ['关联案件'], originalCourtCode: '鄂0502', decidingCourtCode: '鄂05', decisionOn: '2025-06-02', theirPhone: '0717-1111111' } as const;

beforeEach(async () => {
  t = testCore({ now: '2025-06-03T02:00:00Z' });
  ensureYichangCourts(t.app);
  staff = t.as('staff', '张承办');
  const { id: caseId } = await staff.run('ledger.edit.saveCase', { caseNo: '(2025)鄂0505执100号', filedOn: '2025-01-10' });
  ({ id: transferId } = await staff.run('ledger.edit.createTransfer', { caseId, direction: '移入', ...details, reasons: [...details.reasons] }));
  // A month later (the old session has locked meanwhile): the clerk assisting the handler notices the
  // mistakes (another staff member may not edit 张承办's case, editRights.ts).
  t.setNow('2025-07-01T02:00:00Z');
  staff = t.as('clerk', '刘书记员');
});
afterEach(() => t.cleanup());

describe('ledger.edit.updateTransfer', () => {
  it('stores only the changed fields, bumps the version and keeps old/new in one edit event', async () => {
    await staff.run('ledger.edit.updateTransfer', { transferId, version: 1, ...details, reasons: ['关联案件'], theirPhone: '0717-2222222', decisionDocNo: '（2025）鄂05执监12号' });
    expect(row()).toEqual({ mode: '指令', original: '鄂0502', theirPhone: '0717-2222222', docNo: '（2025）鄂05执监12号', version: 2 });
    expect(edits().map((e) => JSON.parse(e.data))).toEqual([{ theirPhone: ['0717-1111111', '0717-2222222'], decisionDocNo: [null, '（2025）鄂05执监12号'] }]);
    const audit = t.app.sqlite.prepare(`SELECT summary FROM audit_log WHERE call = 'ledger.edit.updateTransfer'`).all();
    expect(audit).toEqual([{ summary: expect.stringMatching(/修改交叉执行记录：决定文书号、对方电话$/) }]);
    const same = await staff.call('ledger.edit.updateTransfer', { transferId, version: 2, ...details, reasons: ['关联案件'], theirPhone: '0717-2222222', decisionDocNo: '（2025）鄂05执监12号' });
    expect(same.ok === false && same.error.message).toBe('没有修改任何内容');
    expect(edits()).toHaveLength(1);
  });

  it('refuses a stale version and an unknown court, changing nothing', async () => {
    await staff.run('ledger.edit.updateTransfer', { transferId, version: 1, ...details, reasons: ['关联案件'], theirPhone: '0717-3333333' });
    const stale = await staff.call('ledger.edit.updateTransfer', { transferId, version: 1, ...details, reasons: ['关联案件'], theirPhone: '0717-4444444' });
    expect(stale.ok === false && stale.error).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/刚被他人修改/) });
    const court = await staff.call('ledger.edit.updateTransfer', { transferId, version: 2, ...details, reasons: ['关联案件'], originalCourtCode: '鄂0599' });
    expect(court.ok === false && court.error).toMatchObject({ field: 'originalCourtCode', message: expect.stringMatching(/「原执行法院」鄂0599 不在法院名录中/) });
    const self = await staff.call('ledger.edit.updateTransfer', { transferId, version: 2, ...details, reasons: ['关联案件'], originalCourtCode: getSettings(t.app).courtCode });
    expect(self.ok === false && self.error.field).toBe('originalCourtCode');
    const inner = await staff.call('ledger.edit.updateTransfer', { transferId, version: 2, ...details, reasons: ['关联案件'], mode: '院内交叉' });
    expect(inner.ok === false && inner.error.message).toMatch(/方向/);
    expect(row()).toMatchObject({ theirPhone: '0717-3333333', original: '鄂0502', mode: '指令', version: 2 });
    expect(edits()).toHaveLength(1);
  });

  it('refuses a transfer that has exited', async () => {
    await staff.run('ledger.edit.transferState', { transferId, toState: '已退出', effectiveOn: '2025-06-20', version: 1, reason: '已撤销决定' });
    const r = await staff.call('ledger.edit.updateTransfer', { transferId, version: 2, ...details, reasons: ['关联案件'], theirPhone: '0717-5555555' });
    expect(r.ok === false && r.error).toMatchObject({ code: 'INVALID_STATE', message: expect.stringMatching(/已「已退出」，不能再修改/) });
  });

  it('a weekly report for a week before the correction still shows the old mode and court', async () => {
    await staff.run('ledger.edit.updateTransfer', { transferId, version: 1, ...details, reasons: ['关联案件'], mode: '集中', originalCourtCode: '鄂0503' });
    const week = reportWeekOfDate('2025-06-02', getSettings(t.app).reportWeekStartsOn ?? 1).week;
    const past = weeklyFigures(t.app, { week });
    expect(past.byMode.find((m) => m.total)).toMatchObject({ mode: '指令', total: 1 });
    expect(past.rows[0]).toMatchObject({ originalCourt: '宜昌市西陵区人民法院' });
    const now = weeklyFigures(t.app, { week: reportWeekOfDate('2025-07-01', getSettings(t.app).reportWeekStartsOn ?? 1).week });
    expect(now.byMode.find((m) => m.total)).toMatchObject({ mode: '集中', total: 1 });
    expect(now.rows[0]).toMatchObject({ originalCourt: '宜昌市伍家岗区人民法院' });
  });
});
