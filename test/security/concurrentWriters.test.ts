import fs from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openCore } from '../../src/core/app';
import { createUser } from '../../src/core/auth/users';
import { verifyAudit } from '../../src/core/audit/audit';
import { tempDir } from '../support/core';
import { seedCase } from '../support/efiles';
import { spawnTs } from '../support/child';

/**
 * Issue 12 §9: several hosts write to one data folder at once — two CLI imports, an e-file import
 * and a browser-mode server with several clients — for a bounded time (XDESK_WRITERS_MS, 6 s here;
 * `npm run test:kill` runs the full minute). Every write must succeed (a writer waits its turn on
 * busy_timeout instead of failing with SQLITE_BUSY as “内部错误”), and no blob may lack its row.
 */
let dir: string;
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const MS = Number(process.env.XDESK_WRITERS_MS ?? 6000);

it('two CLI imports, an e-file import and HTTP writers at once: 0 failed writes, 0 blobs without rows', async () => {
  dir = tempDir('xdesk-writers-');
  let app = openCore({ dataDir: dir });
  const staff = createUser(app, { username: 'zhang', displayName: '张承办', role: 'staff', password: 'password123' });
  const c = seedCase(app, staff.id);
  app.close();

  const children = [
    spawnTs('test/support/writersChild.ts', ['import', dir, String(MS), '2001']),
    spawnTs('test/support/writersChild.ts', ['import', dir, String(MS), '2401']),
    spawnTs('test/support/writersChild.ts', ['efile', dir, String(MS), String(staff.id), String(c.id)]),
    spawnTs('test/support/writersChild.ts', ['http', dir, String(MS), 'zhang', 'password123', String(c.id), '4']),
  ];
  const results = [];
  for (const child of children) {
    const code = await child.exited;
    const line = /^RESULT (.*)$/m.exec(child.stdout())?.[1];
    expect(line, `writer ended without a result (${code}): ${child.stderr().slice(-2000)}`).toBeTruthy();
    results.push(JSON.parse(line!) as { ok: number; failed: number; errors: string[] });
  }
  for (const r of results) {
    expect(r.errors).toEqual([]);
    expect(r.failed).toBe(0);
    expect(r.ok).toBeGreaterThan(0);
  }

  app = openCore({ dataDir: dir });
  try {
    expect(app.sqlite.pragma('quick_check', { simple: true })).toBe('ok');
    expect(verifyAudit(app).ok).toBe(true);
    const rows = new Set((app.sqlite.prepare('SELECT sha256 FROM efile_documents').all() as { sha256: string }[]).map((r) => r.sha256));
    const blobsDir = path.join(dir, 'efiles', 'blobs');
    const blobs = fs.readdirSync(blobsDir).flatMap((d) => fs.readdirSync(path.join(blobsDir, d)));
    expect(blobs.filter((b) => !rows.has(b))).toEqual([]);
    expect(rows.size).toBe(results[2]!.ok);
  } finally {
    app.close();
  }
}, 120_000);
