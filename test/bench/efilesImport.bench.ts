import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import type { Bench, BenchResult } from './harness';
import { writeImportFixture } from '../support/scanFixture';

const TOTAL = Number(process.env.XDESK_BENCH_EFILES_IMPORT_BYTES ?? 2 * 2 ** 30);
const ROUNDS = Number(process.env.XDESK_BENCH_EFILES_IMPORT_ROUNDS ?? 2);
const root = path.resolve(import.meta.dirname, '../..');

/**
 * E-file import throughput (issue 5): ~2 GB of scanner output (three large scans of 20/12/8 % of
 * the total, many 1–16 MB scans, JPEG photos; test/support/scanFixture.ts) imported through the
 * core's import path in a child process (efilesImportChild.ts, peak RSS measured there), against
 * `sha256sum` followed by `cp` of the same files in the same run, alternating `ROUNDS` times so both
 * see the same load. Targets: at least half the baseline's speed; peak RSS < 250 MB. Files are in
 * the page cache for both sides. `XDESK_BENCH_EFILES_IMPORT_BYTES` sets a smaller total for a quick
 * run (`…_ROUNDS` the rounds). Run alone: `npx tsx test/bench/run.ts efilesImport`.
 */
export const efilesImportBench: Bench = {
  id: 'efilesImport',
  name: `e-file import throughput (${(TOTAL / 2 ** 30).toFixed(2)} GB, vs sha256sum + cp)`,
  run: async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xdesk-bench-import-'));
    try {
      const src = path.join(dir, 'scanner');
      const files = writeImportFixture(src, TOTAL);
      const bytes = files.reduce((n, f) => n + fs.statSync(f).size, 0);
      execFileSync('cat', files, { stdio: ['ignore', 'ignore', 'inherit'] }); // page cache, for both sides
      const baseline = () => {
        const dest = path.join(dir, 'baseline');
        fs.mkdirSync(dest);
        const t = performance.now();
        execFileSync('sha256sum', files, { stdio: ['ignore', 'ignore', 'inherit'] });
        execFileSync('cp', [...files, dest]);
        const ms = performance.now() - t;
        fs.rmSync(dest, { recursive: true, force: true });
        return ms;
      };
      const child = await bundleChild();
      const ours = () => {
        const r = spawnSync(process.execPath, ['--expose-gc', child, src], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
        if (r.status !== 0) throw new Error(r.stderr);
        return JSON.parse(r.stdout.trim().split('\n').pop()!) as { ms: number; bytes: number; files: number; failed: string[]; maxRssBytes: number; setupRssBytes: number; peakSince: string };
      };
      const base: number[] = [];
      const runs: ReturnType<typeof ours>[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        base.push(baseline());
        runs.push(ours());
      }
      const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
      const mbs = (ms: number) => bytes / 2 ** 20 / (ms / 1000);
      const ourMs = sum(runs.map((r) => r.ms)) / ROUNDS;
      const baseMs = sum(base) / ROUNDS;
      const ratio = baseMs / ourMs;
      const peak = Math.max(...runs.map((r) => r.maxRssBytes));
      const failed = runs.flatMap((r) => r.failed);
      const perRound = runs.map((r, i) => `${mbs(r.ms).toFixed(0)} vs ${mbs(base[i]!).toFixed(0)}`).join(', ');
      const rows: BenchResult[] = [
        {
          name: `import ${runs[0]!.files} files, ${(bytes / 2 ** 30).toFixed(2)} GB (mean of ${ROUNDS} rounds; per round MB/s ours vs baseline: ${perRound})`,
          figure: `${mbs(ourMs).toFixed(0)} MB/s (${(ourMs / 1000).toFixed(1)} s)`,
          baseline: `sha256sum + cp ${mbs(baseMs).toFixed(0)} MB/s (${(baseMs / 1000).toFixed(1)} s)`,
          ratio: `${(ratio * 100).toFixed(0)}%`,
          target: '≥ 50%',
          pass: ratio >= 0.5 && failed.length === 0,
        },
        {
          name: `import peak RSS (child process, peak since ${runs[0]!.peakSince}; RSS after start-up and set-up ${(runs[0]!.setupRssBytes / 2 ** 20).toFixed(0)} MB)`,
          figure: `${(peak / 2 ** 20).toFixed(0)} MB`,
          target: '< 250 MB',
          pass: peak < 250 * 2 ** 20,
        },
      ];
      if (failed.length) rows.push({ name: 'files not imported', figure: failed.slice(0, 5).join('; '), pass: false });
      return rows;
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};

/**
 * The child as one ESM file beside the build output (out/bench/, so packages resolve from the
 * repository's node_modules), dependencies left external except chinese-days, whose JSON module
 * plain Node will not import by a bare name (the same exception electron.vite.config.ts makes).
 */
export async function bundleChild(): Promise<string> {
  const { build } = await import('esbuild');
  const outfile = path.join(root, 'out', 'bench', 'efilesImportChild.mjs');
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
  const external = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).filter((d) => d !== 'chinese-days');
  await build({
    entryPoints: [path.join(root, 'test/bench/efilesImportChild.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    external,
    logLevel: 'error',
    // Bundled CommonJS helpers call require(); ESM has none unless it is made.
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  return outfile;
}

if (process.argv[1] && fs.realpathSync(process.argv[1]) === fs.realpathSync(new URL(import.meta.url).pathname)) {
  for (const r of await efilesImportBench.run()) console.log(r);
}
