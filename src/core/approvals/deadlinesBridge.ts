import type { CoreApp } from '../app';
import { chinaDate, daysBetween } from './time';

export type UpcomingDeadline = { transferId: number; caseNo: string; what: string; dueOn: string; daysLeft: number; handlerId: number | null };

/** Transfer states in which no deadline runs any more. */
const DONE = ['已化解', '已结案', '已退出', '不予批准'];

/**
 * Deadlines of open transfers falling within `withinDays` (overdue ones included, negative days):
 * the 督促 deadline set by the superior court (执行程序解释 art. 11–12), and the registration the
 * receiving court owes after a hand-over (local setting, default 7 days; domain brief §6.3 ❓).
 */
export function upcomingDeadlines(app: CoreApp, withinDays: number): UpcomingDeadline[] {
  const today = chinaDate(app.now());
  const rows = app.sqlite
    .prepare(
      `SELECT t.id AS transferId, coalesce(t.original_case_no, c.case_no) AS caseNo, t.deadline_on AS dueOn, t.mode, t.state,
              coalesce(t.handler_id, c.handler_id) AS handlerId
       FROM transfers t JOIN cases c ON c.id = t.case_id
       WHERE t.deadline_on IS NOT NULL AND t.state NOT IN (${DONE.map(() => '?').join(',')})
       ORDER BY t.deadline_on LIMIT 500`,
    )
    .all(...DONE) as { transferId: number; caseNo: string; dueOn: string; mode: string; state: string; handlerId: number | null }[];
  return rows
    .map((r) => ({
      transferId: r.transferId,
      caseNo: r.caseNo,
      what: r.mode === '督促' ? '督促执行期限' : `${r.mode}执行期限（${r.state}）`,
      dueOn: r.dueOn,
      daysLeft: daysBetween(today, r.dueOn),
      handlerId: r.handlerId,
    }))
    .filter((d) => d.daysLeft <= withinDays);
}
