import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { testCore, type TestCore, type Caller } from '../../../../test/support/core';
import { ensureYichangCourts } from '../../../../test/support/yichangCourts';
import { badRowsLedger, bureauLedger, generatedLedger } from '../../../../test/support/ledgerWorkbooks';
import { stageBytes } from '../../files/uploads';
import { openDownload } from '../../files/downloads';

let t: TestCore;
let clerk: Caller;
beforeEach(() => {
  t = testCore({ now: '2025-07-01T02:00:00Z' });
  ensureYichangCourts(t.app);
  clerk = t.as('clerk', '李书记员');
  t.as('staff', '张承办');
});
afterEach(() => t.cleanup());

const stage = async (c: Caller, bytes: Buffer, name = '台账.xlsx') => (await stageBytes(t.app, c.user, 'ledger.import.preview', name, bytes)).uploadId;
const count = (table: string) => (t.app.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('preview of a real bureau ledger', () => {
  it('finds the header under the title rows, maps the variant column names and reads every kind of cell', async () => {
    const p = await clerk.run('ledger.import.preview', { uploadId: await stage(clerk, await bureauLedger()) });
    expect(p.headerRows).toEqual([4]);
    const fields = Object.fromEntries(p.columns.map((c) => [c.header, c.field]));
    expect(fields).toMatchObject({ 执行案号: 'caseNo', 申请人: 'applicants', '标的金额（万元）': 'amountDue', 原执行法院: 'originalCourt', 承办法院: 'receivingCourt', 收到申请执行书日期: 'applicationReceivedOn' });
    expect(p.columns.find((c) => c.field === 'amountDue')!.unit).toBe('万元');
    // 3 cases: the merged two-row case counts once; 合计 and 填表人 lines are not cases
    expect(p.counts.total).toBe(3);
    expect(p.rows.map((r) => r.caseNo)).toEqual(['（2025）鄂0505执12号', '（2025）鄂0505执恢3号', '（2024）鄂0502执88号']);
    expect(p.rows[0]!.summary).toMatchObject({ amountDueFen: 12_500_000, mode: '指令', filedOn: '2025-01-10' });
    expect(p.rows[1]!.rows).toEqual([6, 7]);
    expect(p.rows[1]!.summary.debtors).toBe('宜昌某物流有限公司、赵六');
    expect(p.rows[1]!.summary.applicants).toBe('李四、王五');
    expect(p.rows[1]!.summary.amountDueFen).toBe(8_000_000);
    expect(p.counts.error).toBe(0);
    // nothing written by a preview
    expect(count('cases')).toBe(0);
  });

  it('commits the rows in one go with parties, transfer, dates and money as entered', async () => {
    const uploadId = await stage(clerk, await bureauLedger());
    const out = await clerk.run('ledger.import.commit', { uploadId });
    expect(out).toMatchObject({ imported: 3, duplicates: 0, rejected: 0, report: null });
    const c = t.app.sqlite.prepare(`SELECT * FROM cases WHERE case_no = '（2025）鄂0505执恢3号'`).get() as Record<string, unknown>;
    expect(c).toMatchObject({ filed_on: '2025-02-03', application_received_on: '2025-01-28', closed_on: '2025-05-06', amount_due_fen: 8_000_000, source: 'import', type_code: '执恢', seq: 3 });
    const parties = t.app.sqlite.prepare('SELECT side, kind, name, id_number FROM parties WHERE case_id = ? ORDER BY id').all(c.id) as Record<string, unknown>[];
    expect(parties.map((p) => `${p.side}:${p.name}:${p.kind}`)).toEqual([
      '申请执行人:李四:自然人', '申请执行人:王五:自然人', '被执行人:宜昌某物流有限公司:法人或其他组织', '被执行人:赵六:自然人',
    ]);
    const tr = t.app.sqlite.prepare('SELECT * FROM transfers WHERE case_id = ?').get(c.id) as Record<string, unknown>;
    expect(tr).toMatchObject({ mode: '提级', direction: '移出', original_court_code: '鄂0505', receiving_court_code: '鄂05', state: '已结案' });
    const incoming = t.app.sqlite.prepare(`SELECT t.* FROM transfers t JOIN cases c ON c.id = t.case_id WHERE c.case_no = '（2024）鄂0502执88号'`).get() as Record<string, unknown>;
    expect(incoming).toMatchObject({ direction: '移入', original_court_code: '鄂0502', receiving_court_code: '鄂0505', new_case_no: '（2024）鄂0502执88号' });
    const first = t.app.sqlite.prepare(`SELECT c.handler_id, p.amount_fen FROM cases c JOIN progress_entries p ON p.case_id = c.id WHERE c.case_no = '（2025）鄂0505执12号'`).get() as Record<string, unknown>;
    expect(first.amount_fen).toBe(3_000_000);
    expect(first.handler_id).toBeTypeOf('number');
    expect(count('transfer_events')).toBe(3);
    const audit = t.app.sqlite.prepare(`SELECT summary FROM audit_log WHERE call = 'ledger.import.commit'`).get() as { summary: string };
    expect(audit.summary).toContain('新增 3 件');
  });

  it('importing the same file again adds nothing, however its dates were typed', async () => {
    await clerk.run('ledger.import.commit', { uploadId: await stage(clerk, await bureauLedger()) });
    const before = ['cases', 'parties', 'transfers', 'progress_entries'].map(count);
    const again = await clerk.run('ledger.import.commit', { uploadId: await stage(clerk, await bureauLedger()) });
    expect(again).toMatchObject({ imported: 0, duplicates: 3, rejected: 0 });
    expect(['cases', 'parties', 'transfers', 'progress_entries'].map(count)).toEqual(before);
    const preview = await clerk.run('ledger.import.preview', { uploadId: await stage(clerk, await bureauLedger()) });
    expect(preview.rows.every((r) => r.status === 'duplicate')).toBe(true);
  });
});

describe('bad rows', () => {
  it('names the column and the problem in Chinese for every bad row, and imports only the good one', async () => {
    const uploadId = await stage(clerk, await badRowsLedger());
    const p = await clerk.run('ledger.import.preview', { uploadId });
    const byRow = Object.fromEntries(p.rows.map((r) => [r.rows[0], r]));
    const msg = (row: number) => byRow[row]!.problems.filter((x) => x.level === 'error').map((x) => x.message).join(' | ');
    expect(byRow[2]!.status).toBe('ok');
    expect(msg(3)).toMatch(/「案号」（A 列）应为案号/);
    expect(msg(4)).toMatch(/「证件号码」（D 列）.*校验位或出生日期不正确/);
    expect(msg(5)).toMatch(/「立案日期」（F 列）.*2025年2月30日.*不是真实存在的日期/);
    expect(msg(6)).toMatch(/「结案日期」（G 列）结案日期 2025-03-01 早于立案日期 2025-03-04/);
    expect(msg(7)).toMatch(/「执行标的」（E 列）不能为负数/);
    expect(msg(8)).toMatch(/「执行标的」（E 列）应为金额数字.*十万/);
    expect(msg(9)).toMatch(/「承办法院」（K 列）未知的法院「火星区法院」/);
    expect(msg(10)).toMatch(/「案号」与第 2 行相同/);
    expect(msg(11)).toMatch(/统一社会信用代码.*校验位不正确/);
    expect(p.counts).toMatchObject({ total: 10, ok: 1, error: 9 });

    const out = await clerk.run('ledger.import.commit', { uploadId });
    expect(out).toMatchObject({ imported: 1, rejected: 9 });
    expect(count('cases')).toBe(1);
    // the report lists each rejected row with its reason, in the file's own columns
    const file = openDownload(t.app, clerk.user, out.report!.token);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(file.file) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(2).values).toEqual([undefined, '原行号', '案号', '申请执行人', '被执行人', '证件号码', '执行标的', '立案日期', '结案日期', '结案方式', '交叉方式', '原执行法院', '承办法院', '未导入原因']);
    expect(ws.rowCount).toBe(2 + 9);
    expect(String(ws.getRow(3).getCell(1).value)).toBe('3');
    expect(String(ws.getRow(3).getCell(13).value)).toMatch(/应为案号/);
    expect(path.extname(file.name)).toBe('.xlsx');
  });

  it('a corrected report imports as it is', async () => {
    const out = await clerk.run('ledger.import.commit', { uploadId: await stage(clerk, await badRowsLedger()) });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(openDownload(t.app, clerk.user, out.report!.token).file) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    ws.getCell('B3').value = '（2025）鄂0505执2号'; // fix the 案号 of original row 3
    const fixed = Buffer.from(await wb.xlsx.writeBuffer());
    const p = await clerk.run('ledger.import.preview', { uploadId: await stage(clerk, fixed) });
    expect(p.rows.find((r) => r.rows[0] === 3)!.status).toBe('ok');
    expect(p.unknownHeaders).toEqual([]);
  });

  it('refuses a file that is not an .xlsx workbook, and one without a ledger header', async () => {
    const r1 = await clerk.call('ledger.import.preview', { uploadId: await stage(clerk, Buffer.from('案号,申请人\n')) });
    expect(r1.ok === false && r1.error.message).toMatch(/不是 Excel 工作簿/);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('x').addRow(['姓名', '电话']);
    const r2 = await clerk.call('ledger.import.preview', { uploadId: await stage(clerk, Buffer.from(await wb.xlsx.writeBuffer())) });
    expect(r2.ok === false && r2.error.message).toMatch(/找不到台账表头/);
  });

  it('another user cannot use my upload, and a leader may not import at all', async () => {
    const uploadId = await stage(clerk, await bureauLedger());
    const other = t.as('clerk');
    const r = await other.call('ledger.import.commit', { uploadId });
    expect(r.ok === false && r.error.code).toBe('NOT_FOUND');
    const leader = t.as('leader');
    const r2 = await leader.call('ledger.import.preview', { uploadId });
    expect(r2.ok === false && r2.error.code).toBe('FORBIDDEN');
    expect(count('cases')).toBe(0);
  });
});

