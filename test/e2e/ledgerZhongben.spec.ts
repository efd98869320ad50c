import path from 'node:path';
import { createUser } from '../../src/core/auth/users';
import { ensureYichangCourts } from '../support/yichangCourts';
import { test, expect, login } from './server';

/**
 * Issue 11 §5 in the real form: closing a case as 终本 asks for its 民诉法解释517 basis, and within three
 * months of 立案 the save is held with the 终本规定 warning until the handler confirms it.
 */
const shots = path.resolve(import.meta.dirname, '../../out/test-results');
const daysAgo = (days: number) => new Date(Date.now() + 8 * 3_600_000 - days * 86_400_000).toISOString().slice(0, 10);

test('终本 within three months of 立案: the basis is asked, the warning is shown and confirmed, then saved', async ({ page, server }) => {
  ensureYichangCourts(server.app);
  const zhang = createUser(server.app, { username: 'zhangcb', displayName: '张承办', role: 'staff', password: 'password123' });
  const now = new Date().toISOString();
  const caseId = Number(
    server.app.sqlite
      .prepare(
        `INSERT INTO cases (case_no, year, court_code, type_code, seq, application_received_on, filed_on, handler_id, created_at, updated_at)
         VALUES ('（2025）鄂0505执777号', 2025, '鄂0505', '执', 777, ?, ?, ?, ?, ?)`,
      )
      .run(daysAgo(22), daysAgo(20), zhang.id, now, now).lastInsertRowid,
  );
  const stored = () => server.app.sqlite.prepare('SELECT closure_type AS type, zhongben_basis AS basis FROM cases WHERE id = ?').get(caseId);

  await login(page, server.url, 'zhangcb', 'password123');
  await page.goto(`${server.url}#/ledger/case/${caseId}`);
  await page.getByTestId('edit-case').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('结案日期').fill(daysAgo(0));
  await dialog.getByRole('combobox', { name: '结案方式' }).click();
  await page.getByRole('option', { name: '终结本次执行程序' }).click();
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toContainText('第五百一十七条');
  await dialog.getByRole('combobox', { name: '终本依据' }).click();
  await page.getByRole('option', { name: '合议庭评议并经院长批准' }).click();
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByTestId('confirm-early-zhongben')).toBeVisible();
  await expect(dialog).toContainText('未超过三个月');
  await page.screenshot({ path: path.join(shots, 'ledger-zhongben-warning.png') });
  expect(stored()).toEqual({ type: null, basis: null });
  await dialog.getByLabel('已核对：立案未满三个月仍以终本结案').check();
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toHaveCount(0);
  expect(stored()).toEqual({ type: '终结本次执行程序', basis: '合议庭评议并经院长批准' });
  await expect(page.getByText('终本依据：合议庭评议并经院长批准')).toBeVisible();
});
