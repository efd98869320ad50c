import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../../src/core/audit/audit';
import { testCore, type TestCore } from '../../support/core';

let t: TestCore;
beforeEach(async () => {
  t = testCore();
  const admin = t.as('admin');
  for (let i = 0; i < 6; i++) {
    await admin.run('users.add', { username: `user${i}`, displayName: `用户${i}`, role: 'staff', password: 'password123' });
  }
});
afterEach(() => t.cleanup());

const ids = () => (t.app.sqlite.prepare('SELECT id FROM audit_log ORDER BY id').all() as { id: number }[]).map((r) => r.id);

describe('the hash-chained audit log', () => {
  it('verifies an untouched log', () => {
    expect(verifyAudit(t.app)).toMatchObject({ ok: true, count: 6, firstBad: null });
  });

  it('detects an alteration of any column of any row, naming that row', () => {
    for (const id of ids()) {
      for (const col of ['summary', 'user_name', 'at', 'call', 'record_id']) {
        const orig = t.app.sqlite.prepare(`SELECT ${col} AS v FROM audit_log WHERE id = ?`).get(id) as { v: string };
        t.app.sqlite.prepare(`UPDATE audit_log SET ${col} = ? WHERE id = ?`).run(`${orig.v}x`, id);
        expect(verifyAudit(t.app).firstBad?.id, `${col} of row ${id}`).toBe(id);
        t.app.sqlite.prepare(`UPDATE audit_log SET ${col} = ? WHERE id = ?`).run(orig.v, id);
      }
    }
    expect(verifyAudit(t.app).ok).toBe(true);
  });

  it('detects a removed row in the middle and at the end', () => {
    t.app.sqlite.prepare('DELETE FROM audit_log WHERE id = 3').run();
    expect(verifyAudit(t.app)).toMatchObject({ ok: false, firstBad: { id: 3 } });
    const t2 = t;
    t2.app.sqlite.prepare('DELETE FROM audit_log WHERE id > 2').run();
    expect(verifyAudit(t2.app)).toMatchObject({ ok: false, firstBad: { id: 3, reason: expect.stringContaining('删除') } });
  });

  it('detects a row rewritten with a recomputed hash (its successor no longer links)', () => {
    t.app.sqlite.prepare("UPDATE audit_log SET summary = '伪造', hash = 'f'||substr(hash, 2) WHERE id = 2").run();
    expect(verifyAudit(t.app).firstBad?.id).toBe(2);
  });

  it('`xdesk audit verify` reports the first altered row and exits non-zero', () => {
    t.app.sqlite.prepare("UPDATE audit_log SET summary = '篡改' WHERE id = 4").run();
    const root = path.resolve(import.meta.dirname, '../../..');
    const r = spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'src/cli/main.ts', '--data', t.dir, 'audit', 'verify', '--json'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(r.status).toBe(3);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, firstBad: { id: 4 } });
  });
});
