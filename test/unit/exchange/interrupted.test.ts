import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../support/core';
import { writeZip } from '../../../src/core/exchange/zipWrite';

/**
 * Issue 7 §5: an interrupted export leaves no half-written file under the final name. The package
 * is written to `<out>.part-…` and renamed only once complete (zipWrite.ts); these tests interrupt it
 * mid-entry in the three ways it happens: the process is killed, the user cancels, a source fails.
 */
let dir: string;
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const slowSource = (chunks: number, onChunk?: (n: number) => void) =>
  Readable.from(
    (async function* () {
      for (let n = 0; n < chunks; n++) {
        onChunk?.(n);
        yield Buffer.alloc(1 << 20, n);
      }
    })(),
  );

describe('interrupted export', () => {
  it('a process killed while writing leaves only the .part temp, never the final name', async () => {
    dir = tempDir('xdesk-zipkill-');
    const out = path.join(dir, '鄂0505_上报包_2025-W10_第1版.zip');
    const tsx = createRequire(import.meta.url).resolve('tsx');
    const child = spawn(process.execPath, ['--import', tsx, path.resolve(import.meta.dirname, '../../support/exchangeKillChild.ts'), out], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, sig) => resolve(sig ?? code)));
    await new Promise<void>((resolve, reject) => {
      let seen = '';
      child.stdout.on('data', (d: Buffer) => {
        seen += d.toString();
        // Kill in the middle of the second entry, several MiB in.
        if (/chunk 8\n/.test(seen)) resolve();
      });
      void exited.then(() => reject(new Error(`child ended before it was killed: ${stderr}`)));
    });
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const left = fs.readdirSync(dir);
    expect(left).not.toContain(path.basename(out));
    // The write really was under way: its temp holds several MiB (removed later by the downloads sweep).
    expect(left).toHaveLength(1);
    expect(left[0]).toMatch(/^鄂0505_上报包_2025-W10_第1版\.zip\.part-[0-9a-f]{12}$/);
    expect(fs.statSync(path.join(dir, left[0]!)).size).toBeGreaterThan(4 << 20);
  }, 60_000);

  it('cancelling mid-entry removes the temp and writes nothing under the final name', async () => {
    dir = tempDir('xdesk-zipcancel-');
    const out = path.join(dir, 'pkg.zip');
    const abort = new AbortController();
    const p = writeZip(out, [{ name: 'volume.pdf', data: { stream: () => slowSource(32, (n) => n === 5 && abort.abort()) } }], { signal: abort.signal });
    await expect(p).rejects.toThrow('导出已取消，未留下不完整的文件');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('a source failing mid-entry (disk error, file removed) removes the temp and leaves no final file', async () => {
    dir = tempDir('xdesk-zipfail-');
    const out = path.join(dir, 'pkg.zip');
    const failing = () =>
      Readable.from(
        (async function* () {
          yield Buffer.alloc(1 << 20, 1);
          yield Buffer.alloc(1 << 20, 2);
          throw new Error('EIO: i/o error, read');
        })(),
      );
    await expect(writeZip(out, [{ name: 'a.pdf', data: { buffer: Buffer.from('%PDF') } }, { name: 'b.pdf', data: { stream: failing } }])).rejects.toThrow('EIO');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('an existing file under the final name survives a failed re-export untouched', async () => {
    dir = tempDir('xdesk-zipkeep-');
    const out = path.join(dir, 'pkg.zip');
    await writeZip(out, [{ name: 'a.pdf', data: { buffer: Buffer.from('%PDF first') } }]);
    const before = fs.readFileSync(out);
    const abort = new AbortController();
    await expect(writeZip(out, [{ name: 'b.pdf', data: { stream: () => slowSource(8, (n) => n === 3 && abort.abort()) } }], { signal: abort.signal })).rejects.toThrow();
    expect(fs.readdirSync(dir)).toEqual(['pkg.zip']);
    expect(fs.readFileSync(out).equals(before)).toBe(true);
  });
});
