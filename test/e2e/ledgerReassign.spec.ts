import path from 'node:path';
import { createUser } from '../../src/core/auth/users';
import { ensureYichangCourts } from '../support/yichangCourts';
import { test, expect, login } from './server';

/**
 * Issue 12 §1 in the real UI: the handler sees no 改派承办人 control and no handler field in 修改案件;
 * the chief reassigns from the case page and the audit log names the old and the new handler.
 */
const shots = path.resolve(import.meta.dirname, '../../out/test-results');

test('only the chief reassigns a case; the handler cannot change it in the case form', async ({ page, server }) => {
  ensureYichangCourts(server.app);
  const zhang = createUser(server.app, { username: 'zhangcb', displayName: '张承办', role: 'staff', password: 'password123' });
  createUser(server.app, { username: 'wangcb', displayName: '王承办', role: 'staff', password: 'password123' });
  createUser(server.app, { username: 'lijz', displayName: '李局长', role: 'chief', password: 'password123' });
  const now = new Date().toISOString();
  const caseId = Number(
    server.app.sqlite
      .prepare(
        `INSERT INTO cases (case_no, year, court_code, type_code, seq, filed_on, handler_id, created_at, updated_at)
         VALUES ('（2025）鄂0505执601号', 2025, '鄂0505', '执', 601, '2025-03-01', ?, ?, ?)`,
      )
      .run(zhang.id, now, now).lastInsertRowid,
  );
  const handler = () => (server.app.sqlite.prepare('SELECT u.display_name AS n FROM cases c JOIN users u ON u.id = c.handler_id WHERE c.id = ?').get(caseId) as { n: string }).n;

  await login(page, server.url, 'zhangcb', 'password123');
  await page.goto(`${server.url}#/ledger/case/${caseId}`);
  await expect(page.getByTestId('case-title')).toHaveText('（2025）鄂0505执601号');
  await expect(page.getByTestId('reassign-case')).toHaveCount(0);
  await page.getByTestId('edit-case').click();
  const form = page.getByRole('dialog');
  await expect(form.getByLabel('承办人')).toHaveValue('张承办');
  await expect(form.getByLabel('承办人')).toHaveAttribute('readonly', '');
  await page.keyboard.press('Escape');
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();

  await login(page, server.url, 'lijz', 'password123');
  await page.goto(`${server.url}#/ledger/case/${caseId}`);
  await page.getByTestId('reassign-case').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('新承办人').click();
  await page.getByRole('option', { name: '王承办' }).click();
  await dialog.getByLabel('改派原因').fill('工作调整');
  await page.screenshot({ path: path.join(shots, 'ledger-reassign.png') });
  await dialog.getByTestId('reassign-submit').click();
  await expect(dialog).toHaveCount(0);
  expect(handler()).toBe('王承办');
  const audit = server.app.sqlite.prepare(`SELECT summary FROM audit_log WHERE call = 'ledger.edit.reassignCase'`).all();
  expect(audit).toEqual([{ summary: '（2025）鄂0505执601号 改派承办人：张承办 → 王承办（工作调整）' }]);
});
