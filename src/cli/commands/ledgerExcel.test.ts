import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../../../test/support/core';
import { ensureYichangCourts } from '../../../test/support/yichangCourts';
import { badRowsLedger, bureauLedger } from '../../../test/support/ledgerWorkbooks';

const root = path.resolve(import.meta.dirname, '../../..');
let t: TestCore;
const cli = (...args: string[]) =>
  spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'src/cli/main.ts', '--data', t.dir, ...args], { cwd: root, encoding: 'utf8' });
const cases = () => (t.app.sqlite.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n;

beforeAll(async () => {
  t = testCore();
  ensureYichangCourts(t.app);
  fs.writeFileSync(path.join(t.dir, 'good.xlsx'), await bureauLedger());
  fs.writeFileSync(path.join(t.dir, 'bad.xlsx'), await badRowsLedger());
});
afterAll(() => t.cleanup());

describe('xdesk import-ledger / export-ledger', () => {
  it('--dry-run --json previews without writing and exits 2 when rows are bad', () => {
    const r = cli('import-ledger', path.join(t.dir, 'bad.xlsx'), '--dry-run', '--json');
    expect(r.status).toBe(2);
    const p = JSON.parse(r.stdout);
    expect(p.counts).toMatchObject({ total: 10, error: 9 });
    expect(cases()).toBe(0);
  });

  it('imports, writes the rejected rows next to the file, and adds nothing the second time', () => {
    const r = cli('import-ledger', path.join(t.dir, 'good.xlsx'));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('已导入 3 件');
    expect(cases()).toBe(3);
    const again = cli('import-ledger', path.join(t.dir, 'good.xlsx'), '--json');
    expect(JSON.parse(again.stdout)).toMatchObject({ imported: 0, duplicates: 3 });
    const bad = cli('import-ledger', path.join(t.dir, 'bad.xlsx'));
    expect(bad.status).toBe(2);
    expect(fs.existsSync(path.join(t.dir, 'bad-未导入的行.xlsx'))).toBe(true);
    expect(cases()).toBe(4);
  });

  it('--dry-run leaves no copy of the workbook in the uploads folder', () => {
    const dir = path.join(t.dir, 'tmp', 'uploads');
    const before = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => !f.endsWith('.part')) : [];
    const r = cli('import-ledger', path.join(t.dir, 'good.xlsx'), '--dry-run');
    expect(r.stdout).toContain('（预览，未写入）');
    expect(fs.readdirSync(dir).filter((f) => !f.endsWith('.part'))).toEqual(before);
  });

  it('export-ledger writes the ledger as .xlsx, filtered as asked, and refuses a bad filter in Chinese', async () => {
    const all = cli('export-ledger', path.join(t.dir, 'out', '全部.xlsx'), '--json');
    expect(all.status).toBe(0);
    const allRows = JSON.parse(all.stdout).rows as number;
    expect(allRows).toBe(cases());
    const filtered = cli('export-ledger', path.join(t.dir, 'out', '提级.xlsx'), '--mode', '提级');
    expect(filtered.status).toBe(0);
    expect(filtered.stdout).toMatch(/已导出 1 件/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(path.join(t.dir, 'out', '提级.xlsx')) as unknown as ArrayBuffer);
    const title = String(wb.worksheets[0]!.getCell('A1').value);
    expect(title).toContain('交叉方式：提级');
    const bad = cli('export-ledger', path.join(t.dir, 'out', 'x.xlsx'), '--direction', '出去');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/方向/);
    expect(fs.existsSync(path.join(t.dir, 'out', 'x.xlsx'))).toBe(false);
  });

  it('a missing file is a Chinese error, not a stack trace', () => {
    const r = cli('import-ledger', path.join(t.dir, 'nope.xlsx'));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('找不到文件');
  });
});
