import type { CoreApp } from '../../app';
import { addMonths } from '../../calendar/period';
import { loadCalendar } from '../../calendar/calendar';
import { getSettings } from '../../settings/settings';
import { chinaToday } from '../excelImport/analyseWorkbook';
import { openCaseClocks } from '../deadlines/caseClocks';

/**
 * Soft warnings (never blocks) for a transfer out that looks like offloading a hard case (甩包袱).
 * The 2024 opinion's ban is believed to be in its Part V but is NOT verified (domain brief §1.6 ❓),
 * so these only inform the handler and the chief.
 */
export type OffloadWarning = { code: 'noReason' | 'tooYoung' | 'clockNotPast'; message: string };

export function offloadWarnings(app: CoreApp, input: { caseId: number; direction: string; reasons: readonly string[] }): OffloadWarning[] {
  if (input.direction !== '移出') return [];
  const out: OffloadWarning[] = [];
  const qualifying = input.reasons.filter((r) => r !== '其他');
  if (!qualifying.length) {
    out.push({ code: 'noReason', message: '未选择任何法定或典型的交叉执行情形（不当干预、消极执行、力量不足、关联案件、疑难复杂、超六个月未执行），报请可能被视为“甩包袱”（软提示，交叉执行意见第五部分待核实）' });
  }
  const c = app.sqlite.prepare(`SELECT filed_on AS filedOn FROM cases WHERE id = ?`).get(input.caseId) as { filedOn: string | null } | undefined;
  const today = chinaToday(app.now());
  const months = getSettings(app).offloadMinCaseMonths;
  if (c?.filedOn && months > 0 && addMonths(c.filedOn, months) > today) {
    out.push({ code: 'tooYoung', message: `本案立案于 ${c.filedOn}，不足 ${months} 个月（本地设置），过早报请交叉执行可能被视为“甩包袱”，请在报告中说明理由` });
  }
  if (input.reasons.includes('超六个月未执行')) {
    const clock = openCaseClocks(app, loadCalendar(app), today, { caseId: input.caseId })[0];
    if (clock && !clock.clock.past) {
      out.push({ code: 'clockNotPast', message: `所选情形“超六个月未执行”与台账不符：六个月期限至 ${clock.clock.endOn} 届满（民诉法第二百三十七条，“超过”不含本数）` });
    }
  }
  return out;
}
