import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testCore, type Caller, type TestCore } from '../../../../test/support/core';
import { ensureYichangCourts } from '../../../../test/support/yichangCourts';
import { creditCode, idNumber, wrongCheck } from '../../../../test/support/ledgerWorkbooks';

let t: TestCore;
let staff: Caller;
beforeEach(() => {
  t = testCore({ now: '2025-07-01T02:00:00Z' });
  ensureYichangCourts(t.app);
  staff = t.as('staff', '张承办');
});
afterEach(() => t.cleanup());
const count = (table: string) => (t.app.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const newCase = (over: Record<string, unknown> = {}) =>
  staff.run('ledger.edit.saveCase', { caseNo: '(2025)鄂0505执100号', filedOn: '2025-01-10', applicationReceivedOn: '2025-01-06', amountDueFen: 1_234_56, ...over });

describe('cases and parties', () => {
  it('stores the 案号 normalised and refuses a second case with it', async () => {
    const { id } = await newCase();
    const row = t.app.sqlite.prepare('SELECT case_no, year, court_code, type_code, seq FROM cases WHERE id = ?').get(id);
    expect(row).toEqual({ case_no: '（2025）鄂0505执100号', year: 2025, court_code: '鄂0505', type_code: '执', seq: 100 });
    const again = await staff.call('ledger.edit.saveCase', { caseNo: '（2025）鄂0505执100号' });
    expect(again.ok === false && again.error).toMatchObject({ code: 'CONFLICT', message: '「案号」（2025）鄂0505执100号 已在台账中' });
  });

  it('bad input is refused in Chinese, naming the field, and nothing is written', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ caseNo: '鄂0505执100号' }, /「案号」应为案号/],
      [{ caseNo: '（2015）鄂0505执字第1号' }, /「案号」旧式案号应为如（2015）鄂猇亭执字第123号（法院简称为汉字）/],
      [{ caseNo: '（2017）鄂猇亭执字第1号' }, /「案号」2016 年起案号不再使用“字第”/],
      [{ caseNo: '（2025）鄂0599执1号' }, /法院代字.*鄂0599 不在法院名录中/],
      [{ filedOn: '2025-02-30' }, /「立案日期」/],
      [{ filedOn: '2025-01-01', applicationReceivedOn: '2025-01-06' }, /「立案日期」不能早于收到申请执行书日期/],
      [{ closedOn: '2025-03-01' }, /「结案方式」请选择结案方式/],
      [{ filedOn: '2025-08-01' }, /「立案日期」2025-08-01 晚于今天/],
      [{ amountDueFen: -1 }, /「执行标的」不能为负数/],
    ];
    for (const [over, msg] of cases) {
      const r = await staff.call('ledger.edit.saveCase', { caseNo: '（2025）鄂0505执100号', ...over } as never);
      expect(r.ok === false && r.error.message, JSON.stringify(over)).toMatch(msg);
    }
    expect(count('cases')).toBe(0);
  });

  it('checks party IDs against the kind of party', async () => {
    const { id: caseId } = await newCase();
    await staff.run('ledger.edit.saveParty', { caseId, side: '申请执行人', kind: '自然人', name: '张三', idNumber: idNumber(5).toLowerCase() });
    await staff.run('ledger.edit.saveParty', { caseId, side: '被执行人', kind: '法人或其他组织', name: '某公司', idNumber: creditCode(5), isSmb: true });
    const bad = await staff.call('ledger.edit.saveParty', { caseId, side: '被执行人', kind: '自然人', name: '李四', idNumber: wrongCheck(idNumber(6)) });
    expect(bad.ok === false && bad.error.message).toMatch(/「身份证号或统一社会信用代码」身份证号校验位或出生日期不正确/);
    const wrongKind = await staff.call('ledger.edit.saveParty', { caseId, side: '被执行人', kind: '法人或其他组织', name: '某厂', idNumber: idNumber(7) });
    expect(wrongKind.ok === false && wrongKind.error.message).toMatch(/统一社会信用代码/);
    const dup = await staff.call('ledger.edit.saveParty', { caseId, side: '申请执行人', kind: '自然人', name: '张三' });
    expect(dup.ok === false && dup.error.code).toBe('CONFLICT');
    expect(t.app.sqlite.prepare('SELECT name, id_number AS idNumber, is_smb AS smb FROM parties ORDER BY id').all()).toEqual([
      { name: '张三', idNumber: idNumber(5), smb: 0 },
      { name: '某公司', idNumber: creditCode(5), smb: 1 },
    ]);
  });
});