describe('size', () => {
  it('imports 500 generated rows and skips all of them the second time', async () => {
    const bytes = await generatedLedger(500);
    const out = await clerk.run('ledger.import.commit', { uploadId: await stage(clerk, bytes) });
    expect(out).toMatchObject({ imported: 500, rejected: 0 });
    const again = await clerk.run('ledger.import.commit', { uploadId: await stage(clerk, bytes) });
    expect(again).toMatchObject({ imported: 0, duplicates: 500 });
    expect(count('cases')).toBe(500);
  });
});

describe('imported progress and 一案双查', () => {
  /** Two cases received from 西陵 (移入): each stalled there from the application (2024-11-01) until it arrived here on 2025-06-10. */
  async function incomingLedger(flags: [string, string][]): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.addRow(['案号', '申请执行人', '被执行人', '交叉方式', '方向', '原执行法院', '承办法院', '收到申请执行书日期', '收到卷宗日期', '是否取得实质进展', '是否化解', '进展情况']);
    flags.forEach(([substantive, resolved], i) =>
      ws.addRow([`（2024）鄂0502执${90 + i}号`, '钱七', '孙八', '指令', '移入', '西陵区法院', '猇亭', '2024-11-01', '2025-06-10', substantive, resolved, '查封房产一处']),
    );
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it('stores the 实质进展 / 化解 columns on the progress entry and raises 一案双查 as typed-in progress would', async () => {
    const out = await clerk.run('ledger.import.commit', { uploadId: await stage(clerk, await incomingLedger([['是', '否'], ['否', '否']])) });
    expect(out).toMatchObject({ imported: 2, rejected: 0, doubleChecks: 1 });
    const rows = t.app.sqlite
      .prepare(`SELECT c.case_no AS caseNo, p.substantive, p.resolved, (SELECT count(*) FROM supervisions s WHERE s.case_id = c.id AND s.kind = '一案双查') AS checks
                FROM cases c JOIN progress_entries p ON p.case_id = c.id ORDER BY c.id`)
      .all();
    expect(rows).toEqual([
      { caseNo: '（2024）鄂0502执90号', substantive: 1, resolved: 0, checks: 1 },
      { caseNo: '（2024）鄂0502执91号', substantive: 0, resolved: 0, checks: 0 },
    ]);
    const reason = (t.app.sqlite.prepare(`SELECT reason FROM supervisions WHERE kind = '一案双查'`).get() as { reason: string }).reason;
    expect(reason).toContain('2024-11-01 至 2025-06-10');
  });

  it('re-importing the same ledger adds nothing and raises nothing', async () => {
    await clerk.run('ledger.import.commit', { uploadId: await stage(clerk, await bureauLedger()) });
    const again = await clerk.run('ledger.import.commit', { uploadId: await stage(clerk, await bureauLedger()) });
    expect(again).toMatchObject({ imported: 0, duplicates: 3, doubleChecks: 0 });
  });
});


