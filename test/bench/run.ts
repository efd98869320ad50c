import os from 'node:os';
import type { Bench, BenchResult } from './harness';
import { coldStartBench } from './coldStart.bench';
import { ledgerImportBench } from './ledgerImport.bench';
import { ledgerTableBench } from './ledgerTable.bench';
import { ledgerDeadlinesBench } from './ledgerDeadlines.bench';
import { reportsBench } from './reports.bench';
import { efilesSearchBench } from './efilesSearch.bench';
import { efilesBindBench } from './efilesBind.bench';
import { exchangeBench } from './exchange.bench';
import { efilesImportBench } from './efilesImport.bench';
import { loadBench } from './load.bench';

/** Every benchmark, in order. Modules add theirs here (one line each). `npm run bench -- <id or part of the name>` runs one. */
const BENCHES: Bench[] = [coldStartBench, ledgerImportBench, ledgerTableBench, reportsBench, ledgerDeadlinesBench, efilesSearchBench, efilesBindBench, efilesImportBench, exchangeBench, loadBench];

const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const rows: BenchResult[] = [];
console.log(`# 交叉执行工作台 benchmarks — ${new Date().toISOString().slice(0, 10)}`);
console.log(`# ${os.cpus()[0]?.model ?? 'cpu'} ×${os.cpus().length}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`);
// Other sessions share these cores: the load at the start says whether the absolute figures are depressed.
console.log(`# load average ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')} (1 / 5 / 15 min) at ${new Date().toISOString()}`);
for (const b of BENCHES) {
  if (only.length && !only.some((o) => b.id === o || b.name.includes(o))) continue;
  console.log(`\n## ${b.name}`);
  for (const r of await b.run()) {
    rows.push(r);
    console.log(
      `- ${r.name}: ${r.figure}` +
        (r.baseline ? ` | baseline ${r.baseline}` : '') +
        (r.ratio ? ` | ratio ${r.ratio}` : '') +
        (r.target ? ` | target ${r.target}` : '') +
        (r.pass === undefined ? '' : r.pass ? ' ✔' : ' ✘'),
    );
  }
}
const failed = rows.filter((r) => r.pass === false);
console.log(`\n${rows.length} figures, ${failed.length} over target`);
