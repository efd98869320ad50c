import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { createUser } from '../../src/core/auth/users';
import { ensureYichangCourts } from '../support/yichangCourts';
import { badRowsLedger, bureauLedger } from '../support/ledgerWorkbooks';
import { test, expect, login } from './server';

/** The Excel import wizard end to end in browser mode: upload → per-row preview → commit → rejected-rows report. */
test('imports a bureau ledger, shows each bad row in Chinese and hands back the rejected rows', async ({ page, server }) => {
  ensureYichangCourts(server.app);
  createUser(server.app, { username: 'lisj', displayName: '李书记员', role: 'clerk', password: 'password123' });
  createUser(server.app, { username: 'zhangcb', displayName: '张承办', role: 'staff', password: 'password123' });
  const good = path.join(server.dir, '猇亭台账.xlsx');
  const bad = path.join(server.dir, 'bad.xlsx');
  fs.writeFileSync(good, await bureauLedger());
  fs.writeFileSync(bad, await badRowsLedger());
  const cases = () => (server.app.sqlite.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n;

  await login(page, server.url, 'lisj', 'password123');
  await page.goto(server.url + '#/ledger/import');
  await page.locator('input[type=file]').setInputFiles(good);
  await expect(page.getByTestId('import-counts')).toContainText('共 3 件');
  await expect(page.getByTestId('import-counts')).toContainText('可导入 3');
  expect(cases()).toBe(0); // the preview wrote nothing
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-outcome')).toContainText('新增 3 件');
  expect(cases()).toBe(3);

  // the same file again adds nothing
  await page.getByRole('button', { name: '继续导入其他文件' }).click();
  await page.locator('input[type=file]').setInputFiles(good);
  await expect(page.getByTestId('import-counts')).toContainText('重复跳过 3');
  await expect(page.getByTestId('import-commit')).toBeDisabled();

  // bad rows: each problem named in Chinese, the good row imported, the others downloadable
  await page.getByRole('button', { name: '重新选择文件' }).click();
  await page.locator('input[type=file]').setInputFiles(bad);
  const table = page.getByTestId('import-preview-table');
  await expect(table).toContainText('「案号」（A 列）应为案号');
  await expect(table).toContainText('「立案日期」（F 列）「2025年2月30日」不是真实存在的日期');
  await expect(table).toContainText('「执行标的」（E 列）不能为负数');
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-outcome')).toContainText('新增 1 件；跳过重复 0 件；未导入 9 行');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-report').click()]);
  expect(download.suggestedFilename()).toBe('bad-未导入的行.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(await download.path()) as unknown as ArrayBuffer);
  expect(wb.worksheets[0]!.rowCount).toBe(11);
  expect(cases()).toBe(4);
});
