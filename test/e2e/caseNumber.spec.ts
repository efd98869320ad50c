import path from 'node:path';
import { createUser } from '../../src/core/auth/users';
import { test, expect, login } from './server';

/**
 * 案号 in the UI (issue 11 item 7): an old 终本 case entered under its pre-2016 number, the soft warning
 * when the 案号 year and 立案日期 disagree (shown while typing, never a refusal), a leading 0 matching a
 * case already in the ledger refused beside the field, and the notice on a case an upgraded database
 * found sharing its number with another.
 */
const shots = path.resolve(import.meta.dirname, '../../out/test-results');

test('a clerk enters an old case number; year and 立案日期 disagreeing warns; 执0170号 is the same case as 执170号', async ({ page, server }) => {
  createUser(server.app, { username: 'lishu', displayName: '李书记员', role: 'clerk', password: 'password123' });
  const db = server.app.sqlite;
  const now = new Date().toISOString();
  db.prepare(`INSERT INTO cases (case_no, year, court_code, type_code, seq, created_at, updated_at) VALUES ('（2025）鄂0505执170号', 2025, '鄂0505', '执', 170, ?, ?)`).run(now, now);

  await login(page, server.url, 'lishu', 'password123');
  await page.goto(`${server.url}#/ledger`);
  await page.getByTestId('new-case').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('案号').fill('(2014)宜猇执字第00045号');
  await dialog.getByLabel('立案日期').fill('2015-01-05');
  await expect(dialog.getByTestId('caseno-warning')).toHaveText('立案日期（2015-01-05）与案号年度（2014）不一致，请核对');
  await page.screenshot({ path: path.join(shots, 'case-number-warning.png') });
  await dialog.getByRole('button', { name: '新建案件' }).click();
  await expect(page.getByTestId('case-title')).toHaveText('（2014）宜猇执字第00045号');
  expect(db.prepare(`SELECT court_code AS c FROM cases WHERE case_no = '（2014）宜猇执字第00045号'`).get()).toEqual({ c: '鄂0505' });

  // The same number as a case in the ledger, with a leading 0: refused beside the field, nothing written.
  await page.goto(`${server.url}#/ledger`);
  await page.getByTestId('new-case').click();
  await dialog.getByLabel('案号').fill('（2025）鄂0505执0170号');
  await expect(dialog.getByTestId('caseno-warning')).toContainText('案件编号前的 0 不属于案号');
  await dialog.getByRole('button', { name: '新建案件' }).click();
  await expect(dialog).toContainText('（2025）鄂0505执170号 已在台账中');
  expect(db.prepare('SELECT count(*) AS n FROM cases').get()).toEqual({ n: 2 });
});

test('a case an upgraded database found sharing its number says so on its page', async ({ page, server }) => {
  createUser(server.app, { username: 'lijz', displayName: '李局长', role: 'chief', password: 'password123' });
  const db = server.app.sqlite;
  const now = new Date().toISOString();
  const first = Number(db.prepare(`INSERT INTO cases (case_no, year, court_code, type_code, seq, created_at, updated_at) VALUES ('（2025）鄂0505执0171号', 2025, '鄂0505', '执', 171, ?, ?)`).run(now, now).lastInsertRowid);
  // What ledger/0002 leaves for the later of two spellings in an old database.
  const second = Number(
    db.prepare(`INSERT INTO cases (case_no, year, court_code, type_code, seq, case_no_dup_of, created_at, updated_at) VALUES ('（2025）鄂0505执171号', 2025, '鄂0505', '执', 171, ?, ?, ?)`).run(first, now, now).lastInsertRowid,
  );
  await login(page, server.url, 'lijz', 'password123');
  await page.goto(`${server.url}#/ledger/case/${second}`);
  await expect(page.getByTestId('case-duplicate')).toContainText('本案案号与 （2025）鄂0505执0171号 相同');
  await page.getByTestId('case-duplicate').getByText('（2025）鄂0505执0171号').click();
  await expect(page.getByTestId('case-title')).toHaveText('（2025）鄂0505执0171号');
  await expect(page.getByTestId('case-duplicate')).toHaveCount(0);
});
