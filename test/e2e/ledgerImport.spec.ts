import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { createUser } from '../../src/core/auth/users';
import { ensureYichangCourts } from '../support/yichangCourts';
import { badRowsLedger, bureauLedger, UNKNOWN_MODE, VARIANT_CASES, variantsLedger } from '../support/ledgerWorkbooks';
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

/**
 * Issue 14: a real bureau's words. 本院/我院 rows and the usual mode variants import; a 移入 row
 * filed before its file arrived is refused by name; an unknown mode word is turned into a synonym by
 * the administrator from the preview ("把「…」视为…") and the row becomes importable; the staged
 * workbook is gone once the preview ends. Screenshots of the preview at 1440×900 and 1280×720.
 */
test('the administrator teaches the import a ledger word from the preview; the staged copy goes when the preview ends', async ({ page, server }, info) => {
  ensureYichangCourts(server.app);
  createUser(server.app, { username: 'boss', displayName: '王管理员', role: 'admin', password: 'password123' });
  createUser(server.app, { username: 'zhangcb', displayName: '张承办', role: 'staff', password: 'password123' });
  const file = path.join(server.dir, '猇亭登记表.xlsx');
  fs.writeFileSync(file, await variantsLedger());
  const uploads = () => {
    const dir = path.join(server.dir, 'tmp', 'uploads');
    return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.bin')) : [];
  };

  await login(page, server.url, 'boss', 'password123');
  await page.goto(server.url + '#/ledger/import');
  await page.locator('input[type=file]').setInputFiles(file);
  const counts = page.getByTestId('import-counts');
  await expect(counts).toContainText('共 7 件');
  await expect(counts).toContainText('不能导入 2');
  const table = page.getByTestId('import-preview-table');
  await expect(table).toContainText('立案日期 2025-04-02 早于收到卷宗日期 2025-04-10');
  const unknown = page.getByTestId('import-unknown-values');
  await expect(unknown).toContainText(`交叉方式「${UNKNOWN_MODE}」`);
  expect(uploads()).toHaveLength(1);

  for (const [w, h] of [[1440, 900], [1280, 720]] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: info.outputPath(`import-preview-${w}x${h}.png`) });
  }

  await page.getByRole('combobox', { name: `「${UNKNOWN_MODE}」对应的交叉方式` }).click();
  await page.getByRole('option', { name: '指令', exact: true }).click();
  await page.getByRole('button', { name: `把「${UNKNOWN_MODE}」视为「指令」` }).click();
  await expect(unknown).toBeHidden();
  await expect(counts).toContainText('不能导入 1');
  await expect(counts).toContainText('可导入 6');
  const stored = server.app.sqlite.prepare('SELECT kind, value FROM ledger_import_synonyms').all();
  expect(stored).toEqual([{ kind: 'mode', value: '指令' }]);

  // 重新选择文件 ends the preview: the staged copy of the workbook is removed at once
  await page.getByRole('button', { name: '重新选择文件' }).click();
  await expect.poll(uploads).toHaveLength(0);

  await page.locator('input[type=file]').setInputFiles(file);
  await expect(counts).toContainText('可导入 6');
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-outcome')).toContainText('新增 6 件');
  expect(uploads()).toHaveLength(0);
  const modes = server.app.sqlite.prepare('SELECT c.case_no AS no, t.mode, t.original_court_code AS orig FROM transfers t JOIN cases c ON c.id = t.case_id ORDER BY c.seq').all();
  expect(modes).toContainEqual({ no: VARIANT_CASES.unknownMode, mode: '指令', orig: '鄂0505' });
  expect(modes).toContainEqual({ no: VARIANT_CASES.internalChange, mode: '院内交叉', orig: '鄂0505' });

  // the synonym is listed (and can be removed) in 设置 → 台账导入
  await page.goto(server.url + '#/settings');
  await page.getByRole('tab', { name: '台账导入' }).click();
  await expect(page.getByTestId('import-synonyms-table')).toContainText('异地交叉执行(上级安排)');
  await page.getByRole('button', { name: '删除「异地交叉执行(上级安排)」' }).click();
  await expect(page.getByTestId('import-synonyms-table')).not.toContainText('异地交叉执行');
  await expect(page.getByText('尚未添加同义词')).toBeVisible();
  expect(server.app.sqlite.prepare('SELECT count(*) AS n FROM ledger_import_synonyms').get()).toEqual({ n: 0 });
});
