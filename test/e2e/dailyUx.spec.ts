import type { Page, Route } from '@playwright/test';
import { createUser, toPublic } from '../../src/core/auth/users';
import { DEMO_PASSWORD, loadDemoData } from '../../src/core/demo/demo';
import { saveCase, saveParty } from '../../src/core/ledger/edit/cases';
import { caller } from '../support/core';
import { textPdf } from './efilesFixtures';
import { mockEfiles } from './efilesMock';
import { test, expect, login } from './server';

/**
 * Daily UX (issue 14): double submit, keyboard, Chinese labels and names, dark mode and the narrow
 * navigation. Waits follow the app's state (a request seen, an attribute set), never wall time.
 */

/** Holds every request to `/api/call/<name>` until `release()`; counts them. */
async function holdCall(page: Page, name: string) {
  const held: Route[] = [];
  let open!: () => void;
  const gate = new Promise<void>((r) => (open = r));
  await page.route(`**/api/call/${name}`, async (route) => {
    held.push(route);
    await gate;
    await route.continue();
  });
  return { count: () => held.length, release: () => open() };
}

function seedDemo(app: Parameters<typeof loadDemoData>[0]) {
  const admin = createUser(app, { username: 'admin', displayName: '系统管理员', role: 'admin', password: 'password123' });
  app.sqlite.transaction(() => loadDemoData(app, toPublic(admin)))();
}

test('6. 提交审批 and 新建案件 cannot be sent twice: the button is busy while the first call runs, one call reaches the core', async ({ page, server }) => {
  const zhang = createUser(server.app, { username: 'zhangcb', displayName: '张承办', role: 'staff', password: 'password123' });
  createUser(server.app, { username: 'lijz', displayName: '李局长', role: 'chief', password: 'password123' });
  const c = saveCase(server.app, { caseNo: '（2025）鄂0505执321号', cause: '买卖合同', filedOn: '2025-03-01', amountDueFen: 50_000_000, handlerId: zhang.id } as never);
  saveParty(server.app, { caseId: c.id, side: '被执行人', kind: '自然人', name: '刘某', isSmb: false, isLivelihood: false } as never);
  server.app.sessions.bind('e2e-zhang', zhang.id);
  const d = await caller(server.app, toPublic(zhang), 'e2e-zhang').run('approvals.create', {
    mode: '指令', caseIds: [c.id], reasons: ['超六个月未执行'], receivingCourtCode: '鄂0581', summaryProcess: '网络查控发现异地房产。', summaryGrounds: '异地财产处置困难。',
  });
  await login(page, server.url, 'zhangcb', 'password123');

  const submit = await holdCall(page, 'approvals.submit');
  await page.goto(`${server.url}#/approvals/${d.request.id}`);
  const button = page.getByTestId('submit-request');
  await button.click();
  await expect.poll(submit.count).toBe(1);
  await expect(button).toHaveAttribute('data-loading', 'true');
  await expect(button).toBeDisabled();
  await button.dispatchEvent('click'); // a second click while pending (a disabled button swallows a real one)
  await page.keyboard.press('Enter');
  submit.release();
  await expect(page.getByTestId('request-state')).toHaveText('待审批');
  expect(submit.count()).toBe(1);
  expect((server.app.sqlite.prepare("SELECT count(*) AS n FROM audit_log WHERE call = 'approvals.submit' AND summary NOT LIKE '生成%'").get() as { n: number }).n).toBe(1);

  // 新建案件: Enter twice in the form while the save runs → one case
  const save = await holdCall(page, 'ledger.edit.saveCase');
  await page.goto(`${server.url}#/ledger`);
  await page.getByTestId('new-case').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('案号').fill('（2026）鄂0505执9001号');
  await dialog.getByLabel('案号').press('Enter');
  await expect.poll(save.count).toBe(1);
  await dialog.getByLabel('案号').press('Enter');
  await dialog.getByRole('button', { name: '新建案件' }).dispatchEvent('click');
  save.release();
  await expect(page.getByTestId('case-title')).toHaveText('（2026）鄂0505执9001号');
  expect(save.count()).toBe(1);
  expect((server.app.sqlite.prepare("SELECT count(*) AS n FROM cases WHERE case_no = '（2026）鄂0505执9001号'").get() as { n: number }).n).toBe(1);
});

