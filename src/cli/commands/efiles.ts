import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { CoreApp } from '../../core/app';
import { stageFile } from '../../core/files/uploads';
import { callAsCli, cliPrincipal, CliError, output, withApp } from '../context';

/**
 * `efile import CASE PATH…` (files or whole folders, e.g. a scanner's output), `efile verify`,
 * `efile sweep`, `efile purge ID`: the same calls as the e-files page, run as the CLI principal
 * (same checks, transaction and audit). Other modules add their subcommands (e.g. `efile bind`)
 * to the same group through `efileGroup(program)`.
 */
export function efileGroup(program: Command): Command {
  return program.commands.find((c) => c.name() === 'efile') ?? program.command('efile').description('电子卷宗：导入、校验、清理（e-files）');
}

/** A case by its 案号 (exact) or its number in the database. */
export function resolveCase(app: CoreApp, ref: string): { id: number; caseNo: string } {
  const row = (app.sqlite.prepare('SELECT id, case_no AS caseNo FROM cases WHERE case_no = ?').get(ref.trim()) ??
    (/^\d+$/.test(ref) ? app.sqlite.prepare('SELECT id, case_no AS caseNo FROM cases WHERE id = ?').get(Number(ref)) : undefined)) as
    | { id: number; caseNo: string }
    | undefined;
  if (!row) throw new CliError(`找不到案件：${ref}（请写完整案号，如 （2025）鄂0505执123号）`);
  return row;
}

/** Every file under the paths given, folders walked in name order; hidden and system files skipped. */
export function collectFiles(paths: string[]): string[] {
  const out: string[] = [];
  const walk = (p: string) => {
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch {
      throw new CliError(`找不到文件或文件夹：${p}`);
    }
    if (st.isDirectory()) {
      for (const f of fs.readdirSync(p).sort((a, b) => a.localeCompare(b, 'zh-CN', { numeric: true }))) {
        if (f.startsWith('.') || /^(thumbs\.db|desktop\.ini)$/i.test(f)) continue;
        walk(path.join(p, f));
      }
    } else if (st.isFile()) out.push(p);
  };
  for (const p of paths) walk(path.resolve(p));
  return out;
}

export function registerEfiles(program: Command): void {
  const efile = efileGroup(program);
  efile
    .command('import <case> <paths...>')
    .description('把文件或整个文件夹（如扫描仪输出目录）导入案件的电子卷宗；类型按内容识别，目录按文件名和内容建议')
    .option('--volume <卷>', '正卷 或 副卷', '正卷')
    .action(async (caseRef: string, paths: string[], opts: { volume: string }, cmd: Command) =>
      withApp(cmd, async (app, o) => {
        if (opts.volume !== '正卷' && opts.volume !== '副卷') throw new CliError('--volume 应为 正卷 或 副卷');
        const c = resolveCase(app, caseRef);
        const files = collectFiles(paths);
        if (!files.length) throw new CliError('没有找到要导入的文件');
        const results: { file: string; ok: boolean; id?: number; title?: string; pages?: number | null; section?: string; duplicate?: boolean; reason?: string; notes?: string[] }[] = [];
        for (const [i, f] of files.entries()) {
          try {
            const staged = await stageFile(app, cliPrincipal(), 'efiles.import', f);
            const r = await callAsCli(app, 'efiles.import', { caseId: c.id, uploadId: staged.uploadId, volume: opts.volume as '正卷' | '副卷' });
            results.push({ file: f, ok: true, id: r.document.id, title: r.document.title, pages: r.document.pages, section: r.document.sectionId, duplicate: r.duplicate, notes: r.notes });
            if (!o.json) process.stdout.write(`[${i + 1}/${files.length}] ${r.duplicate ? '＝ 已有相同文件' : '√'} ${path.basename(f)} → ${r.document.title}${r.document.pages ? `（${r.document.pages} 页）` : ''}\n`);
          } catch (e) {
            const reason = e instanceof Error ? e.message : String(e);
            results.push({ file: f, ok: false, reason });
            if (!o.json) process.stdout.write(`[${i + 1}/${files.length}] × ${path.basename(f)}：${reason}\n`);
          }
        }
        const failed = results.filter((r) => !r.ok);
        output(o, { case: c, imported: results.filter((r) => r.ok && !r.duplicate).length, duplicates: results.filter((r) => r.duplicate).length, failed: failed.length, results }, () =>
          `${c.caseNo}：导入 ${results.filter((r) => r.ok && !r.duplicate).length} 个，相同文件 ${results.filter((r) => r.duplicate).length} 个，未导入 ${failed.length} 个。`,
        );
        if (failed.length) process.exitCode = 2;
      }),
    );

  efile
    .command('verify')
    .description('重新计算每个已存文件的 SHA-256，列出缺失或损坏的文件；有问题时退出码为 3')
    .action(async (_o: unknown, cmd: Command) =>
      withApp(cmd, async (app, o) => {
        const r = await callAsCli(app, 'efiles.verify', {});
        output(o, r, () =>
          [
            `已校验 ${r.checked} 个文件（${(r.bytes / 1024 / 1024).toFixed(1)} MB）。`,
            ...r.problems.map((p) => `${p.problem === 'missing' ? '缺失' : '损坏'} ${p.sha256.slice(0, 16)}…：${p.documents.map((d) => `${d.caseNo ?? '局务'} ${d.volume}「${d.title}」（#${d.id}）`).join('；')}`),
            r.problems.length ? `共 ${r.problems.length} 个文件有问题，请从备份恢复。` : '全部完好。',
            r.orphans ? `另有 ${r.orphans} 个文件没有对应记录，可运行 efile sweep 清理。` : '',
          ]
            .filter(Boolean)
            .join('\n'),
        );
        if (r.problems.length) process.exitCode = 3;
      }),
    );

  efile
    .command('sweep')
    .description('删除没有记录的存储文件（如导入中途断电留下的）和临时文件')
    .option('--grace <分钟>', '只清理至少这么久未改动的文件（默认 60，防止误删其他进程正在导入的文件）', '60')
    .action(async (opts: { grace: string }, cmd: Command) =>
      withApp(cmd, async (app, o) => {
        const r = await callAsCli(app, 'efiles.sweep', { graceMinutes: Number(opts.grace) });
        output(o, r, () => `已删除无记录文件 ${r.orphansRemoved} 个、临时文件 ${r.tempRemoved} 个，释放 ${(r.bytesFreed / 1024 / 1024).toFixed(1)} MB。`);
      }),
    );

  efile
    .command('purge <id>')
    .description('彻底删除回收站中的一个文件（管理员操作，不可恢复）')
    .action(async (id: string, _o: unknown, cmd: Command) =>
      withApp(cmd, async (app, o) => {
        const r = await callAsCli(app, 'efiles.purge', { id: Number(id) });
        output(o, r, () => `已彻底删除 #${id}${r.fileRemoved ? '，存储文件已删除' : '（存储文件仍被其他记录使用，保留）'}。`);
      }),
    );
}
