import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { reportFile } from '../../core/reports/history';
import { writeFileAtomic } from '../../core/files/atomicWrite';
import { callAsCli, CliError, output, withApp } from '../context';

/**
 * `report weekly --week 2025-W10 --out DIR [--json]`: the same call as the UI's 生成 button
 * (stored in the history, audited, filed into the e-files), then the three files written to DIR.
 * `--json` prints the figures.
 */
export function registerReports(program: Command): void {
  const report = program.command('report').description('周报（weekly report to the intermediate court）');
  report
    .command('weekly')
    .description('生成某一周的交叉执行周报（DOCX、XLSX、PDF）')
    .requiredOption('--week <week>', '周次，如 2025-W10')
    .option('--out <dir>', '保存目录（默认：当前目录）', '.')
    .action(async (opts: { week: string; out: string }, cmd: Command) =>
      withApp(cmd, async (app, o) => {
        const rec = await callAsCli(app, 'reports.weekly.generate', { week: opts.week });
        const dir = path.resolve(opts.out);
        try {
          fs.mkdirSync(dir, { recursive: true });
        } catch {
          throw new CliError(`无法创建保存目录：${dir}`);
        }
        const written = rec.files.map((f) => {
          const file = reportFile(app, rec.id, f.kind);
          const target = path.join(dir, file.fileName);
          writeFileAtomic(target, file.bytes);
          return target;
        });
        const figures = await callAsCli(app, 'reports.weekly.figures', { week: opts.week });
        output(o, figures, () =>
          [
            `已生成 ${rec.week} 第${rec.version}版周报${rec.revision ? '（修订版）' : ''}：`,
            ...written.map((w, i) => `  ${w}  SHA-256 ${rec.files[i]!.sha256}`),
            `本周新增 ${figures.headline.casesWeek} 件，累计 ${figures.headline.casesTotal} 件；到位 ${(figures.headline.amountWeekFen / 1e6).toFixed(2)} 万元。`,
          ].join('\n'),
        );
      }),
    );
}