test('8. keyboard: a ledger row takes focus, ↓ moves, Enter opens the case', async ({ page, server }) => {
  seedDemo(server.app);
  await login(page, server.url, 'zhangcb', DEMO_PASSWORD);
  await page.goto(`${server.url}#/ledger`);
  const rows = page.getByTestId('ledger-table').locator('tbody tr');
  await expect(rows.first()).toHaveAttribute('tabindex', '0');
  await rows.first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(rows.nth(1)).toBeFocused();
  const caseNo = (await rows.nth(1).locator('td').first().innerText()).trim();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('case-title')).toHaveText(caseNo);
});

test('8. keyboard: PageDown / PageUp / End / Home turn whole pages in the e-file viewer', async ({ page, server }) => {
  createUser(server.app, { username: 'zhang', displayName: '张承办', role: 'staff', password: 'password123' });
  await login(page, server.url, 'zhang', 'password123');
  const bytes = await textPdf([['第一页'], ['第二页'], ['第三页'], ['第四页']]);
  await mockEfiles(page, [{ id: 1, caseId: 7, volume: '正卷', sectionId: '正卷-1', title: '执行裁定书', fileName: '执行裁定书.pdf', docDate: '2025-04-02', pages: 4, order: 1, kind: 'pdf', size: bytes.length, ocr: 'text', bytes }]);
  await page.goto(`${server.url}#/efiles/doc/1`);
  const viewer = page.getByTestId('pdf-viewer');
  await expect(viewer).toHaveAttribute('data-page', '1');
  await page.getByTestId('pdf-scroll').focus();
  await page.keyboard.press('PageDown');
  await expect(viewer).toHaveAttribute('data-page', '2');
  await page.keyboard.press('PageDown');
  await expect(viewer).toHaveAttribute('data-page', '3');
  await page.keyboard.press('PageUp');
  await expect(viewer).toHaveAttribute('data-page', '2');
  await page.keyboard.press('End');
  await expect(viewer).toHaveAttribute('data-page', '4');
  await page.keyboard.press('Home');
  await expect(viewer).toHaveAttribute('data-page', '1');
});

