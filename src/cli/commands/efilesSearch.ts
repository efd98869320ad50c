import path from 'node:path';
import type { Command } from 'commander';
import type { CallOutput } from '../../contract';
import { ocrIdle, resumeOcr } from '../../core/efiles/text/ocrRunner';
import { indexMissingText } from '../../core/efiles/text/catchUp';
import { callAsCli, CliError, output, withApp } from '../context';
import { efileGroup, resolveCase } from './efiles';
import { copyDownload } from './ledgerExcel';

/**
 * `efile bind CASE --volume 正卷|副卷 --out FILE` (一键组卷), `efile ocr [--on|--off|--run]` and
 * `search QUERY [--case CASE] [--volume 卷] [--json]`: the same calls as the e-files page, as the
 * CLI principal (an administrator: sees every 副卷; binding is audited like in the UI).
 */

const VOLUME_OPTIONS = ['正卷', '副卷', '局务'];

export function registerEfilesSearch(program: Command): void {
  const efile = efileGroup(program);
  efile
    .command('bind <case>')
    .description('一键组卷：生成卷宗 PDF（卷皮、卷内目录、文件、备考表，连续页码和书签）')
    .requiredOption('--volume <卷>', '正卷 或 副卷')
    .requiredOption('--out <file>', '保存到的 PDF 文件')
    .action(async (caseRef: string, opts: { volume: string; out: string }, cmd: Command) =>
      withApp(cmd, async (app, o) => {
        if (opts.volume !== '正卷' && opts.volume !== '副卷') throw new CliError('--volume 应为 正卷 或 副卷');
        const c = resolveCase(app, caseRef);
        const d = await callAsCli(app, 'efiles.bind', { caseId: c.id, volume: opts.volume });
        const target = path.resolve(opts.out);
        copyDownload(app, d.token, target);
        output(o, { caseNo: c.caseNo, volume: opts.volume, file: target, pages: d.pages, size: d.size }, () => `已生成 ${c.caseNo} ${opts.volume}：${target}（共 ${d.pages} 页）`);
      }),
    );

  efile
    .command('ocr')
    .description('文字识别（OCR）：查看进度；--off 关闭，--on 开启，--run 在前台识别排队的页面直到完成')
    .option('--on', '开启文字识别')
    .option('--off', '关闭文字识别')
    .option('--run', '立即识别所有排队的页面（完成后退出）')
    .action(async (opts: { on?: boolean; off?: boolean; run?: boolean }, cmd: Command) =>
      withApp(cmd, async (app, o) => {
        if (opts.on && opts.off) throw new CliError('--on 和 --off 只能选一个');
        if (opts.on || opts.off) await callAsCli(app, 'efiles.ocr.setEnabled', { enabled: !!opts.on });
        if (opts.run) {
          await indexMissingText(app); // documents never indexed queue their scans first
          resumeOcr(app);
          await ocrIdle(app);
        }
        const s = await callAsCli(app, 'efiles.ocr.status', {});
        await ocrIdle(app); // the status call may have restarted the queue: let it finish or stop cleanly
        output(o, s, () => `文字识别：${s.enabled ? '已开启' : '已关闭'}；排队 ${s.queued} 页，识别中 ${s.running} 页，已完成 ${s.done} 页，失败 ${s.failed} 页`);
      }),
    );

  program
    .command('search <query>')
    .description('在电子卷宗中搜索文字（支持两字词，如 查封、拘留，以及案号片段，如 鄂0505执）')
    .option('--case <case>', '只在此案件中搜索（完整案号或案件编号）')
    .option('--volume <卷>', '只在此卷中搜索：正卷、副卷 或 局务')
    .option('--limit <n>', '最多显示多少条', '50')
    .action(async (query: string, opts: { case?: string; volume?: string; limit: string }, cmd: Command) =>
      withApp(cmd, async (app, o) => {
        if (opts.volume && !VOLUME_OPTIONS.includes(opts.volume)) throw new CliError('--volume 应为 正卷、副卷 或 局务');
        const limit = Number(opts.limit);
        if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw new CliError('--limit 应为 1 到 200 的整数');
        const caseId = opts.case ? resolveCase(app, opts.case).id : undefined;
        // Documents filed but never indexed (e.g. by an earlier `demo`, which exits right away) first.
        await indexMissingText(app);
        const r = await callAsCli(app, 'efiles.search', { q: query, caseId, volume: opts.volume as '正卷' | undefined, limit });
        output(o, r, () => searchText(query, r));
      }),
    );
}

function searchText(q: string, r: CallOutput<'efiles.search'>): string {
  if (r.total === 0) return `没有找到「${q}」`;
  const lines = [`找到 ${r.more ? `${r.total} 处以上` : `${r.total} 处`}${r.total > r.hits.length ? `，显示前 ${r.hits.length} 处` : ''}：`];
  for (const h of r.hits) {
    lines.push(`${h.caseNo} ${h.volume} 「${h.title}」${h.page ? ` 第 ${h.page} 页` : ''}${h.fromOcr ? '（识别文字）' : ''}  [文件 ${h.docId}]`);
    lines.push(`    ${h.snippet.replace(/«/g, '【').replace(/»/g, '】')}`);
  }
  return lines.join('\n');
}