describe('transfers', () => {
  it('a transfer out starts as a draft; one received starts decided and walks its states with events', async () => {
    const { id: caseId } = await newCase();
    const out = await staff.run('ledger.edit.createTransfer', { caseId, mode: '指令', direction: '移出', reasons: ['消极执行'], receivingCourtCode: '鄂0506' });
    expect(t.app.sqlite.prepare('SELECT state, original_court_code AS o, original_case_no AS no FROM transfers WHERE id = ?').get(out.id)).toEqual({
      state: '草稿', o: '鄂0505', no: '（2025）鄂0505执100号',
    });
    const blocked = await staff.call('ledger.edit.transferState', { transferId: out.id, toState: '已移送', effectiveOn: '2025-06-01', version: 1 });
    expect(blocked.ok === false && blocked.error.message).toMatch(/当前为「草稿」，不能变更为「已移送」（可变更为：已退出）/);

    const { id: c2 } = await newCase({ caseNo: '（2025）鄂0505执101号' });
    const inn = await staff.run('ledger.edit.createTransfer', { caseId: c2, mode: '指令', direction: '移入', reasons: ['关联案件'], originalCourtCode: '鄂0502', decidingCourtCode: '鄂05', decisionOn: '2025-05-01' });
    let version = 1;
    for (const [toState, on] of [['已移送', '2025-05-05'], ['已立案', '2025-05-08'], ['办理中', '2025-05-09'], ['已化解', '2025-06-20']] as const) {
      // 已决定 → 已移送 is allowed; every later step only from the one before
      await staff.run('ledger.edit.transferState', { transferId: inn.id, toState, effectiveOn: on, version: version++, newCaseNo: toState === '已立案' ? '（2025）鄂0505执101号' : undefined });
    }
    const row = t.app.sqlite.prepare('SELECT state, handed_over_on AS h, filed_on AS f, closed_on AS c, version FROM transfers WHERE id = ?').get(inn.id);
    expect(row).toEqual({ state: '已化解', h: '2025-05-05', f: '2025-05-08', c: '2025-06-20', version: 5 });
    const events = t.app.sqlite.prepare('SELECT kind, from_state AS f, to_state AS t FROM transfer_events WHERE transfer_id = ? ORDER BY id').all(inn.id);
    expect(events.map((e) => Object.values(e as object).join(':'))).toEqual(['created::已决定', 'state:已决定:已移送', 'state:已移送:已立案', 'state:已立案:办理中', 'state:办理中:已化解']);
    const stale = await staff.call('ledger.edit.transferState', { transferId: inn.id, toState: '已结案', effectiveOn: '2025-06-21', version: 2 });
    expect(stale.ok === false && stale.error.code).toBe('CONFLICT');
    const exit = await staff.call('ledger.edit.transferState', { transferId: inn.id, toState: '已退出', effectiveOn: '2025-06-21', version: 5 });
    expect(exit.ok === false && exit.error.message).toMatch(/「原因」退出须写明原因/);
  });

  it('refuses an unknown court and a transfer out to ourselves', async () => {
    const { id: caseId } = await newCase();
    const r = await staff.call('ledger.edit.createTransfer', { caseId, mode: '指令', direction: '移出', reasons: ['消极执行'], receivingCourtCode: '鄂0599' });
    expect(r.ok === false && r.error.message).toMatch(/「承办法院」鄂0599 不在法院名录中/);
    const self = await staff.call('ledger.edit.createTransfer', { caseId, mode: '指令', direction: '移出', reasons: ['消极执行'], receivingCourtCode: '鄂0505' });
    expect(self.ok === false && self.error.message).toMatch(/承办法院不能是本院/);
    const other = await staff.call('ledger.edit.createTransfer', { caseId, mode: '指令', direction: '移出', reasons: ['其他'], receivingCourtCode: '鄂0506' });
    expect(other.ok === false && other.error.message).toMatch(/「其他原因」/);
    expect(count('transfers')).toBe(0);
  });
});

