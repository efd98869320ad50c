import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { testCore } from '../support/core';
import { listReminders } from '../../src/core/ledger/deadlines/reminders';
import { discoverCandidates } from '../../src/core/ledger/discovery/discover';
import { buildLedgerFixture, FULL_SIZE } from './ledgerFixture';
import { median, ms, timeRuns, type Bench, type BenchResult } from './harness';

const RUNS = 5;

/**
 * Reminders and discovery for the whole ledger (issue 3: ≤ 1 s on 100k cases / 20k transfers /
 * 1M progress entries). Baseline: the very statements the core ran (captured, parameters written
 * in) executed by the sqlite3 shell on the same file — the ratio is the cost of the JS work
 * (holiday roll-forward, six-month clocks, sorting) on top of SQLite.
 */
export const ledgerDeadlinesBench: Bench = {
  name: 'reminders and discovery, whole ledger (100k cases, 20k transfers, 1M progress entries)',
  run: async () => {
    const t = testCore({ now: '2026-11-23T02:00:00Z' });
    try {
      buildLedgerFixture(t.app, FULL_SIZE);
      const out: BenchResult[] = [];
      const jobs: [string, () => number][] = [
        ['listReminders (all kinds, all cases)', () => listReminders(t.app).length],
        ['discoverCandidates (all classes)', () => discoverCandidates(t.app).length],
      ];
      for (const [name, fn] of jobs) {
        const n = fn(); // warm caches
        const core = median(await timeRuns(RUNS, fn));
        const statements = capture(t.app, fn);
        const shell = shellMs(t.app.dbFile, statements);
        out.push({
          name: `${name} → ${n} items, median of ${RUNS}`,
          figure: ms(core),
          baseline: `sqlite3 shell ${ms(shell)} (${statements.length} statements)`,
          ratio: `${(core / shell).toFixed(2)}×`,
          target: '≤ 1000 ms',
          pass: core <= 1000,
        });
      }
      return out;
    } finally {
      t.cleanup();
    }
  },
};

const literal = (v: unknown) => (v === null || v === undefined ? 'NULL' : typeof v === 'number' ? String(v) : `'${String(v).replace(/'/g, "''")}'`);

/** Every read statement run during fn, with its positional parameters written in. */
function capture(app: { sqlite: unknown }, fn: () => unknown): string[] {
  const db = app.sqlite as { prepare: (sql: string) => Record<string | symbol, unknown> };
  const original = db.prepare;
  const seen: string[] = [];
  db.prepare = function (this: unknown, sql: string) {
    const stmt = original.call(this, sql);
    return new Proxy(stmt, {
      get(target, prop) {
        const v = Reflect.get(target, prop);
        if ((prop === 'all' || prop === 'get') && typeof v === 'function') {
          return (...args: unknown[]) => {
            let i = 0;
            if (/\b(cases|transfers|progress_entries|parties|deductions)\b/.test(sql) && !/^\s*SELECT case_no AS caseNo FROM cases WHERE id = \?/.test(sql))
              seen.push(sql.replace(/\?/g, () => literal(args[i++])).trim().replace(/;?$/, ';'));
            return (v as (...a: unknown[]) => unknown).apply(target, args);
          };
        }
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
  } as typeof db.prepare;
  try {
    fn();
  } finally {
    db.prepare = original;
  }
  return seen;
}

function shellMs(file: string, statements: string[]): number {
  const dir = fs.mkdtempSync(path.join(path.dirname(file), 'shell-'));
  const write = (body: string) => {
    const f = path.join(dir, `${Math.random().toString(36).slice(2)}.sql`);
    fs.writeFileSync(f, body + '\n');
    return f;
  };
  const run = (f: string) => {
    const t0 = performance.now();
    execFileSync('sqlite3', ['-readonly', file, `.read ${f}`], { stdio: ['ignore', 'ignore', 'inherit'], maxBuffer: 1 << 30 });
    return performance.now() - t0;
  };
  const empty = write('');
  const full = write(statements.join('\n'));
  run(full);
  const open = median([run(empty), run(empty), run(empty)].sort((a, b) => a - b));
  const total = median([run(full), run(full), run(full)].sort((a, b) => a - b));
  fs.rmSync(dir, { recursive: true, force: true });
  return Math.max(0.01, total - open);
}

if (process.argv[1] && fs.realpathSync(process.argv[1]) === fs.realpathSync(new URL(import.meta.url).pathname)) {
  for (const r of await ledgerDeadlinesBench.run()) console.log(r);
}
