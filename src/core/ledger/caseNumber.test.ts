import { afterEach, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../../../test/support/core';
import { caseNoWarnings, checkCaseNo } from '../../contract/caseNumber';
import { duplicateOf } from './caseNumber';

/**
 * 案号 (issue 11 item 7; 法〔2015〕137号, domain brief §3): old numbers of old 终本/恢复 cases, leading
 * zeros, impossible years, 执请, the year against 立案日期, and uniqueness on the normalised number —
 * through the contract (the form's and the CLI's path) on a real SQLite file.
 */
let t: TestCore | undefined;
afterEach(() => t?.cleanup());

const ok = (raw: string, year = 2026) => {
  const r = checkCaseNo(raw, year);
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};
const reason = (raw: string, year = 2026) => {
  const r = checkCaseNo(raw, year);
  return r.ok ? null : r.reason;
};

describe('the 案号 rule', () => {
  it('accepts real pre-2016 numbers with a Chinese court abbreviation, 字 and 第, kept as written', () => {
    expect(ok('（2015）鄂猇亭执字第00123号')).toMatchObject({
      caseNo: '（2015）鄂猇亭执字第00123号', key: '（2015）鄂猇亭执字第123号', year: 2015, courtCode: null, legacyCourt: '鄂猇亭', typeCode: '执', seq: 123, legacy: true,
    });
    expect(ok('(2014)宜猇执字第123号')).toMatchObject({ caseNo: '（2014）宜猇执字第123号', legacyCourt: '宜猇', typeCode: '执', seq: 123 });
    expect(ok('（2013）鄂宜昌中执恢字第7号')).toMatchObject({ legacyCourt: '鄂宜昌中', typeCode: '执恢' });
  });

  it('treats 执0170号 and 执170号 as one number: stored without the zero, with a note', () => {
    const v = ok('（2025）鄂0505执0170号');
    expect(v.caseNo).toBe('（2025）鄂0505执170号');
    expect(v.key).toBe(ok('（2025）鄂0505执170号').key);
    expect(v.warnings.join()).toContain('编号前的 0');
    expect(ok('（2025）鄂0505执170号').warnings).toEqual([]);
  });

  it('refuses years after this year, 2016-style numbers before 2016 and 字第 after 2015', () => {
    expect(reason('（2027）鄂0505执1号', 2026)).toBe('案号年度 2027 晚于今年（2026），请核对');
    expect(reason('（2026）鄂0505执1号', 2026)).toBeNull();
    expect(reason('（2015）鄂0505执1号')).toContain('应为旧式');
    expect(reason('（2016）鄂猇亭执字第1号')).toContain('2016 年起案号不再使用“字第”');
    expect(reason('（2015）鄂0505执字第1号')).toContain('法院简称为汉字');
    expect(reason('（2025）鄂0505执0号')).toBe('案件编号应从 1 开始');
  });

  it('accepts 执请 with a soft warning (the type code is unverified after 2016)', () => {
    expect(ok('（2025）鄂0505执请3号').warnings.join()).toContain('未核实');
    expect(ok('（2014）鄂猇亭执请字第3号').warnings.join()).toContain('执请');
  });

  it('warns, never refuses, when the 案号 year and 立案日期 disagree', () => {
    expect(caseNoWarnings('（2024）鄂0505执5号', '2025-01-03', 2026)).toEqual(['立案日期（2025-01-03）与案号年度（2024）不一致，请核对']);
    expect(caseNoWarnings('（2025）鄂0505执5号', '2025-01-03', 2026)).toEqual([]);
  });
});

describe('saving cases by 案号', () => {
  it('saves an old 终本 case under its legacy number, with the court from the directory’s 旧式简称', async () => {
    t = testCore({ now: '2026-03-02T02:00:00Z' });
    const staff = t.as('staff');
    const { id } = await staff.run('ledger.edit.saveCase', { caseNo: '（2015）鄂猇亭执字第00123号', filedOn: '2015-04-01', closedOn: '2015-12-01', closureType: '终结本次执行程序', zhongbenBasis: '申请执行人签字确认' });
    expect(t.app.sqlite.prepare('SELECT case_no, court_code, year, type_code, seq, case_no_key FROM cases WHERE id = ?').get(id)).toEqual({
      case_no: '（2015）鄂猇亭执字第00123号', court_code: '鄂0505', year: 2015, type_code: '执', seq: 123, case_no_key: '（2015）鄂猇亭执字第123号',
    });
    // The same number without the padding is the same case.
    const again = await staff.call('ledger.edit.saveCase', { caseNo: '（2015）鄂猇亭执字第123号' });
    expect(again.ok || again.error).toMatchObject({ code: 'CONFLICT', field: 'caseNo' });
    expect(!again.ok && again.error.message).toContain('「案号」');
    // An abbreviation no court registered is refused, naming the field and what to do.
    const unknown = await staff.call('ledger.edit.saveCase', { caseNo: '（2014）京朝执字第5号' });
    expect(!unknown.ok && unknown.error).toMatchObject({ code: 'INVALID_INPUT', field: 'caseNo' });
    expect(!unknown.ok && unknown.error.message).toBe('「案号」旧式案号中的法院简称「京朝」不在法院名录中：请管理员在 设置 → 法院 中为该法院登记旧式简称');
  });

  it('refuses 执170号 when 执0170号 is in the ledger, and a year after the app’s current year', async () => {
    t = testCore({ now: '2025-06-02T02:00:00Z' });
    const staff = t.as('staff');
    // An old database may hold the zero-padded spelling (written before this rule); the key still matches.
    t.app.sqlite
      .prepare(`INSERT INTO cases (case_no, year, court_code, type_code, seq, created_at, updated_at) VALUES ('（2025）鄂0505执0170号', 2025, '鄂0505', '执', 170, '2025-01-01', '2025-01-01')`)
      .run();
    const r = await staff.call('ledger.edit.saveCase', { caseNo: '（2025）鄂0505执170号' });
    expect(!r.ok && r.error.message).toBe('「案号」（2025）鄂0505执170号 已在台账中（台账中写作 （2025）鄂0505执0170号，编号前的 0 不计）');
    // 2026 passes the contract (the real clock) but not the core, whose clock says 2025.
    const future = await staff.call('ledger.edit.saveCase', { caseNo: '（2026）鄂0505执1号' });
    expect(!future.ok && future.error.message).toBe('「案号」案号年度 2026 晚于今年（2025），请核对');
    expect(t.app.sqlite.prepare('SELECT count(*) AS n FROM cases').get()).toEqual({ n: 1 });
  });

  it('stores the other court’s and the new 案号 of a transfer in official form', async () => {
    t = testCore({ now: '2026-03-02T02:00:00Z' });
    const staff = t.as('staff');
    const { id: caseId } = await staff.run('ledger.edit.saveCase', { caseNo: '（2026）鄂0505执9号' });
    await staff.run('ledger.edit.createTransfer', {
      caseId, mode: '指令', direction: '移入', reasons: ['消极执行'], originalCourtCode: '鄂0506', originalCaseNo: '(2014)鄂夷陵执字第00077号', newCaseNo: '（2026）鄂0505执009号',
    } as never);
    expect(t.app.sqlite.prepare('SELECT original_case_no AS o, new_case_no AS n FROM transfers').get()).toEqual({ o: '（2014）鄂夷陵执字第00077号', n: '（2026）鄂0505执9号' });
  });
});

describe('migrating an old database with both spellings of one number', () => {
  it('keeps both cases, marks the later one, shows it, blocks new duplicates, and clears the mark when renumbered', async () => {
    t = testCore({ now: '2025-06-02T02:00:00Z' });
    const dir = t.dir;
    // Roll the database back to before ledger/0002 and write what an old version allowed.
    t.app.sqlite.exec(`
      DROP INDEX cases_case_no_key_unique; DROP INDEX cases_case_no_key;
      ALTER TABLE cases DROP COLUMN case_no_dup_of; ALTER TABLE cases DROP COLUMN case_no_key;
      DELETE FROM schema_migrations WHERE id = 'ledger/0002_case_no_key';
      INSERT INTO cases (case_no, year, court_code, type_code, seq, cause, created_at, updated_at) VALUES
        ('（2025）鄂0505执0170号', 2025, '鄂0505', '执', 170, '借款合同纠纷', '2025-01-01', '2025-01-01'),
        ('（2025）鄂0505执170号', 2025, '鄂0505', '执', 170, '买卖合同纠纷', '2025-02-01', '2025-02-01'),
        ('（2025）鄂0505执171号', 2025, '鄂0505', '执', 171, NULL, '2025-02-01', '2025-02-01');`);
    t.app.close();
    t = testCore({ dir, now: '2025-06-02T02:00:00Z' });
    const rows = t.app.sqlite.prepare('SELECT id, case_no AS caseNo, cause, case_no_dup_of AS dupOf FROM cases ORDER BY id').all() as { id: number; caseNo: string; cause: string | null; dupOf: number | null }[];
    expect(rows.map((r) => [r.caseNo, r.cause, r.dupOf])).toEqual([
      ['（2025）鄂0505执0170号', '借款合同纠纷', null],
      ['（2025）鄂0505执170号', '买卖合同纠纷', rows[0]!.id],
      ['（2025）鄂0505执171号', null, null],
    ]);
    const [first, second] = rows;
    expect(duplicateOf(t.app, second!.id)).toEqual({ id: first!.id, caseNo: '（2025）鄂0505执0170号' });
    // The chief: these old rows have no handler, and only the chief may edit another's case.
    const staff = t.as('chief');
    // The case page says so.
    const view = await staff.run('ledger.caseView', { caseId: second!.id });
    expect(view.case.duplicateOf).toEqual({ id: first!.id, caseNo: '（2025）鄂0505执0170号' });
    // No third spelling can be added, by any writer (the unique index holds for unmarked rows).
    expect(() => t!.app.sqlite.prepare(`INSERT INTO cases (case_no, year, court_code, type_code, seq, created_at, updated_at) VALUES ('（2025）鄂0505执00170号', 2025, '鄂0505', '执', 170, 'x', 'x')`).run()).toThrow(/UNIQUE/);
    // The marked case can still be edited under its number, and keeps the mark.
    await staff.run('ledger.edit.saveCase', { caseId: second!.id, caseNo: '（2025）鄂0505执170号', cause: '买卖合同纠纷（已核对）' });
    expect(duplicateOf(t.app, second!.id)).not.toBeNull();
    // Taking a number held by a third case is refused; a free number clears the mark.
    expect((await staff.call('ledger.edit.saveCase', { caseId: second!.id, caseNo: '（2025）鄂0505执171号' })).ok).toBe(false);
    await staff.run('ledger.edit.saveCase', { caseId: second!.id, caseNo: '（2025）鄂0505执172号' });
    expect(duplicateOf(t.app, second!.id)).toBeNull();
  });
});
