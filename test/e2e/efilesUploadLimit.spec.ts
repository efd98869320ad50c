import fs from 'node:fs';
import path from 'node:path';
import { createUser } from '../../src/core/auth/users';
import { getSettings, updateSettings } from '../../src/core/settings/settings';
import { seedCase } from '../support/efiles';
import { test, expect, login } from './server';
import { textPdf } from './efilesFixtures';

// The per-file limit of an e-file import is the setting 单个文件大小上限 (efileMaxFileMb), also for
// files sent from the browser: a file just over a lowered limit is refused with that reason, and
// the other files of the same import go in.
const SHOTS = path.resolve(import.meta.dirname, '../../out/test-results/efiles');

test('a file just over the lowered per-file limit is refused with its reason; the rest is imported', async ({ page, server }) => {
  fs.mkdirSync(SHOTS, { recursive: true });
  updateSettings(server.app, { ocrEnabled: false });
  createUser(server.app, { username: 'boss', displayName: '管理员', role: 'admin', password: 'password123' });
  const zhang = createUser(server.app, { username: 'zhang', displayName: '张承办', role: 'staff', password: 'password123' });
  const c = seedCase(server.app, zhang.id, 5150);
  const small = await textPdf([['执行通知书', '（2025）鄂0505执5150号']], '执行通知书');
  const justOver = Buffer.concat([await textPdf([['网络查控反馈']], '网络查控反馈'), Buffer.alloc(1024 * 1024, 0x20)]);
  expect(justOver.length).toBeGreaterThan(1024 * 1024);
  expect(justOver.length).toBeLessThan(1024 * 1024 + 64 * 1024);

  // The administrator lowers the limit in 设置 → 电子卷宗.
  await login(page, server.url, 'boss', 'password123');
  await expect(async () => {
    await page.goto(`${server.url}#/settings`);
    await page.getByRole('tab', { name: '电子卷宗' }).click({ timeout: 3000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByTestId('efile-max-file-mb')).toHaveValue('500');
  await page.getByTestId('efile-max-file-mb').fill('1');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('设置已保存')).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'settings-efile-limit.png') });
  expect(getSettings(server.app).efileMaxFileMb).toBe(1);
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();

  await login(page, server.url, 'zhang', 'password123');
  await expect(async () => {
    await page.goto(`${server.url}#/efiles/case/${c.id}`);
    await expect(page.getByTestId('case-title')).toHaveText(c.caseNo, { timeout: 3000 });
  }).toPass({ timeout: 30_000 });
  await page.getByRole('button', { name: '导入文件' }).click();
  await page.getByTestId('import-files').setInputFiles([
    { name: '执行通知书.pdf', mimeType: 'application/pdf', buffer: small },
    { name: '网络查控反馈.pdf', mimeType: 'application/pdf', buffer: justOver },
  ]);
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-summary')).toContainText('成功导入 1 个文件');
  await expect(page.getByTestId('import-failures')).toContainText('网络查控反馈.pdf');
  await expect(page.getByTestId('import-failures')).toContainText('超过单个文件 1 MB 的上限（设置项「单个文件大小上限」）');
  await page.screenshot({ path: path.join(SHOTS, 'upload-limit.png') });
  const stored = server.app.sqlite.prepare('SELECT title FROM efile_documents WHERE case_id = ?').all(c.id) as { title: string }[];
  expect(stored.map((d) => d.title)).toEqual(['执行通知书']);
  // Nothing of the refused file is left in the staging folder.
  const staging = path.join(server.dir, 'tmp', 'uploads');
  const left = fs.existsSync(staging) ? fs.readdirSync(staging) : [];
  expect(left.filter((f) => f.endsWith('.part') || f.endsWith('.bin'))).toEqual([]);
});
