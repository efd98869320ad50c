import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test as base, expect } from '@playwright/test';
import { openCore, type CoreApp } from '../../src/core/app';
import { createUser } from '../../src/core/auth/users';
import { saveCase, saveParty } from '../../src/core/ledger/edit/cases';
import { startServer } from '../../src/server/server';
import { RENDERER_DIR } from '../../src/server/main';
import { makeSelfSignedCertificate } from '../../src/server/bureau/x509';
import { spkiBase64 } from '../../src/server/bureau/fingerprint';

// The bureau server: two workstations (two browser contexts, two users) on one server over TLS,
// reached by the bureau's host name. Chromium trusts the self-signed test certificate only through
// its public-key pin (--ignore-certificate-errors-spki-list, the same SHA-256 a workstation pins);
// --host-resolver-rules points the host name at loopback.
const HOST = 'xdesk.court.local';
const cert = makeSelfSignedCertificate({ commonName: HOST, hostNames: [HOST], days: 30 });

const test = base.extend<{ bureau: { url: string; app: CoreApp } }>({
  bureau: async ({}, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xdesk-bureau-e2e-'));
    const app = openCore({ dataDir: dir });
    const server = await startServer({ app, rendererDir: RENDERER_DIR, hostNames: [HOST], tls: { cert: cert.certPem, key: cert.keyPem } });
    await use({ url: `https://${HOST}:${server.port}/`, app });
    await server.close();
    app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  },
});

test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
      `--ignore-certificate-errors-spki-list=${spkiBase64(cert.certPem)}`,
      `--host-resolver-rules=MAP ${HOST} 127.0.0.1`,
    ],
  },
});

async function signIn(page: Page, url: string, username: string) {
  await page.goto(url);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('password123');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('user-menu')).toBeVisible();
  // A mark that a reload would wipe: the page must change without one.
  await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));
}
const notReloaded = (page: Page) => page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload === true);

test('staff proposes at one desk, the chief sees it arrive without reloading and approves, the handler sees the decision', async ({ browser, bureau }) => {
  test.setTimeout(120_000);
  createUser(bureau.app, { username: 'zhangcb', displayName: '张承办', role: 'staff', password: 'password123' });
  createUser(bureau.app, { username: 'lijz', displayName: '李局长', role: 'chief', password: 'password123' });
  const zhangId = (bureau.app.sqlite.prepare("SELECT id FROM users WHERE username = 'zhangcb'").get() as { id: number }).id;
  const c = saveCase(bureau.app, { caseNo: '（2025）鄂0505执321号', cause: '买卖合同', filedOn: '2025-03-01', amountDueFen: 50_000_000, handlerId: zhangId } as never);
  saveParty(bureau.app, { caseId: c.id, side: '申请执行人', kind: '法人或其他组织', name: '宜昌某建材公司', isSmb: false, isLivelihood: false } as never);
  saveParty(bureau.app, { caseId: c.id, side: '被执行人', kind: '自然人', name: '刘某', isSmb: false, isLivelihood: false } as never);

  const staffDesk = await browser.newContext();
  const chiefDesk = await browser.newContext();
  const staff = await staffDesk.newPage();
  const chief = await chiefDesk.newPage();

  await signIn(chief, bureau.url, 'lijz');
  expect(new URL(chief.url()).protocol).toBe('https:');
  await expect(chief.getByTestId('approvals-queue-badge')).toHaveCount(0);

  await signIn(staff, bureau.url, 'zhangcb');
  await staff.getByRole('navigation', { name: '主导航' }).getByText('审批').click();
  await staff.getByTestId('new-request').click();
  await staff.getByTestId('case-picker').click();
  await staff.getByRole('option', { name: /（2025）鄂0505执321号/ }).click();
  await staff.keyboard.press('Escape');
  await staff.getByTestId('court-select').click();
  await staff.getByRole('option', { name: /宜都市人民法院/ }).click();
  await staff.getByRole('checkbox', { name: '超六个月未执行' }).check();
  await staff.getByLabel('执行经过').fill('立案后网络查控，被执行人在宜都市有房产，本院处置困难。');
  await staff.getByLabel('申请理由').fill('案件超六个月未执行，异地财产处置困难。');
  await staff.getByTestId('save-draft').click();
  await expect(staff.getByTestId('request-state')).toHaveText('草稿');
  await staff.getByTestId('submit-request').click();
  await expect(staff.getByTestId('request-state')).toHaveText('待审批');

  // The chief's screen, untouched since sign-in, shows the request (well before the bell's 30 s poll).
  await expect(chief.getByTestId('approvals-queue-badge')).toHaveText('1', { timeout: 10_000 });
  await expect(chief.getByTestId('bell-badge')).toContainText('1');
  expect(await notReloaded(chief)).toBe(true);
  await chief.getByTestId('bell').click();
  await chief.getByTestId('notification-list').getByText(/张承办/).first().click();
  await chief.getByTestId('opinion').fill('同意报请中院指令宜都法院执行。');
  await chief.getByTestId('decide').click();
  await expect(chief.getByTestId('request-state')).toHaveText('已同意');

  // The handler, still on the request page, sees the decision and the notice arrive.
  await expect(staff.getByTestId('request-state')).toHaveText('已同意', { timeout: 10_000 });
  await expect(staff.getByTestId('decisions')).toContainText('同意报请中院指令宜都法院执行。');
  await expect(staff.getByTestId('bell-badge')).toContainText('1');
  expect(await notReloaded(staff)).toBe(true);
  await staff.screenshot({ path: 'out/test-results/bureau-handler-sees-decision.png' });

  await staffDesk.close();
  await chiefDesk.close();
});
