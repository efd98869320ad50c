import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { CoreApp } from '../../core/app';
import { openDownload } from '../../core/files/downloads';
import { fsyncFile, renameDurably, tempBeside } from '../../core/files/atomicWrite';
import { stageFile } from '../../core/files/uploads';
import type { CallInput } from '../../contract';
import { SYNONYM_KIND_LABELS, type ImportPreviewResult } from '../../contract/calls/ledgerExcel';
import { callAsCli, cliPrincipal, CliError, output, withApp } from '../context';

/**
 * `import-ledger FILE [--dry-run] [--json]` and `export-ledger FILE`: the same calls as the UI's
 * import wizard and export button, run as the CLI principal (same checks, one transaction, audit).
 */
export function registerLedgerExcel(program: Command): void {
  program
    .command('import-ledger <file>')
    .description('从 Excel（.xlsx）导入台账；--dry-run 只检查不写入（import a ledger workbook）')
    .option('--dry-run', '只预览每一行的问题，不写入')
    .option('--sheet <name>', '指定工作表（默认：第一张能识别出台账表头的工作表）')
    .option('--report <file>', '未导入行报告的保存位置（默认：与源文件同目录）')
    .action(async (file: string, opts: { dryRun?: boolean; sheet?: string; report?: string }, cmd: Command) =>
      withApp(cmd, async (app, o) => {
        // The report of rejected rows never replaces the workbook it was read from (issue 12 §11).
        if (opts.report && sameFile(opts.report, file)) throw new CliError(`--report 不能指向源文件 ${path.resolve(file)}：报告会覆盖原台账。请另指定一个文件名`);
        const staged = await stageFile(app, cliPrincipal(), 'ledger.import.preview', path.resolve(file));
        const input = { uploadId: staged.uploadId, sheet: opts.sheet };
        try {
          if (opts.dryRun) {
            const p = await callAsCli(app, 'ledger.import.preview', input);
            output(o, p, () => previewText(p));
            if (p.counts.error > 0) process.exitCode = 2;
            return;
          }
          const r = await callAsCli(app, 'ledger.import.commit', input);
          let reportFile: string | null = null;
          if (r.report) {
            reportFile = path.resolve(opts.report ?? path.join(path.dirname(path.resolve(file)), r.report.name));
            copyDownload(app, r.report.token, reportFile);
          }
          output(o, { ...r, reportFile }, () =>
            [
              `已导入 ${r.imported} 件；跳过重复 ${r.duplicates} 件；未导入 ${r.rejected} 行。`,
              r.doubleChecks ? `其中 ${r.doubleChecks} 件移入案件登记了实质进展，已自动启动一案双查。` : '',
              reportFile ? `未导入的行及原因已保存到：${reportFile}` : '',
            ]
              .filter(Boolean)
              .join('\n'),
          );
          if (r.rejected > 0) process.exitCode = 2;
        } finally {
          // The staged copy holds names and ID numbers: gone as soon as the command is done, whatever happened.
          await callAsCli(app, 'ledger.import.discard', { uploadId: staged.uploadId });
        }
      }),
    );

  program
    .command('export-ledger <file>')
    .description('把台账导出为 Excel（.xlsx），可按条件筛选（export the ledger as a workbook）')
    .option('--mode <modes>', '交叉方式，多个用逗号分隔，如 指令,提级')
    .option('--direction <direction>', '方向：移出、移入 或 院内')
    .option('--state <states>', '状态，多个用逗号分隔，如 办理中,已结案')
    .option('--court <code>', '对方法院代字，如 鄂0502')
    .option('--filed-from <date>', '立案日期起（YYYY-MM-DD）')
    .option('--filed-to <date>', '立案日期止（YYYY-MM-DD）')
    .option('--overdue', '只导出有超期事项的案件')
    .option('-q, --query <text>', '按案号或当事人搜索')
    .action(async (file: string, opts: ExportOptions, cmd: Command) =>
      withApp(cmd, async (app, o) => {
        const target = path.resolve(file);
        if (!/\.xlsx$/i.test(target)) throw new CliError('导出文件名须以 .xlsx 结尾');
        const filter = exportFilter(opts);
        const d = await callAsCli(app, 'ledger.export', { ...filter, description: describeFilter(opts) || undefined } as CallInput<'ledger.export'>);
        copyDownload(app, d.token, target);
        output(o, { file: target, rows: d.rows }, () => `已导出 ${d.rows} 件到：${target}`);
      }),
    );
}

