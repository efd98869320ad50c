import { performance } from 'node:perf_hooks';

/** One benchmark's figures, printed by `npm run bench` and copied into docs/benchmarks.md. */
export type BenchResult = {
  name: string;
  /** The measured figure, e.g. "median 4.2 ms". */
  figure: string;
  /** The baseline measured in the same run (sqlite3 shell, sha256sum, zip -0 …) and the ratio. */
  baseline?: string;
  ratio?: string;
  target?: string;
  pass?: boolean;
};

/** `id`: a short name to run it alone (`npx tsx test/bench/run.ts <id>`); `name` matches too. */
export type Bench = { id?: string; name: string; run: () => Promise<BenchResult[]> };

/** Runs fn `n` times and returns the sorted durations in ms. */
export async function timeRuns(n: number, fn: () => unknown | Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out.sort((a, b) => a - b);
}

export const median = (sorted: number[]) => sorted[Math.floor(sorted.length / 2)]!;
export const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 0)} ms`;
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
