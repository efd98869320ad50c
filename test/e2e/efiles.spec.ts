import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { createUser } from '../../src/core/auth/users';
import type { CoreApp } from '../../src/core/app';
import { test, expect, login } from './server';
import { textPdf } from './efilesFixtures';
import { ensureYichangCourts } from '../support/yichangCourts';

const SHOTS = path.resolve(import.meta.dirname, '../../out/test-results/efiles');
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: false });

/** A fictional enforcement case handled by `handlerId` (setup data written straight to the ledger tables). */
function seedCase(app: CoreApp, handlerId: number): number {
  const now = new Date().toISOString();
  ensureYichangCourts(app);
  const r = app.sqlite
    .prepare(
      `INSERT INTO cases (case_no, year, court_code, type_code, seq, cause, filed_on, handler_id, created_at, updated_at)
       VALUES ('（2025）鄂0505执123号', 2025, '鄂0505', '执', 123, '民间借贷纠纷', '2025-03-04', ?, ?, ?)`,
    )
    .run(handlerId, now, now);
  const caseId = Number(r.lastInsertRowid);
  const party = app.sqlite.prepare("INSERT INTO parties (case_id, side, kind, name) VALUES (?, ?, '自然人', ?)");
  party.run(caseId, '申请执行人', '李某某');
  party.run(caseId, '被执行人', '张某');
  return caseId;
}

test('a handler imports, catalogues, views, searches and binds; a clerk cannot see the 副卷', async ({ page, server }) => {
  test.setTimeout(120_000);
  fs.mkdirSync(SHOTS, { recursive: true });
  const zhang = createUser(server.app, { username: 'zhang', displayName: '张承办', role: 'staff', password: 'password123' });
  createUser(server.app, { username: 'li', displayName: '李书记员', role: 'clerk', password: 'password123' });
  seedCase(server.app, zhang.id);
  const pdf = await textPdf(
    [
      ['湖北省宜昌市猇亭区人民法院', '执行裁定书', '（2025）鄂0505执123号'],
      ['申请执行人李某某与被执行人张某民间借贷纠纷一案，本院依法查封被执行人名下房产一处。', '查封期限为三年。'],
      ['如不服本裁定，可以自收到裁定书之日起十日内提出书面异议。'],
    ],
    '查封裁定书',
  );

  // The case picker: find the case by a fragment of its 案号.
  await login(page, server.url, 'zhang', 'password123');
  // Retried as a whole: right after login the landing page (工作台, which lists the same case in its
  // reminders) can still replace the page we navigated to.
  await expect(async () => {
    await page.getByRole('navigation', { name: '主导航' }).getByText('电子卷宗').click();
    await page.getByTestId('case-picker').fill('执123', { timeout: 3000 });
    await page.getByTestId('case-picker').press('Enter');
    await page.getByRole('cell', { name: '（2025）鄂0505执123号' }).last().click({ timeout: 3000 });
    await expect(page.getByTestId('case-title')).toHaveText('（2025）鄂0505执123号', { timeout: 3000 });
  }).toPass({ timeout: 30_000 });
  await shot(page, '1-case-empty');

  // Import: one good PDF and one that is not a PDF at all; the bad one is reported, the good one filed.
  await page.getByRole('button', { name: '导入文件' }).click();
  await page.getByTestId('import-files').setInputFiles([
    { name: '查封裁定书.pdf', mimeType: 'application/pdf', buffer: pdf },
    { name: '损坏的文件.pdf', mimeType: 'application/pdf', buffer: Buffer.from('这不是 PDF 文件') },
  ]);
  await shot(page, '2-import-chosen');
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-summary')).toContainText('成功导入 1 个文件');
  await expect(page.getByTestId('import-failures')).toContainText('损坏的文件.pdf');
  await expect(page.getByTestId('import-suggestions')).toContainText('查封裁定书');
  await shot(page, '3-import-done');
  await page.getByTestId('import-confirm').click();

  const row = page.getByTestId('doc-row').filter({ hasText: '查封裁定书' });
  await expect(row).toBeVisible();
  await expect(row).toContainText('3');
  await shot(page, '4-catalogued');

  // The viewer.
  await row.getByTestId('doc-title').click();
  await expect(page.getByTestId('pdf-page-count')).toHaveText('/ 3 页');
  await expect(page.locator('.xd-pdf-page[data-drawn="true"]').first()).toBeVisible();
  await shot(page, '5-viewer');

  // Search a 2-character word: the result opens the viewer on page 2 with the word highlighted.
  await page.goBack();
  await page.getByTestId('efiles-search').fill('查封');
  const hit = page.getByTestId('search-hit').first();
  await expect(hit).toContainText('第 2 页');
  await shot(page, '6-search');
  await hit.click();
  await expect(page.getByTestId('pdf-viewer')).toHaveAttribute('data-page', '2');
  await expect(page.locator('mark.xd-hl-current')).toHaveText('查封');
  await expect(page.getByTestId('pdf-find-count')).toHaveText('1/2');
  await shot(page, '7-search-hit');

  // Bind the 正卷: a PDF comes back.
  await page.goBack();
  await expect(page.getByTestId('case-title')).toHaveText('（2025）鄂0505执123号');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '生成正卷' }).click();
  const file = await (await download).path();
  expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
  await shot(page, '8-bound');

  // A clerk who is not the handler: the 副卷 is closed to them.
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await login(page, server.url, 'li', 'password123');
  await expect(async () => {
    await page.getByRole('navigation', { name: '主导航' }).getByText('电子卷宗').click();
    await page.getByTestId('case-picker').fill('执123', { timeout: 3000 });
    await page.getByRole('cell', { name: '（2025）鄂0505执123号' }).last().click({ timeout: 3000 });
    await expect(page.getByTestId('case-title')).toHaveText('（2025）鄂0505执123号', { timeout: 3000 });
  }).toPass({ timeout: 30_000 });
  await page.getByRole('tab', { name: '副卷' }).click();
  await expect(page.getByTestId('secondary-locked')).toBeVisible();
  await expect(page.getByRole('button', { name: '生成副卷' })).toHaveCount(0);
  await shot(page, '9-clerk-no-secondary');
});
