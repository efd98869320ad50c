import type { OverdueItem } from '../../contract/calls/reports';
import type { CoreApp } from '../app';
import { addMonths, dayPeriod, type HolidayCalendar } from '../calendar/period';
import { daysBetween, plusDays } from '../ledger/dates';
import { getSettings } from '../settings/settings';
import type { TransferAsOf } from './asOf';
import { byCaseNo, wan } from './format';

/**
 * Overdue items as they stood at the end of the reporting week. Computed here from the same rules
 * as the ledger's reminders (src/core/ledger/deadlines) rather than by calling them, because the
 * reminders answer "as of now" and a past week's report must not move when it is produced again.
 */
export type Unpaid = { onDate: string; fen: number; n: number };
export type CaseFacts = { caseId: number; caseNo: string; since: string; applicationReceivedOn: string | null; primary: TransferAsOf };

export function overdueAsOf(
  app: CoreApp,
  cal: HolidayCalendar,
  w: { endOn: string; cutoffAt: string },
  cases: CaseFacts[],
  crossTransfers: TransferAsOf[],
  caseNoOf: Map<number, string>,
  unpaid: Map<number, Unpaid>,
): OverdueItem[] {
  const s = getSettings(app);
  const out: OverdueItem[] = [];
  // Thousands of cases share a few hundred dates: each date sum is worked out once.
  const lateOf = new Map<string, number>();
  const late = (due: string) => lateOf.get(due) ?? lateOf.set(due, daysBetween(due, w.endOn)).get(due)!;
  const sixMonthsOf = new Map<string, string>();
  const sixMonthsDue = (start: string, deductedDays: number) => {
    const k = `${start}+${deductedDays}`;
    return sixMonthsOf.get(k) ?? sixMonthsOf.set(k, plusDays(addMonths(start, 6), deductedDays)).get(k)!;
  };

  // Deductible intervals known at the cutoff (执行程序解释 第十三条), clipped to the week's end.
  const deducted = new Map<number, number>();
  for (const d of app.sqlite
    .prepare(`SELECT case_id AS caseId, start_on AS s, end_on AS e FROM deductions WHERE created_at < ? AND start_on <= ?`)
    .all(w.cutoffAt, w.endOn) as { caseId: number; s: string; e: string | null }[]) {
    const end = d.e && d.e < w.endOn ? d.e : w.endOn;
    deducted.set(d.caseId, (deducted.get(d.caseId) ?? 0) + daysBetween(d.s, end) + 1);
  }

  for (const t of crossTransfers) {
    const open = t.state === '已决定' || t.state === '已移送';
    // Registering a received case (local rule ❓, domain brief §6.3; setting filingDays).
    if (open && t.direction === '移入') {
      const base = t.receivedOn ?? t.decidedOn;
      if (base) {
        const due = dayPeriod(cal, base, s.filingDays).due;
        if (w.endOn > due)
          out.push({ kind: '立案', caseId: t.caseId, caseNo: caseNoOf.get(t.caseId) ?? '', transferId: t.id, dueOn: due, daysOverdue: late(due), what: `收案后 ${s.filingDays} 日内应立案，尚未立案`, source: '本院设置（收案后立案期限）' });
      }
    }
    // 督促执行令 deadline missed (执行程序解释 第十二条: the superior court shall then 提级 or 指令).
    if (t.mode === '督促' && t.deadlineOn && (t.state === '已决定' || t.state === '已移送' || t.state === '已立案' || t.state === '办理中') && w.endOn > t.deadlineOn) {
      out.push({ kind: '督促期限', caseId: t.caseId, caseNo: caseNoOf.get(t.caseId) ?? '', transferId: t.id, dueOn: t.deadlineOn, daysOverdue: late(t.deadlineOn), what: '督促执行令所定期限届满，尚未执结', source: '执行程序解释第十二条' });
    }
  }

  for (const c of cases) {
    const t = c.primary;
    if (!t.state || !['已决定', '已移送', '已立案', '办理中'].includes(t.state)) continue;
    // The six-month clock runs at the court that executes: ours unless the case went out (移出).
    if (t.direction === '移出') continue;
    const start = t.direction === '移入' ? (t.filedOn ?? t.receivedOn ?? t.decidedOn) : c.applicationReceivedOn;
    if (!start) continue;
    // 民事诉讼法第二百三十七条 "超过六个月": the day after the six-month end date, plus deducted days.
    const due = sixMonthsDue(start, deducted.get(c.caseId) ?? 0);
    if (w.endOn > due)
      out.push({ kind: '六个月', caseId: c.caseId, caseNo: c.caseNo, transferId: t.id, dueOn: due, daysOverdue: late(due), what: `自 ${start} 起超过六个月未执结（已扣除 ${deducted.get(c.caseId) ?? 0} 日）`, source: '民事诉讼法第二百三十七条；执行程序解释第十条、第十三条' });
  }

  // Case money not paid out in time (法发〔2017〕6号: 30 days; local setting payoutDays, e.g. 湖北 5 days).
  // `unpaid` comes from the figures' single pass over the entries: per case, the oldest arrival since
  // the case entered cross-execution that is old enough to be due and has no payout recorded by the cutoff.
  const dueOf = new Map<string, string>();
  for (const [caseId, u] of unpaid) {
    const due = dueOf.get(u.onDate) ?? dueOf.set(u.onDate, dayPeriod(cal, u.onDate, s.payoutDays).due).get(u.onDate)!;
    if (w.endOn > due)
      out.push({ kind: '案款发放', caseId, caseNo: caseNoOf.get(caseId) ?? '', transferId: null, dueOn: due, daysOverdue: late(due), what: `自 ${u.onDate} 起到位${u.n > 1 ? ` ${u.n} 笔` : ''}共 ${wan(u.fen)} 万元，未登记发放`, source: `执行款物管理规定（法发〔2017〕6号）；本院设置 ${s.payoutDays} 日` });
  }
  return out.sort((a, b) => b.daysOverdue - a.daysOverdue || byCaseNo(a.caseNo, b.caseNo));
}
