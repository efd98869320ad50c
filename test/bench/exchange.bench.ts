import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import type { Bench, BenchResult } from './harness';

const TOTAL = Number(process.env.XDESK_BENCH_EXCHANGE_BYTES ?? 2 * 2 ** 30);
const FILE = 32 * 2 ** 20;
const root = path.resolve(import.meta.dirname, '../..');

/**
 * Upward package (issue 7): export 2 GB of documents (64 × 32 MB incompressible files, as PDFs and
 * scans are) — throughput ≥ 60% of `zip -0` on the same files, peak RSS < 250 MB (measured in a
 * child process); verification ≥ 60% of `sha256sum` over the same bytes. The scratch lives under
 * /tmp and is deleted afterwards. Files are in the page cache for both sides (each side reads them once before).
 */
export const exchangeBench: Bench = {
  name: `exchange: upward package export/verify (${(TOTAL / 2 ** 30).toFixed(1)} GB)`,
  run: async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xdesk-bench-exchange-'));
    try {
      const src = path.join(dir, 'docs');
      fs.mkdirSync(src);
      for (let i = 0; i < TOTAL / FILE; i++) execFileSync('sh', ['-c', `head -c ${FILE} /dev/urandom > ${path.join(src, `doc-${String(i).padStart(3, '0')}.pdf`)}`]);
      const time = (fn: () => void) => {
        const t = performance.now();
        fn();
        return performance.now() - t;
      };
      time(() => execFileSync('cat', ['-'], { input: '' })); // warm-up of spawn
      execFileSync('sh', ['-c', `cat ${src}/* > /dev/null`]);
      const zipMs = time(() => execFileSync('zip', ['-0', '-q', '-r', path.join(dir, 'baseline.zip'), '.'], { cwd: src }));
      fs.rmSync(path.join(dir, 'baseline.zip'));
      const child = (...args: string[]) => {
        const r = spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'test/bench/exchangeChild.ts', ...args], { cwd: root, encoding: 'utf8' });
        if (r.status !== 0) throw new Error(r.stderr);
        return JSON.parse(r.stdout.trim().split('\n').pop()!) as { ms: number; bytes: number; maxRssBytes: number };
      };
      const out = path.join(dir, 'package.zip');
      const w = child('write', src, out);
      const shaMs = time(() => execFileSync('sh', ['-c', `sha256sum ${src}/* > /dev/null`]));
      const v = child('verify', out);
      const gbs = (bytes: number, ms: number) => `${(bytes / 2 ** 20 / (ms / 1000)).toFixed(0)} MB/s`;
      const exportRatio = zipMs / w.ms;
      const verifyRatio = shaMs / v.ms;
      const rows: BenchResult[] = [
        { name: 'export throughput', figure: `${gbs(TOTAL, w.ms)} (${(w.ms / 1000).toFixed(1)} s)`, baseline: `zip -0 ${gbs(TOTAL, zipMs)}`, ratio: `${(exportRatio * 100).toFixed(0)}%`, target: '≥ 60%', pass: exportRatio >= 0.6 },
        { name: 'export peak RSS (child)', figure: `${(w.maxRssBytes / 2 ** 20).toFixed(0)} MB`, target: '< 250 MB', pass: w.maxRssBytes < 250 * 2 ** 20 },
        { name: 'verify throughput', figure: `${gbs(TOTAL, v.ms)} (${(v.ms / 1000).toFixed(1)} s)`, baseline: `sha256sum ${gbs(TOTAL, shaMs)}`, ratio: `${(verifyRatio * 100).toFixed(0)}%`, target: '≥ 60%', pass: verifyRatio >= 0.6 },
        { name: 'verify peak RSS (child)', figure: `${(v.maxRssBytes / 2 ** 20).toFixed(0)} MB`, target: '< 250 MB', pass: v.maxRssBytes < 250 * 2 ** 20 },
      ];
      return rows;
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
