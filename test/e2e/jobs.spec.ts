import fs from 'node:fs';
import { createUser } from '../../src/core/auth/users';
import { updateSettings } from '../../src/core/settings/settings';
import { fileGeneratedDocument } from '../../src/core/efiles/fileGenerated';
import { seedCase } from '../support/efiles';
import { test, expect, login } from './server';
import { scanPdf } from './efilesFixtures';

// One job model in the UI: binding shows a real progress bar (done/total + the step in words), and
// the job outlives a reload of the window — the shell's job list shows it and hands over its file.
test('binding shows its progress; after a reload the job list has it and its PDF', async ({ page, server }) => {
  test.setTimeout(180_000);
  updateSettings(server.app, { ocrEnabled: false });
  const zhang = createUser(server.app, { username: 'zhang', displayName: '张承办', role: 'staff', password: 'password123' });
  const c = seedCase(server.app, zhang.id, 2468);
  const scan = await scanPdf(30);
  for (let i = 1; i <= 4; i++) {
    await fileGeneratedDocument(server.app, { caseId: c.id, volume: '正卷', title: `询问笔录（扫描件）${i}`, fileName: `scan${i}.pdf`, bytes: scan, userId: zhang.id });
  }

  await login(page, server.url, 'zhang', 'password123');
  await page.goto(`${server.url}#/efiles/case/${c.id}`);
  await expect(page.getByTestId('case-title')).toHaveText(c.caseNo);
  await page.getByRole('button', { name: '生成正卷' }).click();
  // The bar is there from the start: the job answers "running" before any work is done.
  const bar = page.getByTestId('job-progress');
  await expect(bar).toBeVisible();
  await expect(page.getByTestId('job-step')).toHaveText(/^(准备中|正在)/);
  await page.screenshot({ path: 'out/test-results/jobs-bind-progress.png' });

  // A reload: the page that started the job is gone, the job is not.
  await page.reload();
  await expect(page.getByTestId('user-menu')).toBeVisible();
  await page.getByTestId('jobs-menu').click();
  const row = page.getByTestId('job-row').filter({ hasText: `一键组卷（生成卷宗 PDF）：${c.caseNo} 正卷` });
  await expect(row).toBeVisible();
  await expect(row.getByText('已完成')).toBeVisible({ timeout: 120_000 });
  await page.screenshot({ path: 'out/test-results/jobs-list-done.png' });
  const download = page.waitForEvent('download');
  await row.getByRole('button', { name: /^下载/ }).click();
  const file = await (await download).path();
  expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
  expect((server.app.sqlite.prepare("SELECT count(*) AS n FROM audit_log WHERE call = 'efiles.bind'").get() as { n: number }).n).toBe(1);
});
