import { createUser } from '../../src/core/auth/users';
import { test, expect, login } from './server';

test('first run: the administrator is created in the UI and lands in the app', async ({ page, server }) => {
  await page.goto(server.url);
  await expect(page.getByText('首次使用：创建管理员账户')).toBeVisible();
  await page.getByLabel('姓名').fill('陈管理');
  await page.getByLabel('密码', { exact: true }).fill('short');
  await page.getByLabel('确认密码').fill('short');
  await page.getByLabel(/同时载入演示数据/).uncheck();
  await page.getByRole('button', { name: '创建管理员并进入' }).click();
  await expect(page.getByText('密码至少 8 位')).toBeVisible();
  await page.getByLabel('密码', { exact: true }).fill('secret-123');
  await page.getByLabel('确认密码').fill('secret-123');
  await page.getByRole('button', { name: '创建管理员并进入' }).click();
  await expect(page.getByTestId('user-menu')).toContainText('陈管理（管理员）');
  await expect(page.getByTestId('court-badge')).toContainText('鄂0505');
  const row = server.app.sqlite.prepare("SELECT role FROM users WHERE username = 'admin'").get();
  expect(row).toEqual({ role: 'admin' });
});

test('wrong password shows a readable message; five lock the account', async ({ page, server }) => {
  createUser(server.app, { username: 'zhang', displayName: '张承办', role: 'staff', password: 'password123' });
  await page.goto(server.url);
  await page.getByLabel('用户名').fill('zhang');
  for (let i = 1; i <= 4; i++) {
    await page.getByLabel('密码').fill(`wrong-${i}`);
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByRole('alert')).toContainText('用户名或密码错误（同一账户连续输错 5 次将锁定 5 分钟）');
  }
  // The fifth locks the account; only the right password learns that (the answer does not tell a guesser).
  await page.getByLabel('密码').fill('wrong-5');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('alert')).toContainText('用户名或密码错误');
  await page.getByLabel('密码').fill('password123');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('alert')).toContainText('账户已锁定');
});

test('navigation follows the role, and logout returns to the login page', async ({ page, server }) => {
  createUser(server.app, { username: 'zhang', displayName: '张承办', role: 'staff', password: 'password123' });
  createUser(server.app, { username: 'wang', displayName: '王局长', role: 'chief', password: 'password123' });
  const nav = page.getByRole('navigation', { name: '主导航' });

  await login(page, server.url, 'zhang', 'password123');
  await expect(nav.getByText('台账')).toBeVisible();
  await expect(nav.getByText('审计日志')).toHaveCount(0);
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();

  await login(page, server.url, 'wang', 'password123');
  await nav.getByText('审计日志').click();
  await expect(page.getByRole('heading', { name: '审计日志' })).toBeVisible();
  await expect(page.getByText('张承办 退出登录')).toBeVisible();
  await page.getByRole('button', { name: '校验完整性' }).click();
  await expect(page.getByTestId('audit-verdict')).toContainText('校验通过');
});

test('a sign-in starts at 工作台, and a page opened right after signing in stays open', async ({ page, server }) => {
  createUser(server.app, { username: 'zhang', displayName: '张承办', role: 'staff', password: 'password123' });
  createUser(server.app, { username: 'wang', displayName: '王局长', role: 'chief', password: 'password123' });
  const nav = page.getByRole('navigation', { name: '主导航' });

  // zhang leaves the app on 设置; the address keeps #/settings behind the login page.
  await login(page, server.url, 'zhang', 'password123');
  await nav.getByText('设置').click();
  await expect(page.getByRole('heading', { name: '设置' })).toBeVisible();
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
  expect(new URL(page.url()).hash).toBe('#/settings');

  // wang signs in on the same page: he starts at 工作台, not on zhang's page.
  await page.getByLabel('用户名').fill('wang');
  await page.getByLabel('密码').fill('password123');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('user-menu')).toBeVisible();
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
  expect(new URL(page.url()).hash).toBe('#/');

  // A page opened the moment the shell appears is not replaced by the landing afterwards (the
  // address again holds another page when he signs in).
  await nav.getByText('设置').click();
  await expect(page.getByRole('heading', { name: '设置' })).toBeVisible();
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await page.getByLabel('用户名').fill('wang');
  await page.getByLabel('密码').fill('password123');
  await page.getByRole('button', { name: '登录' }).click();
  await nav.getByText('审计日志').click();
  await expect(page.getByRole('heading', { name: '审计日志' })).toBeVisible();
  await page.waitForTimeout(1500);
  await expect(page.getByRole('heading', { name: '审计日志' })).toBeVisible();
  expect(new URL(page.url()).hash).toBe('#/audit');

  // Reloading keeps the page: only a sign-in lands on 工作台.
  await page.reload();
  await expect(page.getByRole('heading', { name: '审计日志' })).toBeVisible();
});

test('the server refuses what the UI hides: a staff member cannot list users', async ({ page, server }) => {
  createUser(server.app, { username: 'zhang', displayName: '张承办', role: 'staff', password: 'password123' });
  await login(page, server.url, 'zhang', 'password123');
  const result = await page.evaluate(async () => {
    const { csrf } = (await (await fetch('/api/csrf')).json()).value;
    const r = await fetch('/api/call/users.list', { method: 'POST', headers: { 'X-CSRF-Token': csrf, 'Content-Type': 'application/json' }, body: '{}' });
    return r.json();
  });
  expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
});
