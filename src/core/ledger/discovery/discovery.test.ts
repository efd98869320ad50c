import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testCore, type Caller, type TestCore } from '../../../../test/support/core';
import { ensureYichangCourts } from '../../../../test/support/yichangCourts';
import { creditCode } from '../../../../test/support/ledgerWorkbooks';

let t: TestCore;
let staff: Caller;
let admin: Caller;
beforeEach(() => {
  t = testCore({ now: '2025-07-02T02:00:00Z' });
  ensureYichangCourts(t.app);
  staff = t.as('staff', '张承办');
  admin = t.as('admin');
});
afterEach(() => t.cleanup());

let seq = 300;
const newCase = async (over: Record<string, unknown> = {}) =>
  (await staff.run('ledger.edit.saveCase', { caseNo: `（2025）鄂0505执${seq++}号`, applicationReceivedOn: '2025-01-01', filedOn: '2025-01-02', ...over })).id;
const debtor = (caseId: number, seed: number, flags: { isSmb?: boolean; isLivelihood?: boolean } = {}) =>
  staff.run('ledger.edit.saveParty', { caseId, side: '被执行人', kind: '法人或其他组织', name: `某公司${seed}`, idNumber: creditCode(seed), ...flags });
const applicant = (caseId: number, flags: { isLivelihood?: boolean } = {}) =>
  staff.run('ledger.edit.saveParty', { caseId, side: '申请执行人', kind: '自然人', name: `工人${caseId}`, ...flags });

describe('case discovery', () => {
  it('finds past-six-month cases, long 终本 cases in priority classes and debtors with several cases, each with the reason', async () => {
    const past = await newCase();
    const suspended = await newCase();
    await staff.run('ledger.edit.saveDeduction', { caseId: suspended, kind: '公告', startOn: '2025-02-01', endOn: '2025-02-20' });
    const longSmb = await newCase({ caseNo: '（2022）鄂0505执7号', applicationReceivedOn: '2022-01-01', filedOn: '2022-01-04', closedOn: '2022-06-01', closureType: '终结本次执行程序', zhongbenBasis: '申请执行人签字确认' });
    await debtor(longSmb, 1, { isSmb: true });
    const recentPlain = await newCase({ filedOn: '2025-01-02', closedOn: '2025-04-10', closureType: '终结本次执行程序', zhongbenBasis: '申请执行人签字确认' });
    await debtor(recentPlain, 2);
    const livelihood = await newCase({ filedOn: '2025-01-02', closedOn: '2025-04-10', closureType: '终结本次执行程序', zhongbenBasis: '申请执行人签字确认' });
    await applicant(livelihood, { isLivelihood: true });
    // One debtor with three unresolved cases (threshold 3 by default).
    const group = [await newCase({ applicationReceivedOn: '2025-05-01', filedOn: '2025-05-02' }), await newCase({ applicationReceivedOn: '2025-05-01', filedOn: '2025-05-02' }), recentPlain];
    await debtor(group[0], 2);
    await debtor(group[1], 2);

    const r = await staff.run('ledger.discover.list', {});
    const six = r.items.filter((c) => c.class === 'sixMonth').map((c) => c.caseId);
    expect(six).toEqual([past]);
    expect(r.items.find((c) => c.caseId === past)!.reason).toMatch(/六个月已于 2025-07-01 届满，已超过 1 日/);
    const zb = r.items.filter((c) => c.class === 'zhongben');
    expect(zb.map((c) => [c.caseId, c.priority])).toEqual([
      [longSmb, ['超长期未结', '涉中小微企业']],
      [livelihood, ['涉民生']],
    ]);
    expect(zb[0].reason).toMatch(/立案于 2022-01-04，超过 24 个月未执行完毕；当事人为中小微企业/);
    const groups = r.items.filter((c) => c.class === 'debtor');
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ debtor: '某公司2', suggestedMode: '集中', caseIds: [...group].sort((a, b) => a - b) });
    expect(groups[0].reason).toMatch(/某公司2 在本院有 3 件未执行完毕的案件（阈值 3 件）/);
    expect(r.counts).toEqual({ sixMonth: 1, zhongben: 2, debtor: 1 });

    await admin.run('settings.update', { debtorOpenCasesThreshold: 4 });
    expect((await staff.run('ledger.discover.list', { classes: ['debtor'] })).items).toEqual([]);
  });

  it('one click starts a transfer draft to the superior court; the candidate then leaves the list', async () => {
    const past = await newCase();
    const r = await staff.run('ledger.discover.startDraft', { class: 'sixMonth', caseIds: [past] });
    expect(r.transferIds).toHaveLength(1);
    const row = t.app.sqlite.prepare('SELECT mode, direction, state, reasons, receiving_court_code AS recv FROM transfers WHERE id = ?').get(r.transferIds[0]);
    expect(row).toEqual({ mode: '指令', direction: '移出', state: '草稿', reasons: '["超六个月未执行"]', recv: '鄂05' });
    expect(r.warnings).toEqual([]);
    expect((await staff.run('ledger.discover.list', {})).items.some((c) => c.caseId === past)).toBe(false);
    const audit = t.app.sqlite.prepare(`SELECT summary FROM audit_log ORDER BY id DESC LIMIT 1`).get() as { summary: string } | undefined;
    if (audit) expect(audit.summary).toMatch(/由案件发现新建交叉执行草稿/);
  });

  it('soft warnings for a report that looks like offloading (甩包袱), never a block', async () => {
    const young = await newCase({ applicationReceivedOn: '2025-05-01', filedOn: '2025-05-02' });
    const w1 = await staff.run('ledger.discover.offloadCheck', { caseId: young, direction: '移出', mode: '指令', reasons: ['其他'] });
    expect(w1.warnings.map((w) => w.code)).toEqual(['noReason', 'tooYoung']);
    const w2 = await staff.run('ledger.discover.offloadCheck', { caseId: young, direction: '移出', mode: '指令', reasons: ['超六个月未执行'] });
    expect(w2.warnings.map((w) => w.code)).toEqual(['tooYoung', 'clockNotPast']);
    expect(w2.warnings[1].message).toMatch(/六个月期限至 2025-11-03 届满/);
    const incoming = await staff.run('ledger.discover.offloadCheck', { caseId: young, direction: '移入', mode: '指令', reasons: ['其他'] });
    expect(incoming.warnings).toEqual([]);
    // The transfer can still be created.
    const draft = await staff.run('ledger.discover.startDraft', { class: 'zhongben', caseIds: [young] });
    expect(draft.warnings.map((w) => w.code)).toEqual(['noReason', 'tooYoung']);
  });
});

