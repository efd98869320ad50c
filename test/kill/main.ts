import { killRounds } from './harness';
import { OPS, type Op } from './ops';

/**
 * `npm run test:kill [-- --kills N] [-- --ops excel,efile]`: N kills per operation (default 10),
 * prints tried / survived / lost per operation (docs/reliability.md records them). Exit 1 on any loss.
 */
const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const kills = Number(arg('kills') ?? process.env.XDESK_KILLS ?? 10);
const ops = (arg('ops')?.split(',') ?? OPS) as Op[];
let lost = 0;
const rows: string[] = [];
for (const op of ops) {
  const f = await killRounds(op, kills, (s) => console.log(s));
  lost += f.lost;
  rows.push(`| ${op} | ${f.tried} | ${f.survived} | ${f.lost} | ${f.finishedFirst} |`);
  for (const p of f.problems) console.log(`  ✘ ${p}`);
}
console.log(['', '| operation | tried | survived | lost | finished before the kill |', '|---|---|---|---|---|', ...rows].join('\n'));
process.exit(lost ? 1 : 0);
