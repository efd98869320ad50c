import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore } from '../../src/core/app';
import { appendAudit, auditHead, verifyAudit } from '../../src/core/audit/audit';
import { testCore, type Caller, type TestCore } from '../support/core';

/**
 * Issue 12 §8: the audit chain. A lone surrogate in one request made `audit verify` fail for the
 * whole log; a chain of plain SHA-256 could be recomputed by anyone who can write the file; the
 * head kept in the same file could be rewound with it. Now text is canonicalised before it is
 * stored and hashed, rows are chained with HMAC under a key outside the database, the head is
 * MACed, and a witness of the highest head seen is kept outside the database too.
 */
let t: TestCore;
let admin: Caller;
beforeEach(async () => {
  t = testCore();
  admin = t.as('admin', '管理员');
  for (let i = 0; i < 5; i++) await admin.run('users.add', { username: `user${i}`, displayName: `用户${i}`, role: 'staff', password: 'password123' });
});
afterEach(() => t.cleanup());

type Row = { id: number; at: string; user_id: number | null; user_name: string; call: string; record_type: string | null; record_id: string | null; summary: string; prev_hash: string; hash: string };
const rows = () => t.app.sqlite.prepare('SELECT * FROM audit_log ORDER BY id').all() as Row[];
const plainHash = (r: Omit<Row, 'hash'>) =>
  createHash('sha256').update(JSON.stringify([r.id, r.at, r.user_id, r.user_name, r.call, r.record_type, r.record_id, r.summary, r.prev_hash])).digest('hex');

/** What an attacker with write access to desk.sqlite (but not to the key) can do: rewrite and re-chain. */
function recomputeChain() {
  let prev = '0'.repeat(64);
  for (const r of rows()) {
    const hash = plainHash({ ...r, prev_hash: prev });
    t.app.sqlite.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?').run(prev, hash, r.id);
    prev = hash;
  }
  const last = rows().at(-1)!;
  t.app.sqlite.prepare("UPDATE settings SET value = ? WHERE key = 'audit.head'").run(JSON.stringify({ id: last.id, hash: last.hash }));
}

describe('audit chain', () => {
  it('one ordinary request carrying a lone surrogate leaves the log verifiable', async () => {
    // 保存法院 writes the name as typed into the audit summary.
    const r = await admin.call('courts.save', { courtCode: '鄂0599', courtName: `测试\uD800法院`, level: '基层', parentCode: '鄂05', active: true });
    expect(r.ok).toBe(true);
    expect(verifyAudit(t.app)).toMatchObject({ ok: true, firstBad: null });
  });

  it('a summary cut at its length limit inside a surrogate pair still verifies', async () => {
    t.app.sqlite.transaction(() =>
      appendAudit(t.app, { userId: null, userName: '测试', call: 'settings.update', summary: `${'长'.repeat(499)}😀😀` }),
    )();
    expect(verifyAudit(t.app)).toMatchObject({ ok: true, firstBad: null });
  });

  it('an altered row whose chain was recomputed without the key is detected', () => {
    t.app.sqlite.prepare("UPDATE audit_log SET summary = '伪造' WHERE id = 3").run();
    recomputeChain();
    expect(verifyAudit(t.app)).toMatchObject({ ok: false });
  });

  it('rows cut off the end with the head moved back are detected', () => {
    const keep = rows()[2]!;
    t.app.sqlite.prepare('DELETE FROM audit_log WHERE id > 3').run();
    t.app.sqlite.prepare("UPDATE settings SET value = ? WHERE key = 'audit.head'").run(JSON.stringify({ ...JSON.parse((t.app.sqlite.prepare("SELECT value FROM settings WHERE key = 'audit.head'").get() as { value: string }).value), id: keep.id, hash: keep.hash }));
    expect(verifyAudit(t.app)).toMatchObject({ ok: false });
  });

  it('a database file put back to an older copy (rewound log) is detected', async () => {
    t.app.close();
    const old = path.join(t.dir, 'old-copy.sqlite');
    fs.copyFileSync(path.join(t.dir, 'desk.sqlite'), old);
    let app = openCore({ dataDir: t.dir });
    app.sessions.bind('s', admin.user.id);
    const { dispatch } = await import('../../src/core/api/dispatch');
    expect((await dispatch(app, 's', 'users.add', { username: 'later', displayName: '之后', role: 'staff', password: 'password123' })).ok).toBe(true);
    app.close();
    for (const s of ['', '-wal', '-shm']) fs.rmSync(path.join(t.dir, `desk.sqlite${s}`), { force: true });
    fs.copyFileSync(old, path.join(t.dir, 'desk.sqlite'));
    app = openCore({ dataDir: t.dir });
    try {
      expect(verifyAudit(app)).toMatchObject({ ok: false, firstBad: { reason: expect.stringContaining('回退') } });
    } finally {
      app.close();
    }
    t.app = openCore({ dataDir: t.dir });
  });

  it('a log written before the key existed keeps verifying, and is keyed from then on (migration)', async () => {
    // Make the log look like one written by the previous version: plain SHA-256, no key, no marker.
    t.app.close();
    fs.rmSync(path.join(t.dir, 'keys', 'audit'), { recursive: true, force: true });
    const raw = new Database(path.join(t.dir, 'desk.sqlite'));
    raw.prepare("DELETE FROM settings WHERE key IN ('audit.keyedFrom', 'audit.head')").run();
    let prev = '0'.repeat(64);
    for (const r of raw.prepare('SELECT * FROM audit_log ORDER BY id').all() as Row[]) {
      const hash = plainHash({ ...r, prev_hash: prev });
      raw.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?').run(prev, hash, r.id);
      prev = hash;
    }
    const legacy = (raw.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    raw.prepare("INSERT INTO settings (key, value) VALUES ('audit.head', ?)").run(JSON.stringify({ id: legacy, hash: prev }));
    raw.close();
    t.app = openCore({ dataDir: t.dir });
    t.app.sessions.bind('s', admin.user.id);
    const { dispatch } = await import('../../src/core/api/dispatch');
    expect((await dispatch(t.app, 's', 'users.add', { username: 'afterkey', displayName: '启用密钥后', role: 'staff', password: 'password123' })).ok).toBe(true);
    expect(verifyAudit(t.app)).toMatchObject({ ok: true });
    const marker = rows().find((r) => r.call === 'audit.rekey');
    expect(marker?.id).toBe(legacy + 1);
    // From the marker on, a recomputed plain chain no longer passes.
    t.app.sqlite.prepare("UPDATE audit_log SET summary = '伪造' WHERE id = ?").run(legacy + 2);
    recomputeChain();
    expect(verifyAudit(t.app).ok).toBe(false);
  });

  it('the head names the last row and carries a MAC', () => {
    const head = auditHead(t.app);
    const last = rows().at(-1)!;
    expect(head).toMatchObject({ id: last.id, hash: last.hash });
    expect(head.mac).toMatch(/^[0-9a-f]{64}$/);
  });
});
