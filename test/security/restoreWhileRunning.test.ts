import fs from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openCore, type CoreApp } from '../../src/core/app';
import { backupTo, restoreFrom } from '../../src/core/db/backup';
import { listUsers } from '../../src/core/auth/users';
import { verifyAudit } from '../../src/core/audit/audit';
import { testCore, tempDir } from '../support/core';
import { runCli, spawnTs } from '../support/child';

/**
 * Issue 12 §7: restoring while a host (desktop window, browser mode, a long CLI command) holds the
 * data folder silently lost that host's later writes. Restore now refuses while any host holds the
 * folder, no host opens it while a restore runs, and the restore is written to the audit log.
 */
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

async function withBackup() {
  const t = testCore();
  dirs.push(t.dir);
  const admin = t.as('admin');
  await admin.run('users.add', { username: 'before', displayName: '备份前', role: 'staff', password: 'password123' });
  const out = path.join(tempDir(), 'backup.sqlite');
  dirs.push(path.dirname(out));
  await backupTo(t.app, out);
  return { t, admin, out };
}

it('refuses while a host in this process holds the folder, and keeps every write of that host', async () => {
  const { t, admin, out } = await withBackup();
  expect(() => restoreFrom(t.dir, out)).toThrow(/正在使用/);
  await admin.run('users.add', { username: 'after', displayName: '备份后', role: 'staff', password: 'password123' });
  expect(listUsers(t.app).map((u) => u.username)).toContain('after');
  t.app.close();
  // With every host closed the restore goes ahead.
  restoreFrom(t.dir, out);
  const app = openCore({ dataDir: t.dir });
  expect(listUsers(app).map((u) => u.username)).not.toContain('after');
  app.close();
});

it('refuses while another process (browser mode) holds the folder; a killed host does not block for ever', async () => {
  const { t, out } = await withBackup();
  t.app.close();
  const host = spawnTs('test/support/holdChild.ts', [t.dir]);
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => host.stdout().includes('holding') && (clearInterval(timer), resolve()), 50);
    void host.exited.then(() => reject(new Error(host.stderr())));
  });
  const refused = await runCli(['--data', t.dir, 'restore', out]);
  expect(refused.code).not.toBe(0);
  expect(refused.stderr + refused.stdout).toMatch(/正在使用.*进程 \d+/);
  host.proc.kill('SIGKILL');
  await host.exited;
  // The killed host's mark is recognised as stale: the restore now proceeds.
  const done = await runCli(['--data', t.dir, 'restore', out]);
  expect(done.stderr).toBe('');
  expect(done.code).toBe(0);
});

it('no host opens the folder while a restore holds it', async () => {
  const { t } = await withBackup();
  t.app.close();
  fs.writeFileSync(path.join(t.dir, 'restore.lock'), JSON.stringify({ pid: process.ppid, host: (await import('node:os')).hostname(), at: new Date().toISOString() }));
  expect(() => openCore({ dataDir: t.dir })).toThrow(/正在从备份恢复/);
  fs.rmSync(path.join(t.dir, 'restore.lock'));
  openCore({ dataDir: t.dir }).close();
});

it('the restore is audited in the restored log, which still verifies', async () => {
  const { t, out } = await withBackup();
  t.app.close();
  restoreFrom(t.dir, out, { by: '命令行（测试）' });
  const app: CoreApp = openCore({ dataDir: t.dir });
  try {
    const last = app.sqlite.prepare('SELECT user_name, call, summary FROM audit_log ORDER BY id DESC LIMIT 1').get() as { user_name: string; call: string; summary: string };
    expect(last).toMatchObject({ call: 'backup.restore', user_name: '命令行（测试）' });
    expect(last.summary).toContain('backup.sqlite');
    expect(last.summary).toContain('恢复前的数据库另存于');
    expect(verifyAudit(app).ok).toBe(true);
  } finally {
    app.close();
  }
});
