import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { expect, it } from 'vitest';
import { createCanvas } from '@napi-rs/canvas';
import { openCore } from '../app';
import { createUser } from '../auth/users';
import { tempDir } from '../../../test/support/core';
import { seedCase } from '../../../test/support/efiles';
import { blobPath, hashFile, sweepStore } from './store';

/**
 * Kill the process during an import (issue 5, "Bad input and faults"): a child process imports
 * many files; it is killed with SIGKILL part-way. Afterwards no row may point to a missing or
 * altered file, and the sweep must leave exactly the blobs that rows name (no orphans, no temp files).
 */
it('an import killed mid-way leaves no row without its file, and the sweep removes files without rows', async () => {
  const dir = tempDir('xdesk-kill-');
  const src = tempDir('xdesk-kill-src-');
  try {
    // Files big enough that the kill often lands inside a copy: noisy PNG scans of ~1 MB each.
    const canvas = createCanvas(600, 600);
    const g = canvas.getContext('2d');
    const img = g.createImageData(600, 600);
    for (let i = 0; i < img.data.length; i++) img.data[i] = (Math.random() * 256) | 0;
    for (let n = 0; n < 40; n++) {
      img.data[n] = 255 - img.data[n]!;
      g.putImageData(img, 0, 0);
      fs.writeFileSync(path.join(src, `扫描件-${String(n).padStart(2, '0')}.png`), canvas.toBuffer('image/png'));
    }
    let app = openCore({ dataDir: dir });
    const u = createUser(app, { username: 'zhang', displayName: '张承办', role: 'staff', password: 'password123' });
    const c = seedCase(app, u.id);
    app.close();

    const require = createRequire(import.meta.url);
    const tsx = require.resolve('tsx');
    const child = spawn(process.execPath, ['--import', tsx, path.resolve(import.meta.dirname, '../../../test/support/efilesKillChild.ts'), dir, src, String(u.id), String(c.id)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let imported = 0;
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, sig) => resolve(sig ?? code)));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        imported += (d.toString().match(/^imported /gm) ?? []).length;
        // Kill a little after the 5th file, at a moment not aligned with the file boundaries.
        if (imported >= 5) setTimeout(resolve, 7 + Math.random() * 20);
      });
      void exited.then(() => reject(new Error(`child ended before it was killed: ${stderr}`)));
    });
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    app = openCore({ dataDir: dir });
    try {
      const rows = app.sqlite.prepare('SELECT sha256 FROM efile_documents').all() as { sha256: string }[];
      expect(rows.length).toBeGreaterThanOrEqual(5);
      expect(rows.length).toBeLessThan(40);
      for (const r of rows) {
        const p = blobPath(app, r.sha256);
        expect(fs.existsSync(p), `row points to a missing file ${r.sha256}`).toBe(true);
        expect((await hashFile(p)).sha256).toBe(r.sha256);
      }
      expect((app.sqlite.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check).toBe('ok');

      sweepStore(app, { graceMs: 0 });
      const blobsDir = path.join(dir, 'efiles', 'blobs');
      const onDisk = fs.readdirSync(blobsDir).flatMap((d) => fs.readdirSync(path.join(blobsDir, d))).sort();
      expect(onDisk).toEqual([...new Set(rows.map((r) => r.sha256))].sort());
      const tmp = path.join(dir, 'efiles', 'tmp');
      expect(fs.existsSync(tmp) ? fs.readdirSync(tmp) : []).toEqual([]);
    } finally {
      app.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(src, { recursive: true, force: true });
  }
}, 90_000);