test('9. no box-drawing emoji, no internal call names or record ids on the audit page, Chinese aria labels', async ({ page, server }) => {
  seedDemo(server.app);
  await login(page, server.url, 'wangjz', DEMO_PASSWORD);
  await page.goto(`${server.url}#/audit`);
  const table = page.locator('table').first();
  await expect(table).toContainText('载入演示数据');
  const text = await page.locator('main').innerText();
  expect(text).not.toMatch(/\b[a-z]+(\.[a-zA-Z]+)+\b/); // ledger.edit.saveCase and the like
  expect(text).not.toMatch(/\b(case|transfer|approval|efile|user|settings)\b/);
  await expect(page.locator('th', { hasText: '序号' })).toHaveCount(0);

  const EMOJI = /[\u{1F300}-\u{1FAFF}\u{2600}-\u{26FF}\u{2753}\u{2705}]/u;
  for (const path of ['/', '/ledger', '/approvals', '/reports', '/exchange', '/settings', '/audit']) {
    await page.goto(`${server.url}#${path}`);
    await expect(page.getByRole('main').getByRole('heading').first()).toBeVisible();
    expect(await page.locator('body').innerText(), path).not.toMatch(EMOJI);
    const labels = await page.locator('[aria-label]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    const english = labels.filter((l) => /^[A-Za-z][A-Za-z ]+$/.test(l));
    expect(english, path).toEqual([]);
  }
});

test('12. dark mode and the narrow navigation are remembered; at 1280×720 the ledger keeps 案号, 状态 and 承办人 in view', async ({ page, server }) => {
  seedDemo(server.app);
  await page.setViewportSize({ width: 1280, height: 720 });
  await login(page, server.url, 'zhangcb', DEMO_PASSWORD);
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'light');
  await page.getByTestId('color-scheme').click();
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await page.getByTestId('nav-toggle').click();
  await expect(page.getByTestId('nav-toggle')).toHaveAttribute('aria-expanded', 'false');
  await page.reload();
  await expect(page.getByTestId('user-menu')).toBeVisible();
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await expect(page.getByTestId('nav-toggle')).toHaveAttribute('aria-expanded', 'false');
  const nav = page.getByRole('navigation', { name: '主导航' });
  expect((await nav.boundingBox())!.width).toBeLessThanOrEqual(64);
  await nav.getByRole('link', { name: '台账' }).or(nav.getByLabel('台账')).first().click();
  const table = page.getByTestId('ledger-table');
  await expect(table.locator('tbody tr').first()).toBeVisible();
  for (const col of ['案号', '状态', '承办人']) {
    const box = (await table.locator('th', { hasText: col }).first().boundingBox())!;
    expect(box.x + box.width, col).toBeLessThanOrEqual(1280);
  }
  // badges are not clipped: the 状态 badge's text fits its box
  const badge = table.locator('tbody .mantine-Badge-root').first();
  expect(await badge.evaluate((el) => { const l = el.querySelector('.mantine-Badge-label') as HTMLElement; return l.scrollWidth <= l.clientWidth + 1; })).toBe(true);
});

test('4 and 5. 工作台 per role; 仅看超期 covers every overdue kind, is shown above the table and is turned off in one click', async ({ page, server }) => {
  seedDemo(server.app);
  // staff: starts on their own cases
  await login(page, server.url, 'zhangcb', DEMO_PASSWORD);
  await expect(page.getByTestId('only-mine')).toBeChecked();
  await expect(page.getByTestId('leader-summary')).toHaveCount(0);
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();

  // chief: figures, overdue by kind, approvals waiting; the whole bureau
  await login(page, server.url, 'wangjz', DEMO_PASSWORD);
  await expect(page.getByTestId('leader-summary')).toBeVisible();
  await expect(page.getByTestId('only-mine')).not.toBeChecked();
  await expect(page.getByTestId('fig-cases')).toHaveText(/^\d+$/);
  await expect(page.getByTestId('fig-approvals')).toHaveText(/^\d+$/);
  const overdueCount = Number((await page.getByTestId('count-overdue').innerText()).replace(/\D/g, ''));
  expect(overdueCount).toBeGreaterThan(0);
  await page.getByTestId('overdue-to-ledger').click();
  const banner = page.getByTestId('overdue-banner');
  await expect(banner).toContainText('仅显示超期案件');
  // The count shows once the filtered page has arrived (never the unfiltered total of the page before).
  await expect(banner).toContainText(/共 \d+ 件/);
  const total = Number(/共 (\d+) 件/.exec(await banner.innerText())![1]);
  // as many cases as 工作台's overdue reminders name
  const cases = new Set(
    (await (await import('../support/core')).caller(server.app, toPublic(server.app.sqlite.prepare("SELECT id, username, display_name AS displayName, role FROM users WHERE username = 'wangjz'").get() as never), (server.app.sessions.bind('e2e-chief', (server.app.sqlite.prepare("SELECT id FROM users WHERE username = 'wangjz'").get() as { id: number }).id), 'e2e-chief')).run('ledger.reminders.list', { levels: ['overdue'], limit: 5000 })).items.map((r) => r.caseId),
  );
  expect(total).toBe(cases.size);
  await expect(page.getByRole('checkbox', { name: '仅看超期' })).toBeChecked();
  await page.getByTestId('overdue-off').click();
  await expect(banner).toHaveCount(0);
  await expect(page.getByRole('checkbox', { name: '仅看超期' })).not.toBeChecked();
});
