import { createUser } from '../../src/core/auth/users';
import { test, expect, login } from './server';

/** Weekly report in browser mode: pick a week, see its figures, generate, see the version in the history, mark it 已报送. */
test('generates a weekly report for a picked week and marks it 已报送', async ({ page, server }) => {
  const app = server.app;
  createUser(app, { username: 'lijz', displayName: '李局长', role: 'chief', password: 'password123' });
  // A case decided two weeks ago (Wednesday), with ¥123,400 recovered on the same day.
  const now = new Date();
  const dow = (now.getDay() + 6) % 7; // 0 = Monday
  const wed = new Date(now.getTime() - (dow + 12) * 86_400_000);
  const day = `${wed.getFullYear()}-${String(wed.getMonth() + 1).padStart(2, '0')}-${String(wed.getDate()).padStart(2, '0')}`;
  const iso = new Date(`${day}T10:00:00+08:00`).toISOString();
  const caseId = Number(
    app.sqlite
      .prepare(`INSERT INTO cases (case_no, year, court_code, type_code, seq, created_at, updated_at) VALUES ('（2025）鄂0505执88号', 2025, '鄂0505', '执', 88, ?, ?)`)
      .run(iso, iso).lastInsertRowid,
  );
  const tid = Number(
    app.sqlite
      .prepare(`INSERT INTO transfers (case_id, mode, direction, state, created_at, updated_at) VALUES (?, '提级', '移出', '已决定', ?, ?)`)
      .run(caseId, iso, iso).lastInsertRowid,
  );
  app.sqlite.prepare(`INSERT INTO transfer_events (transfer_id, at, effective_on, user_name, kind, to_state) VALUES (?, ?, ?, '测试', 'created', '已决定')`).run(tid, iso, day);
  app.sqlite.prepare(`INSERT INTO progress_entries (case_id, transfer_id, on_date, amount_fen, substantive, text, recorded_at) VALUES (?, ?, ?, 12340000, 1, '扣划存款', ?)`).run(caseId, tid, day, iso);

  await login(page, server.url, 'lijz', 'password123');
  await page.goto(server.url + '#/reports');
  await expect(page.getByText('还没有生成过周报')).toBeVisible();
  // Pick the week two weeks back.
  await page.getByTestId('report-week').click();
  await page.getByRole('option').nth(2).click();
  await expect(page.getByTestId('stat-交叉执行案件')).toHaveText('1');
  // The case went to the 中院 by 提级: its money is the 中院's figure, stated apart, not added to ours (issue 11 item 8).
  await expect(page.getByTestId('stat-执行到位金额')).toHaveText('0.00');
  await expect(page.getByTestId('report-elsewhere')).toContainText('1 件，累计到位 12.34 万元');
  await expect(page.getByText('（2025）鄂0505执88号').first()).toBeVisible();

  await page.getByTestId('report-generate').click();
  const history = page.getByTestId('report-history');
  await expect(history).toContainText('第1版');
  await expect(history).toContainText('李局长');
  await expect(history).toContainText('已归档');
  const row = history.locator('tbody tr').first();
  await row.getByRole('button', { name: '标记已报送' }).click();
  await page.getByTestId('report-submit-confirm').click();
  await expect(row).toContainText('已报送');
  // A second generation of the same week is a revision.
  await page.getByTestId('report-generate').click();
  await expect(history.locator('tbody tr').first()).toContainText('修订版');
  await page.screenshot({ path: 'test-results/reports-page.png', fullPage: true });
});