describe('案号 in an imported ledger (issue 11 item 7)', () => {
  const sheet = async (rows: (string | null)[][]) => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.addRow(['案号', '申请执行人', '被执行人', '立案日期', '结案日期', '结案方式']);
    for (const r of rows) ws.addRow(r);
    return Buffer.from(await wb.xlsx.writeBuffer());
  };

  it('imports an old 终本 case under its legacy number and refuses the same number spelt with leading zeros', async () => {
    t.app.sqlite
      .prepare(`INSERT INTO cases (case_no, year, court_code, type_code, seq, created_at, updated_at) VALUES ('（2025）鄂0505执170号', 2025, '鄂0505', '执', 170, 'x', 'x')`)
      .run();
    const uploadId = await stage(
      clerk,
      await sheet([
        ['（2015）鄂猇亭执字第00123号', '甲某', '乙公司', '2015-03-02', '2015-11-20', '终本'],
        ['（2025）鄂0505执0170号', '丙某', '丁某', '2025-02-01', null, null],
        ['（2014）宜猇执字第45号', '戊某', '己某', '2015-01-05', null, null],
        ['（2014）京朝执字第5号', '庚某', '辛某', null, null, null],
        ['（2025）鄂0505执请3号', '壬某', '癸某', '2025-03-01', null, null],
      ]),
    );
    const p = await clerk.run('ledger.import.preview', { uploadId });
    const row = (n: number) => p.rows.find((r) => r.rows[0] === n)!;
    const text = (n: number, level: string) => row(n).problems.filter((x) => x.level === level).map((x) => x.message).join(' | ');
    expect(row(2).status).toBe('ok');
    expect(text(3, 'error')).toContain('（2025）鄂0505执170号 已在台账中');
    // Year 2014 filed in 2015: imported, with a warning naming both.
    expect(row(4).status).toBe('warning');
    expect(text(4, 'warning')).toContain('立案日期（2015-01-05）与案号年度（2014）不一致');
    expect(text(5, 'error')).toContain('法院简称「京朝」不在法院名录中');
    expect(text(6, 'warning')).toContain('执请');
    const out = await clerk.run('ledger.import.commit', { uploadId });
    expect(out).toMatchObject({ imported: 3, rejected: 2 });
    expect(t.app.sqlite.prepare(`SELECT case_no, court_code, closure_type FROM cases WHERE year < 2016 ORDER BY case_no`).all()).toEqual([
      { case_no: '（2014）宜猇执字第45号', court_code: '鄂0505', closure_type: null },
      { case_no: '（2015）鄂猇亭执字第00123号', court_code: '鄂0505', closure_type: '终结本次执行程序' },
    ]);
  });
});