describe('progress, deductions, supervision', () => {
  it('records progress with money, voids it with a reason, and the table sums only valid entries', async () => {
    const { id: caseId } = await newCase();
    const p1 = await staff.run('ledger.edit.addProgress', { caseId, onDate: '2025-06-01', measures: ['冻结', '扣划'], amountFen: 50_000_00, substantive: true });
    await staff.run('ledger.edit.addProgress', { caseId, onDate: '2025-06-10', measures: ['网络查控'], amountFen: 1_00 });
    await staff.run('ledger.edit.voidProgress', { progressId: p1.id, reason: '重复录入' });
    const row = (await staff.run('ledger.table', { q: '执100号' })).rows[0]!;
    expect(row.recoveredFen).toBe(100);
    const empty = await staff.call('ledger.edit.addProgress', { caseId, onDate: '2025-06-10', measures: [] });
    expect(empty.ok === false && empty.error.message).toMatch(/「采取的措施」/);
    const again = await staff.call('ledger.edit.voidProgress', { progressId: p1.id, reason: '再次作废' });
    expect(again.ok === false && again.error.code).toBe('INVALID_STATE');
  });

  it('records overlapping deductible intervals and a known future end (公告期); refuses a twin and an end before the start (解释13)', async () => {
    const { id: caseId } = await newCase();
    await staff.run('ledger.edit.saveDeduction', { caseId, kind: '公告', startOn: '2025-02-01', endOn: '2025-03-01' });
    // Overlap: the clock deducts the union (sixMonthClock.ts), so both are kept as recorded.
    await staff.run('ledger.edit.saveDeduction', { caseId, kind: '鉴定评估', startOn: '2025-02-20', endOn: '2025-04-01' });
    // A 公告 published today runs to a fixed day ahead: the end may be entered now.
    await staff.run('ledger.edit.saveDeduction', { caseId, kind: '公告', startOn: '2025-06-20', endOn: '2025-08-20' });
    const twin = await staff.call('ledger.edit.saveDeduction', { caseId, kind: '公告', startOn: '2025-02-01', endOn: '2025-02-10' });
    expect(twin.ok === false && twin.error.message).toMatch(/「开始日期」2025-02-01 起的公告期间已登记/);
    const futureStart = await staff.call('ledger.edit.saveDeduction', { caseId, kind: '中止', startOn: '2099-01-01' });
    expect(futureStart.ok === false && futureStart.error.message).toMatch(/「开始日期」2099-01-01 晚于今天/);
    const backwards = await staff.call('ledger.edit.saveDeduction', { caseId, kind: '中止', startOn: '2025-05-01', endOn: '2025-04-01' });
    expect(backwards.ok === false && backwards.error.message).toMatch(/「结束日期」不能早于开始日期/);
    expect(count('deductions')).toBe(3);
  });

  it('raises 一案双查 and closes it with a result', async () => {
    const { id: caseId } = await newCase();
    const s = await staff.run('ledger.edit.saveSupervision', { caseId, kind: '一案双查', raisedOn: '2025-06-01', reason: '移入后两周即查控到位，原法院长期未执行' });
    const noResult = await staff.call('ledger.edit.saveSupervision', { caseId, supervisionId: s.id, kind: '一案双查', raisedOn: '2025-06-01', resultOn: '2025-06-20' });
    expect(noResult.ok === false && noResult.error.message).toMatch(/「办理结果」/);
    await staff.run('ledger.edit.saveSupervision', { caseId, supervisionId: s.id, kind: '一案双查', raisedOn: '2025-06-01', result: '未发现违纪', resultOn: '2025-06-20' });
    expect(t.app.sqlite.prepare('SELECT status FROM supervisions').get()).toEqual({ status: '已办结' });
    const v = await staff.run('ledger.caseView', { caseId });
    expect(v.supervisions[0]).toMatchObject({ kind: '一案双查', status: '已办结', result: '未发现违纪' });
  });
});
