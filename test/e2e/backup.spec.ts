import fs from 'node:fs';
import path from 'node:path';
import { createUser } from '../../src/core/auth/users';
import { test, expect, login } from './server';

/**
 * Issue 14 §11: backup and restore are reachable from 设置 for the administrator, saying what a
 * backup holds; other roles do not see the tab.
 */
test('the administrator makes a whole backup from 设置 → 备份与恢复 and sees what it holds and how to restore it', async ({ page, server }) => {
  createUser(server.app, { username: 'admin2', displayName: '陈管理', role: 'admin', password: 'password123' });
  createUser(server.app, { username: 'zhang', displayName: '张承办', role: 'staff', password: 'password123' });
  const nav = page.getByRole('navigation', { name: '主导航' });

  await login(page, server.url, 'zhang', 'password123');
  await nav.getByText('设置').click();
  await expect(page.getByRole('heading', { name: '设置' })).toBeVisible();
  await expect(page.getByRole('tab', { name: '备份与恢复' })).toHaveCount(0);
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();

  await login(page, server.url, 'admin2', 'password123');
  await nav.getByText('设置').click();
  await page.getByRole('tab', { name: '备份与恢复' }).click();
  await expect(page.getByText('尚无完整备份')).toBeVisible();
  await page.getByRole('button', { name: '立即完整备份' }).click();
  const table = page.getByTestId('backups-table');
  await expect(table).toContainText('完整备份-');
  await expect(table).toContainText('数据库（台账、审批、周报、用户、设置、审计日志）');
  await expect(table).toContainText('电子卷宗文件');
  await expect(table).toContainText('审计日志密钥');
  await expect(page.getByTestId('restore-command')).toContainText(`restore ${path.join(server.dir, 'backups', '完整备份-')}`);
  await page.screenshot({ path: 'test-results/backup-settings.png', fullPage: true });

  const made = fs.readdirSync(path.join(server.dir, 'backups')).filter((n) => n.startsWith('完整备份-'));
  expect(made).toHaveLength(1);
  expect(fs.existsSync(path.join(server.dir, 'backups', made[0]!, 'backup.json'))).toBe(true);
  const audit = server.app.sqlite.prepare("SELECT summary FROM audit_log WHERE call = 'backup.create'").get() as { summary: string };
  expect(audit.summary).toContain('完整备份到');
});
