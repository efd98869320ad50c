import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { testCore } from '../support/core';
import { ensureYichangCourts } from '../support/yichangCourts';
import { generatedLedger } from '../support/ledgerWorkbooks';
import { stageBytes } from '../../src/core/files/uploads';
import { median, ms, type Bench } from './harness';

const ROWS = 10_000;
const RUNS = 3;

/**
 * Importing a 10k-row bureau ledger (issue 3: ≤ 5 s): preview + commit through the real dispatcher
 * on a real SQLite file, each run on a fresh data folder. Baseline: exceljs merely loading the same
 * bytes, i.e. the floor any .xlsx import pays before checking a single row.
 */
export const ledgerImportBench: Bench = {
  name: `ledger Excel import (${ROWS.toLocaleString('en')} rows)`,
  run: async () => {
    const bytes = await generatedLedger(ROWS);
    const load: number[] = [];
    const preview: number[] = [];
    const commit: number[] = [];
    const again: number[] = [];
    let imported = 0;
    for (let i = 0; i < RUNS; i++) {
      let t0 = performance.now();
      await new ExcelJS.Workbook().xlsx.load(bytes as unknown as ArrayBuffer);
      load.push(performance.now() - t0);

      const t = testCore({ now: '2025-07-01T02:00:00Z' });
      try {
        ensureYichangCourts(t.app);
        const clerk = t.as('clerk');
        const up = async () => (await stageBytes(t.app, clerk.user, 'ledger.import.preview', 'bench.xlsx', bytes)).uploadId;
        let id = await up();
        t0 = performance.now();
        await clerk.run('ledger.import.preview', { uploadId: id });
        preview.push(performance.now() - t0);
        id = await up();
        t0 = performance.now();
        const r = await clerk.run('ledger.import.commit', { uploadId: id });
        commit.push(performance.now() - t0);
        imported = r.imported;
        id = await up();
        t0 = performance.now();
        await clerk.run('ledger.import.commit', { uploadId: id });
        again.push(performance.now() - t0);
      } finally {
        t.cleanup();
      }
    }
    const [l, p, c, a] = [load, preview, commit, again].map((x) => median(x.sort((m, n) => m - n)));
    return [
      {
        name: `commit (read + check + write ${imported.toLocaleString('en')} cases in one transaction), median of ${RUNS}`,
        figure: ms(c!),
        baseline: `exceljs load only ${ms(l!)}`,
        ratio: `${(c! / l!).toFixed(2)}×`,
        target: '≤ 5000 ms',
        pass: c! <= 5000 && imported === ROWS,
      },
      { name: 'preview (every row checked, nothing written)', figure: ms(p!), baseline: `exceljs load only ${ms(l!)}`, ratio: `${(p! / l!).toFixed(2)}×` },
      { name: 're-import of the same file (all rows recognised as duplicates)', figure: ms(a!), target: '≤ 5000 ms', pass: a! <= 5000 },
      { name: 'workbook size', figure: `${(bytes.length / 1024 / 1024).toFixed(1)} MB` },
    ];
  },
};

// Allows `npx tsx test/bench/ledgerImport.bench.ts` on its own.
if (process.argv[1] && fs.realpathSync(process.argv[1]) === fs.realpathSync(new URL(import.meta.url).pathname)) {
  for (const r of await ledgerImportBench.run()) console.log(r);
}
