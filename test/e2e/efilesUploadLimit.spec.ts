import fs from 'node:fs';
import path from 'node:path';
import { createUser } from '../../src/core/auth/users';
import { updateSettings } from '../../src/core/settings/settings';
import { seedCase } from '../support/efiles';
import { test, expect, login } from './server';
import { textPdf } from './efilesFixtures';

// The per-file limit of an e-file import is the setting 单个文件大小上限 (efileMaxFileMb), also for
// files sent from the browser: a file just over a lowered limit is refused with that reason, and
// the other files of the same import go in.
const SHOTS = path.resolve(import.meta.dirname, '../../out/test-results/efiles');

test('a file just over the lowered per-file limit is refused with its reason; the rest is imported', async ({ page, server }) => {
  fs.mkdirSync(SHOTS, { recursive: true });
  updateSettings(server.app, { efileMaxFileMb: 1, ocrEnabled: false });
  const zhang = createUser(server.app, { username: 'zhang', displayName: '张承办', role: 'staff', password: 'password123' });
  const c = seedCase(server.app, zhang.id, 5150);
  const small = await textPdf([['执行通知书', '（2025）鄂0505执5150号']], '执行通知书');
  const justOver = Buffer.concat([await textPdf([['网络查控反馈']], '网络查控反馈'), Buffer.alloc(1024 * 1024, 0x20)]);
  expect(justOver.length).toBeGreaterThan(1024 * 1024);
  expect(justOver.length).toBeLessThan(1024 * 1024 + 64 * 1024);

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