describe('一案双查 (法〔2021〕322号 item 31)', () => {
  const received = async (applicationReceivedOn: string, receivedOn: string) => {
    const caseId = await newCase({ applicationReceivedOn, filedOn: '2025-03-05' });
    const { id } = await staff.run('ledger.edit.createTransfer', { caseId, mode: '指令', direction: '移入', reasons: ['消极执行'], originalCourtCode: '鄂0506' });
    t.app.sqlite.prepare(`UPDATE transfers SET received_on = ?, filed_on = '2025-03-05', state = '办理中' WHERE id = ?`).run(receivedOn, id);
    return { caseId, transferId: id };
  };
  const checks = (caseId: number) =>
    t.app.sqlite.prepare(`SELECT transfer_id AS transferId, kind, status, reason FROM supervisions WHERE case_id = ?`).all(caseId) as { transferId: number; kind: string; status: string; reason: string }[];

  it('raises the flag when a case that stalled at the original court makes substantive progress here, once', async () => {
    const { caseId, transferId } = await received('2024-06-01', '2025-03-01');
    await staff.run('ledger.edit.addProgress', { caseId, onDate: '2025-04-01', measures: ['网络查控'] });
    expect(checks(caseId)).toEqual([]);
    await staff.run('ledger.edit.addProgress', { caseId, onDate: '2025-06-30', measures: ['扣划'], amountFen: 100_000, substantive: true });
    const [c] = checks(caseId);
    expect(c).toMatchObject({ transferId, kind: '一案双查', status: '进行中' });
    expect(c.reason).toMatch(/宜昌市夷陵区人民法院自 2024-06-01 至 2025-03-01 约 9 个月/);
    await staff.run('ledger.edit.addProgress', { caseId, onDate: '2025-07-01', measures: ['查封'], substantive: true });
    expect(checks(caseId)).toHaveLength(1);
    // The check is tracked to its result from the case page.
    const id = (t.app.sqlite.prepare(`SELECT id, raised_on AS raisedOn FROM supervisions WHERE case_id = ?`).get(caseId) as { id: number; raisedOn: string });
    await staff.run('ledger.edit.saveSupervision', { caseId, supervisionId: id.id, transferId, kind: '一案双查', raisedOn: id.raisedOn, result: '原承办人未发现违纪，移送线索已核实', resultOn: '2025-07-02' });
    expect(checks(caseId)[0].status).toBe('已办结');
  });

  it('no flag after a short stall or for a case not received from another court', async () => {
    const { caseId } = await received('2025-01-01', '2025-03-01');
    await staff.run('ledger.edit.addProgress', { caseId, onDate: '2025-06-30', measures: ['扣划'], substantive: true });
    expect(checks(caseId)).toEqual([]);
    const own = await newCase({ applicationReceivedOn: '2024-01-01', filedOn: '2024-01-02', caseNo: '（2024）鄂0505执1号' });
    await staff.run('ledger.edit.addProgress', { caseId: own, onDate: '2025-06-30', measures: ['扣划'], substantive: true });
    expect(checks(own)).toEqual([]);
  });
});
