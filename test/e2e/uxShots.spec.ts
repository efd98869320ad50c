import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { createUser, toPublic } from '../../src/core/auth/users';
import { DEMO_PASSWORD, loadDemoData } from '../../src/core/demo/demo';
import { test, expect, login } from './server';

/** Screenshots of the main pages at 1440×900 and 1280×720, per role and in dark mode, for a person to look at. */
const OUT = process.env.UX_SHOTS ?? path.resolve(import.meta.dirname, '../../out/test-results/ux-shots');

async function shoot(page: Page, url: string, route: string, name: string) {
  await page.goto(`${url}#${route}`);
  await expect(page.getByRole('main').getByRole('heading').first()).toBeVisible();
  await expect(page.locator('.mantine-Loader-root')).toHaveCount(0);
  for (const [w, h] of [[1440, 900], [1280, 720]] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: path.join(OUT, `${name}-${w}x${h}.png`) });
  }
}

test('main pages at 1440×900 and 1280×720', async ({ page, server }) => {
  test.setTimeout(240_000);
  fs.mkdirSync(OUT, { recursive: true });
  const admin = createUser(server.app, { username: 'admin', displayName: '系统管理员', role: 'admin', password: 'password123' });
  server.app.sqlite.transaction(() => loadDemoData(server.app, toPublic(admin)))();
  await login(page, server.url, 'zhangcb', DEMO_PASSWORD);
  await shoot(page, server.url, '/', 'home-staff');
  await shoot(page, server.url, '/ledger', 'ledger');
  const id = (server.app.sqlite.prepare('SELECT id FROM cases ORDER BY id LIMIT 1').get() as { id: number }).id;
  await shoot(page, server.url, `/ledger/case/${id}`, 'case');
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await login(page, server.url, 'wangjz', DEMO_PASSWORD);
  await shoot(page, server.url, '/', 'home-chief');
  await shoot(page, server.url, '/approvals', 'approvals');
  await shoot(page, server.url, '/reports', 'reports');
  await shoot(page, server.url, '/exchange', 'exchange');
  await shoot(page, server.url, '/settings', 'settings');
  await page.getByTestId('color-scheme').click();
  await shoot(page, server.url, '/', 'dark-home-chief');
  await shoot(page, server.url, '/ledger?overdue=1', 'dark-ledger-overdue');
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await login(page, server.url, 'zhaoyz', DEMO_PASSWORD);
  await shoot(page, server.url, '/', 'dark-home-leader');
});
