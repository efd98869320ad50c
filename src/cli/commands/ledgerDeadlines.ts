import type { Command } from 'commander';
import { DISCOVERY_CLASS_LABELS, DISCOVERY_CLASSES, REMINDER_KIND_LABELS, type DiscoveryClass } from '../../contract/calls/ledgerDeadlines';
import { callAsCli, CliError, output, withApp } from '../context';

/**
 * `deadlines [--json]` and `discover [--json]`: the 工作台's reminder list and case-discovery list,
 * through the same calls as the UI, as the CLI principal.
 */
const LEVEL = { overdue: '已逾期', soon: '即将到期', ok: '未到期' } as const;

export function registerLedgerDeadlines(program: Command): void {
  program
    .command('deadlines')
    .description('列出期限提醒（已逾期、即将到期）；--all 含未到期（list deadline reminders）')
    .option('--all', '包括未到期的提醒')
    .option('--limit <n>', '最多列出条数（默认 500）', '500')
    .action(async (opts: { all?: boolean; limit: string }, cmd: Command) =>
      withApp(cmd, async (app, o) => {
        const limit = Number(opts.limit);
        if (!Number.isInteger(limit) || limit < 1 || limit > 5000) throw new CliError('--limit 应为 1–5000 的整数');
        const r = await callAsCli(app, 'ledger.reminders.list', { levels: opts.all ? undefined : ['overdue', 'soon'], limit });
        output(o, r, () => {
          const lines = [`${r.today}：已逾期 ${r.counts.overdue} 项，即将到期 ${r.counts.soon} 项，未到期 ${r.counts.ok} 项。`];
          if (r.missingYears.length) lines.push(`注意：${r.missingYears.join('、')} 年节假日数据缺失，相关期限未含节假日顺延 / 请人工核对。`);
          for (const x of r.items) {
            const days = x.daysLeft < 0 ? `逾期 ${-x.daysLeft} 日` : x.daysLeft === 0 ? '今日到期' : `剩 ${x.daysLeft} 日`;
            lines.push(`[${LEVEL[x.level]}] ${x.dueOn}（${days}）${x.caseNo} ${REMINDER_KIND_LABELS[x.kind]}：${x.what}${x.warning ? `（${x.warning}）` : ''}`);
          }
          if (r.total > r.items.length) lines.push(`……另有 ${r.total - r.items.length} 项未列出（--limit）。`);
          if (!r.items.length) lines.push('没有需要处理的期限。');
          return lines.join('\n');
        });
      }),
    );

  program
    .command('discover')
    .description('发现可报请交叉执行的案件并说明理由（case discovery）')
    .option('--class <class>', `只看一类：${DISCOVERY_CLASSES.map((c) => `${c}=${DISCOVERY_CLASS_LABELS[c]}`).join('，')}`)
    .option('--limit <n>', '最多列出条数（默认 500）', '500')
    .action(async (opts: { class?: string; limit: string }, cmd: Command) =>
      withApp(cmd, async (app, o) => {
        if (opts.class && !(DISCOVERY_CLASSES as readonly string[]).includes(opts.class)) throw new CliError(`--class 应为 ${DISCOVERY_CLASSES.join(' / ')}`);
        const limit = Number(opts.limit);
        if (!Number.isInteger(limit) || limit < 1 || limit > 5000) throw new CliError('--limit 应为 1–5000 的整数');
        const r = await callAsCli(app, 'ledger.discover.list', { classes: opts.class ? [opts.class as DiscoveryClass] : undefined, limit });
        output(o, r, () => {
          const c = r.counts;
          const lines = [`候选 ${r.total} 项：${DISCOVERY_CLASS_LABELS.sixMonth} ${c.sixMonth}，${DISCOVERY_CLASS_LABELS.zhongben} ${c.zhongben}，${DISCOVERY_CLASS_LABELS.debtor} ${c.debtor}。`];
          for (const x of r.items) {
            const who = x.class === 'debtor' ? x.caseNos.join('、') : x.caseNo;
            lines.push(`[${DISCOVERY_CLASS_LABELS[x.class]}${x.priority.length ? `：${x.priority.join('、')}` : ''}] ${who}`);
            lines.push(`    理由：${x.reason}（${x.source}）`);
          }
          if (r.total > r.items.length) lines.push(`……另有 ${r.total - r.items.length} 项未列出（--limit）。`);
          if (!r.items.length) lines.push('暂无候选案件。');
          return lines.join('\n');
        });
      }),
    );
}
