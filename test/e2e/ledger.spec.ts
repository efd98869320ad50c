import path from 'node:path';
import { createUser, toPublic } from '../../src/core/auth/users';
import { DEMO_PASSWORD, loadDemoData } from '../../src/core/demo/demo';
import { test, expect, login } from './server';

/**
 * The ledger with the demo loaded: filter by mode and state, sort, search by 案号 fragment and party,
 * open a case (parties, transfers, timeline), and create a case whose 案号 is checked while typing.
 * Screenshots of the table and a case page go to out/test-results/ for a human to look at.
 */
test('ledger table, case page and the new-case form on the demo data', async ({ page, server }) => {
  // The budget of a loaded 2-core machine (demo data, lazy page chunks): every step below waits for
  // what the page shows, none for a fixed time, so a slow machine only makes it take longer.
  test.setTimeout(180_000);
  const admin = createUser(server.app, { username: 'admin', displayName: '系统管理员', role: 'admin', password: 'password123' });
  server.app.sqlite.transaction(() => loadDemoData(server.app, toPublic(admin)))();
  const shots = path.resolve(import.meta.dirname, '../../out/test-results');

  await login(page, server.url, 'zhangcb', DEMO_PASSWORD);
  await page.goto(server.url + '#/ledger');
  const table = page.getByTestId('ledger-table');
  await expect(table).toContainText('猇亭天工演示机电制造有限公司');
  await page.screenshot({ path: path.join(shots, 'ledger-table.png') });

  // filter: mode 集中 + state 办理中 → the 7 wage cases not yet resolved (scenario b)
  await page.getByRole('combobox', { name: '交叉方式' }).click();
  await page.getByRole('option', { name: '集中', exact: true }).click();
  await page.keyboard.press('Escape');
  await page.getByRole('combobox', { name: '状态', exact: true }).click();
  await page.getByRole('option', { name: '办理中', exact: true }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByText('共 7 件')).toBeVisible();
  await expect(table.locator('tbody tr')).toHaveCount(7);
  for (const cell of await table.locator('tbody tr').allInnerTexts()) expect(cell).toContain('集中');

  // sort by 执行标的: the column header toggles, rows come back in order
  await table.locator('th', { hasText: '执行标的' }).click();
  await expect(async () => {
    const amounts = (await table.locator('tbody tr td:nth-child(4)').allInnerTexts()).map((s) => Number(s.replace(/[^\d.]/g, '')));
    expect(amounts.length).toBe(7);
    const asc = [...amounts].sort((a, b) => a - b);
    expect(amounts.join() === asc.join() || amounts.join() === [...asc].reverse().join()).toBe(true);
  }).toPass();

  // search by party name, then by a 案号 fragment
  await page.getByRole('button', { name: '清除筛选' }).click();
  await page.getByTestId('ledger-search').fill('陈志强');
  await expect(table.locator('tbody tr')).toHaveCount(1);
  const row = (await table.locator('tbody tr').first().innerText()).split(/\s+/)[0]!;
  const fragment = row.replace(/^（\d{4}）鄂0505/, ''); // e.g. 执123号
  await page.getByTestId('ledger-search').fill(fragment);
  await expect(table).toContainText(row);

  // open the case: parties, transfers, timeline
  await table.locator('tbody tr', { hasText: row }).first().click();
  await expect(page.getByTestId('case-title')).toHaveText(row);
  await expect(page.getByTestId('parties-table')).toContainText('陈志强');
  await expect(page.getByTestId('parties-table')).toContainText('涉民生');
  await page.getByRole('tab', { name: /交叉执行/ }).click();
  await expect(page.getByText('集中', { exact: false }).first()).toBeVisible();
  await page.getByRole('tab', { name: '时间线' }).click();
  await expect(page.getByText(/集中执行：已立案 → 办理中/)).toBeVisible();
  await page.screenshot({ path: path.join(shots, 'ledger-case.png'), fullPage: true });
  // this demo case is closed: no transfer can be requested for it
  await expect(page.getByTestId('request-transfer')).toHaveCount(0);

  // new case: the 案号 is checked when the field is left, in Chinese; a valid one creates the case and opens it
  await page.goto(server.url + '#/ledger');
  await page.getByTestId('new-case').click();
  const caseNo = page.getByRole('dialog').getByLabel('案号');
  await caseNo.fill('2026鄂0505执9');
  await expect(page.getByRole('dialog')).not.toContainText('应为案号'); // not while typing
  await caseNo.press('Tab'); // checked when the field is left
  await expect(page.getByRole('dialog')).toContainText('应为案号，如（2025）鄂0505执123号');
  await caseNo.fill('(2026)鄂0505执9001号');
  await expect(page.getByRole('dialog')).not.toContainText('应为案号');
  await page.getByRole('dialog').getByRole('button', { name: '新建案件' }).click();
  await expect(page.getByTestId('case-title')).toHaveText('（2026）鄂0505执9001号');

  // an open case offers 报请交叉执行, which opens a new request with the case already chosen
  await page.getByTestId('request-transfer').click();
  await expect(page).toHaveURL(/#\/approvals\/new\?case=\d+/);
  await expect(page.getByText('（2026）鄂0505执9001号').first()).toBeVisible();
});
