import type { CoreApp } from '../../app';
import type { Candidate, DiscoveryClass } from '../../../contract/calls/ledgerDeadlines';
import { addMonths } from '../../calendar/period';
import { loadCalendar } from '../../calendar/calendar';
import { getSettings } from '../../settings/settings';
import { chinaToday } from '../excelImport/analyseWorkbook';
import { openCaseClocks } from '../deadlines/caseClocks';
import { daysBetween } from '../deadlines/sixMonthClock';

/**
 * Case discovery: cases the bureau could report for cross-execution, each with the reason.
 * A case already in a cross-execution record that is still alive (any state except 不予批准 /
 * 已退出) is left out, so a started draft removes its candidate.
 */
const IN_TRANSFER = `EXISTS (SELECT 1 FROM transfers t WHERE t.case_id = c.id AND t.state NOT IN ('不予批准', '已退出'))`;

/** 民诉法237 / 执行程序解释 art. 10: more than six months without enforcement → 可报请上级. */
function pastSixMonths(app: CoreApp, today: string): Candidate[] {
  const busy = new Set((app.sqlite.prepare(`SELECT DISTINCT case_id AS id FROM transfers WHERE state NOT IN ('不予批准', '已退出')`).all() as { id: number }[]).map((r) => r.id));
  return openCaseClocks(app, loadCalendar(app), today)
    .filter((r) => r.clock.past && !busy.has(r.caseId))
    .sort((a, b) => a.clock.endOn.localeCompare(b.clock.endOn) || a.caseId - b.caseId)
    .map((r) => ({
      class: 'sixMonth' as const,
      caseId: r.caseId,
      caseNo: r.caseNo,
      caseIds: [r.caseId],
      caseNos: [r.caseNo],
      priority: [],
      debtor: null,
      reason:
        `自${r.startKind}（${r.clock.startOn}）起六个月已于 ${r.clock.endOn} 届满，已超过 ${daysBetween(r.clock.endOn, today)} 日仍未执行完毕` +
        (r.clock.deductedDays ? `（已扣除期间 ${r.clock.deductedDays} 日）` : ''),
      source: '民事诉讼法 第二百三十七条；执行程序解释 第十条、第十三条',
      sinceOn: r.clock.endOn,
      suggestedMode: '指令' as const,
    }));
}

/** Long-pending 终本 cases in the priority classes: 超长期未结, 涉中小微企业, 涉民生. */
function zhongbenPriority(app: CoreApp, today: string, longMonths: number): Candidate[] {
  const cutoff = addMonths(today, -longMonths);
  const rows = app.sqlite
    .prepare(
      `SELECT c.id, c.case_no AS caseNo, c.filed_on AS filedOn, c.closed_on AS closedOn,
              (c.filed_on IS NOT NULL AND c.filed_on < ?) AS isLong,
              EXISTS (SELECT 1 FROM parties p WHERE p.case_id = c.id AND p.is_smb = 1) AS isSmb,
              EXISTS (SELECT 1 FROM parties p WHERE p.case_id = c.id AND p.is_livelihood = 1) AS isLivelihood,
              (SELECT group_concat(p.name, '、') FROM parties p WHERE p.case_id = c.id AND p.side = '被执行人') AS debtor
       FROM cases c
       WHERE c.closure_type = '终结本次执行程序' AND NOT ${IN_TRANSFER}`,
    )
    .all(cutoff) as { id: number; caseNo: string; filedOn: string | null; closedOn: string | null; isLong: number; isSmb: number; isLivelihood: number; debtor: string | null }[];
  const out: Candidate[] = [];
  for (const r of rows) {
    const priority = [r.isLong && '超长期未结', r.isSmb && '涉中小微企业', r.isLivelihood && '涉民生'].filter((x): x is string => !!x);
    if (!priority.length) continue;
    const parts = [
      `终结本次执行程序${r.closedOn ? `（${r.closedOn}）` : ''}`,
      r.isLong ? `立案于 ${r.filedOn}，超过 ${longMonths} 个月未执行完毕` : '',
      r.isSmb ? '当事人为中小微企业' : '',
      r.isLivelihood ? '涉民生案件' : '',
    ].filter(Boolean);
    out.push({
      class: 'zhongben', caseId: r.id, caseNo: r.caseNo, caseIds: [r.id], caseNos: [r.caseNo], priority, debtor: r.debtor,
      reason: parts.join('；'),
      source: `终本案件清仓（重点类别：超长期未结、涉中小微企业、涉民生）；“超长期”为本地设置 ${longMonths} 个月（待核实）`,
      sinceOn: r.closedOn, suggestedMode: '指令',
    });
  }
  return out.sort((a, b) => b.priority.length - a.priority.length || (a.sinceOn ?? '').localeCompare(b.sinceOn ?? '') || a.caseId - b.caseId);
}

/** One debtor (same ID / credit code, else same name) with several unresolved cases → 集中执行. */
function debtorGroups(app: CoreApp, threshold: number): Candidate[] {
  const rows = app.sqlite
    .prepare(
      `SELECT COALESCE(p.id_number, p.name) AS k, max(p.name) AS name, count(DISTINCT c.id) AS n,
              group_concat(DISTINCT c.id) AS ids
       FROM parties p JOIN cases c ON c.id = p.case_id
       WHERE p.side = '被执行人' AND (c.closed_on IS NULL OR c.closure_type = '终结本次执行程序') AND NOT ${IN_TRANSFER}
       GROUP BY k HAVING count(DISTINCT c.id) >= ?
       ORDER BY n DESC, k LIMIT 2000`,
    )
    .all(threshold) as { k: string; name: string; n: number; ids: string }[];
  // Every group's 案号 in one query (one look-up per case cost ~60 ms over a whole ledger).
  const groups = rows.map((r) => r.ids.split(',').map(Number).sort((a, b) => a - b));
  const caseNos = new Map(
    app.sqlite
      .prepare(`SELECT id, case_no FROM cases WHERE id IN (SELECT value FROM json_each(?))`)
      .raw()
      .all(JSON.stringify(groups.flat())) as [number, string][],
  );
  return rows.map((r, g) => {
    const ids = groups[g]!;
    const nos = ids.map((i) => caseNos.get(i)!);
    return {
      class: 'debtor' as const, caseId: ids[0], caseNo: nos[0], caseIds: ids, caseNos: nos, priority: [], debtor: r.name,
      reason: `被执行人 ${r.name} 在本院有 ${r.n} 件未执行完毕的案件（阈值 ${threshold} 件），可报请集中执行`,
      source: `关联案件集中执行（交叉执行意见 集中执行部分，二手来源）；阈值为本地设置（待核实）`,
      sinceOn: null, suggestedMode: '集中' as const,
    };
  });
}

export function discoverCandidates(app: CoreApp, classes: readonly DiscoveryClass[] = ['sixMonth', 'zhongben', 'debtor']): Candidate[] {
  const set = getSettings(app);
  const today = chinaToday(app.now());
  const out: Candidate[] = [];
  if (classes.includes('sixMonth')) out.push(...pastSixMonths(app, today));
  if (classes.includes('zhongben')) out.push(...zhongbenPriority(app, today, set.longPendingMonths));
  if (classes.includes('debtor')) out.push(...debtorGroups(app, set.debtorOpenCasesThreshold));
  return out;
}
