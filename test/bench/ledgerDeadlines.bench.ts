import fs from 'node:fs';
import { testCore } from '../support/core';
import { listReminders } from '../../src/core/ledger/deadlines/reminders';
import { discoverCandidates } from '../../src/core/ledger/discovery/discover';
import { buildLedgerFixture, FULL_SIZE } from './ledgerFixture';
import { median, ms, timeRuns, type Bench, type BenchResult } from './harness';
import { captureStatements, sqliteShellMs } from './sqlStatements';

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
        const statements = await captureStatements(t.app, fn, /\b(cases|transfers|progress_entries|parties|deductions)\b/);
        const shell = sqliteShellMs(t.app.dbFile, statements);
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

if (process.argv[1] && fs.realpathSync(process.argv[1]) === fs.realpathSync(new URL(import.meta.url).pathname)) {
  for (const r of await ledgerDeadlinesBench.run()) console.log(r);
}