type ExportOptions = { mode?: string; direction?: string; state?: string; court?: string; filedFrom?: string; filedTo?: string; overdue?: boolean; query?: string };

const list = (s: string | undefined) => (s ? s.split(/[,，、]/).map((x) => x.trim()).filter(Boolean) : undefined);

/** The options as the ledger's filter; the call's own schema checks each value and names the bad one in Chinese. */
function exportFilter(o: ExportOptions) {
  return {
    ...(o.query ? { q: o.query } : {}),
    ...(o.mode ? { modes: list(o.mode) } : {}),
    ...(o.direction ? { direction: o.direction } : {}),
    ...(o.state ? { states: list(o.state) } : {}),
    ...(o.court ? { court: o.court } : {}),
    ...(o.filedFrom ? { filedFrom: o.filedFrom } : {}),
    ...(o.filedTo ? { filedTo: o.filedTo } : {}),
    ...(o.overdue ? { overdue: true } : {}),
  };
}

/** What the workbook's title states about its filter, as the UI's export does. */
function describeFilter(o: ExportOptions): string {
  return [
    o.mode && `交叉方式：${list(o.mode)!.join('、')}`,
    o.direction && `方向：${o.direction}`,
    o.state && `状态：${list(o.state)!.join('、')}`,
    o.court && `对方法院：${o.court}`,
    (o.filedFrom || o.filedTo) && `立案日期：${o.filedFrom ?? '…'} 至 ${o.filedTo ?? '…'}`,
    o.overdue && '仅超期',
    o.query && `搜索：${o.query}`,
  ]
    .filter(Boolean)
    .join('；');
}

/** Whether two paths name one file (same path, or an existing file reached by another name or link). */
function sameFile(a: string, b: string): boolean {
  const [pa, pb] = [path.resolve(a), path.resolve(b)];
  if (process.platform === 'win32' || process.platform === 'darwin' ? pa.toLowerCase() === pb.toLowerCase() : pa === pb) return true;
  try {
    const [sa, sb] = [fs.statSync(pa), fs.statSync(pb)];
    return sa.ino === sb.ino && sa.dev === sb.dev;
  } catch {
    return false;
  }
}

/** Copies a generated file (download token) to where the CLI user asked for it. */
export function copyDownload(app: CoreApp, token: string, target: string): void {
  const d = openDownload(app, cliPrincipal(), token);
  try {
    // Temp beside the target → fsync → rename: a killed CLI never leaves a half-written file under the name.
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const temp = tempBeside(target);
    fs.copyFileSync(d.file, temp);
    fsyncFile(temp);
    renameDurably(temp, target);
  } catch (e) {
    throw new CliError(`无法写入 ${target}：${e instanceof Error ? e.message : String(e)}`);
  }
}

function previewText(p: ImportPreviewResult): string {
  const lines = [
    `工作表「${p.sheet}」，表头在第 ${p.headerRows.join('、')} 行；识别列：${p.columns.map((c) => `${c.letter}=${c.label}`).join(' ')}`,
  ];
  if (p.unknownHeaders.length) lines.push(`未识别的列（不导入）：${p.unknownHeaders.map((h) => `${h.letter}「${h.header}」`).join('、')}`);
  for (const u of p.unknownValues) {
    lines.push(`无法识别的${SYNONYM_KIND_LABELS[u.kind]}「${u.value}」（${u.rows} 行）：管理员可在导入预览或“设置 → 台账导入”中把它设为同义词`);
  }
  for (const r of p.rows) {
    if (r.status === 'ok') continue;
    const tag = r.status === 'error' ? '× 不能导入' : r.status === 'duplicate' ? '＝ 重复跳过' : '！ 可导入';
    lines.push(`第 ${r.rows.join('、')} 行 ${r.caseNo ?? ''} ${tag}`);
    for (const x of r.problems) lines.push(`    ${x.level === 'error' ? '错误' : '提示'}：${x.message}`);
  }
  const c = p.counts;
  lines.push(`共 ${c.total} 件：可导入 ${c.ok + c.warning} 件（其中 ${c.warning} 件有提示），重复 ${c.duplicate} 件，有错误 ${c.error} 件。（预览，未写入）`);
  return lines.join('\n');
}
