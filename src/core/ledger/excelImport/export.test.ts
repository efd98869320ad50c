import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testCore, type Caller, type TestCore } from '../../../../test/support/core';
import { ensureYichangCourts } from '../../../../test/support/yichangCourts';
import { bureauLedger } from '../../../../test/support/ledgerWorkbooks';
import { stageBytes } from '../../files/uploads';
import { openDownload } from '../../files/downloads';
import { exportCases } from './exportLedger';

let a: TestCore;
let b: TestCore;
let clerk: Caller;
beforeEach(() => {
  a = testCore({ now: '2025-07-01T02:00:00Z' });
  b = testCore({ now: '2025-07-01T02:00:00Z' });
  for (const t of [a, b]) ensureYichangCourts(t.app);
  clerk = a.as('clerk');
});
afterEach(() => (a.cleanup(), b.cleanup()));

const ids = (t: TestCore) => (t.app.sqlite.prepare('SELECT id FROM cases ORDER BY id').all() as { id: number }[]).map((r) => r.id);
const snapshot = (t: TestCore) =>
  t.app.sqlite
    .prepare(
      `SELECT c.case_no, c.filed_on, c.closed_on, c.amount_due_fen, c.application_received_on,
        (SELECT group_concat(side || ':' || name || ':' || coalesce(id_number, ''), '|') FROM parties p WHERE p.case_id = c.id) AS parties,
        t.mode, t.direction, t.original_court_code, t.receiving_court_code, t.state,
        (SELECT sum(amount_fen) FROM progress_entries p WHERE p.case_id = c.id) AS recovered
       FROM cases c LEFT JOIN transfers t ON t.case_id = c.id ORDER BY c.case_no`,
    )
    .all();

describe('ledger export', () => {
  it('writes a real workbook: frozen header, autofilter, amounts in 元 with 2 decimals, real dates', async () => {
    await clerk.run('ledger.import.commit', { uploadId: (await stageBytes(a.app, clerk.user, 'ledger.import.preview', 'x.xlsx', await bureauLedger())).uploadId });
    const d = await exportCases(a.app, clerk.user, ids(a), '全部');
    expect(d.rows).toBe(3);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(openDownload(a.app, clerk.user, d.token).file) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(String(ws.getCell('A1').value)).toMatch(/交叉执行台账（导出于 2025-07-01；筛选：全部；共 3 件）/);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.autoFilter).toBeTruthy();
    const header = (ws.getRow(2).values as unknown[]).slice(1);
    const col = (h: string) => header.indexOf(h) + 1;
    const row = ws.getRow(3);
    expect(row.getCell(col('案号')).value).toBe('（2025）鄂0505执12号');
    expect(row.getCell(col('执行标的（元）')).value).toBe(125000);
    expect(row.getCell(col('执行标的（元）')).numFmt).toBe('#,##0.00');
    expect(row.getCell(col('立案日期')).value).toEqual(new Date('2025-01-10T00:00:00Z'));
    expect(row.getCell(col('立案日期')).numFmt).toBe('yyyy-mm-dd');
    expect(row.getCell(col('原执行法院')).value).toBe('宜昌市猇亭区人民法院');
    // It prints (issue 13): A4 landscape, one page wide, title and header repeated, print area = the data.
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:2' });
    expect(String(ws.pageSetup.printArea).replace(/\$/g, '')).toBe(`A1:AJ${2 + 3}`);
  });

  it('an export imports into another installation as the same cases', async () => {
    await clerk.run('ledger.import.commit', { uploadId: (await stageBytes(a.app, clerk.user, 'ledger.import.preview', 'x.xlsx', await bureauLedger())).uploadId });
    const d = await exportCases(a.app, clerk.user, ids(a), '');
    const bytes = fs.readFileSync(openDownload(a.app, clerk.user, d.token).file);
    const other = b.as('clerk');
    const r = await other.run('ledger.import.commit', { uploadId: (await stageBytes(b.app, other.user, 'ledger.import.preview', 'export.xlsx', bytes)).uploadId });
    expect(r).toMatchObject({ imported: 3, rejected: 0 });
    expect(snapshot(b)).toEqual(snapshot(a));
  });
});
