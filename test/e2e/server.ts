import { test as base, expect, type Page } from '@playwright/test';
import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import { openCore, type CoreApp } from '../../src/core/app';
import { startServer } from '../../src/server/server';
import { RENDERER_DIR } from '../../src/server/main';

/**
 * Each test gets its own browser-mode server on a fresh data folder (real core, real SQLite).
 * `app` is the same core the server uses, for setting up data and checking what was stored.
 */
export const test = base.extend<{ server: { url: string; app: CoreApp; dir: string } }>({
  server: async ({}, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xdesk-e2e-'));
    const app = openCore({ dataDir: dir });
    const server = await startServer({ app, rendererDir: RENDERER_DIR });
    await use({ url: server.url, app, dir });
    await server.close();
    app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  },
});
export { expect };

/** Logs in through the real login form. */
export async function login(page: Page, url: string, username: string, password: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('user-menu')).toBeVisible();
}
