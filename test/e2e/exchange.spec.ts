import fs from 'node:fs';
import path from 'node:path';
import { createUser } from '../../src/core/auth/users';
import { test, expect, login } from './server';

/** Export a week from the UI (job with progress), then verify and open the package read-only. */
test('exports a week, then verifies and opens the package read-only', async ({ page, server }) => {
  createUser(server.app, { username: 'wangjz', displayName: '王局长', role: 'chief', password: 'password123' });
  await login(page, server.url, 'wangjz', 'password123');
  await page.goto(server.url + '#/exchange');
  await page.getByLabel('周次').fill('2025-W10');
  await page.getByRole('button', { name: '生成上报包' }).click();
  await expect(page.getByTestId('exchange-job')).toContainText('上报包已生成', { timeout: 20_000 });
  await expect(page.getByTestId('exchange-job')).toContainText('2025-W10_第1版.zip');
  await page.screenshot({ path: path.join(server.dir, '..', 'xdesk-exchange-export.png') });

  // History shows the export.
  await page.getByRole('tab', { name: '导出记录' }).click();
  await expect(page.getByTestId('exchange-history')).toContainText('2025-W10');

  // The package as the 中院 receives it: verify, then open.
  const downloads = path.join(server.dir, 'tmp', 'downloads');
  const zip = fs.readdirSync(downloads).find((f) => f.endsWith('.bin'))!;
  const copy = path.join(server.dir, 'received.zip');
  fs.copyFileSync(path.join(downloads, zip), copy);
  await page.getByRole('tab', { name: '校验并打开' }).click();
  await page.locator('input[type=file]').setInputFiles(copy);
  await expect(page.getByTestId('exchange-verified')).toContainText('校验通过');
  await expect(page.getByRole('tab', { name: /台账摘录/ })).toBeVisible();
  await page.getByRole('button', { name: '查看' }).first().click();
  await expect(page.locator('.mantine-Modal-content canvas').first()).toBeVisible({ timeout: 15_000 });
  await page.screenshot({ path: path.join(server.dir, '..', 'xdesk-exchange-open.png') });
  await page.keyboard.press('Escape');

  // A tampered copy is rejected with the reason.
  const buf = fs.readFileSync(copy);
  buf[200] ^= 0xff;
  const bad = path.join(server.dir, 'tampered.zip');
  fs.writeFileSync(bad, buf);
  await page.locator('input[type=file]').setInputFiles(bad);
  await expect(page.getByTestId('exchange-problems')).toContainText('校验未通过');
});
