import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../../src/core/app';
import { backupTo, restoreFrom } from '../../../src/core/db/backup';
import { listUsers } from '../../../src/core/auth/users';
import { testCore, tempDir } from '../../support/core';

describe('backup and restore', () => {
  it('round-trips: a restore brings back exactly what the backup held, keeping the replaced file', async () => {
    const t = testCore();
    const admin = t.as('admin');
    await admin.run('users.add', { username: 'before', displayName: '备份前', role: 'staff', password: 'password123' });
    const out = path.join(tempDir(), 'backup.sqlite');
    await backupTo(t.app, out);
    await admin.run('users.add', { username: 'after', displayName: '备份后', role: 'staff', password: 'password123' });
    t.app.close();

    const r = restoreFrom(t.dir, out);
    expect(r.previous && fs.existsSync(r.previous)).toBeTruthy();
    const app = openCore({ dataDir: t.dir });
    const names = listUsers(app).map((u) => u.username);
    expect(names).toContain('before');
    expect(names).not.toContain('after');
    app.close();
    fs.rmSync(t.dir, { recursive: true, force: true });
  });

  it('refuses a file that is not one of our backups and leaves the data alone', () => {
    const t = testCore();
    t.as('admin');
    t.app.close();
    const bogus = path.join(tempDir(), 'bogus.sqlite');
    fs.writeFileSync(bogus, 'not a database at all');
    expect(() => restoreFrom(t.dir, bogus)).toThrow(/备份文件无法使用/);
    const app = openCore({ dataDir: t.dir });
    expect(listUsers(app)).toHaveLength(1);
    app.close();
  });
});
