import { createUser } from '../../src/core/auth/users';
import { ensureYichangCourts } from '../support/yichangCourts';
import { test, expect, login } from './server';

/** The 工作台: colour-coded reminders across the ledger, and a discovery candidate starting a transfer draft in one click. */
test('home shows the overdue six-month clock and a candidate starts a transfer draft', async ({ page, server }) => {
  ensureYichangCourts(server.app);
  const handler = createUser(server.app, { username: 'zhangcb', displayName: '张承办', role: 'staff', password: 'password123' });
  // A case received more than a year ago (real clock): past the six months of 民诉法237.
  const y = new Date().getUTCFullYear() - 1;
  const now = new Date().toISOString();
  server.app.sqlite
    .prepare(
      `INSERT INTO cases (case_no, year, court_code, type_code, seq, application_received_on, filed_on, handler_id, created_at, updated_at)
       VALUES (?, ?, '鄂0505', '执', 77, ?, ?, ?, ?, ?)`,
    )
    .run(`（${y}）鄂0505执77号`, y, `${y}-01-05`, `${y}-01-06`, handler.id, now, now);

  await login(page, server.url, 'zhangcb', 'password123');
  await page.goto(server.url + '#/');
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
  const reminders = page.getByTestId('reminder-list');
  await expect(reminders.locator('tr[data-level="overdue"]')).toContainText(`（${y}）鄂0505执77号`);
  await expect(reminders).toContainText('六个月期限');
  await expect(page.getByTestId('count-overdue')).toContainText('已逾期 1');
  const discovery = page.getByTestId('discovery-list');
  await expect(discovery).toContainText('超过六个月未执行');
  await expect(discovery).toContainText('六个月已于');
  await page.screenshot({ path: test.info().outputPath('ledger-home.png'), fullPage: true });

  await discovery.getByTestId('start-draft').first().click();
  await expect(page.getByTestId('draft-started')).toContainText('新建 1 件报请上一级法院的交叉执行草稿');
  const row = server.app.sqlite.prepare(`SELECT mode, direction, state, receiving_court_code AS recv FROM transfers`).get();
  expect(row).toEqual({ mode: '指令', direction: '移出', state: '草稿', recv: '鄂05' });
  await page.getByRole('button', { name: '打开案件' }).click();
  await expect(page.getByTestId('case-reminders')).toContainText('已逾期');
});
