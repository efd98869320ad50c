import type { UserPublic } from '../../contract/calls/common';
import type { CoreApp } from '../app';
import { upcomingDeadlines } from '../approvals/deadlinesBridge';
import { getSettings } from '../settings/settings';
import { notify } from './notifications';

/**
 * Raises "approaching deadline" notices for this user: handlers for their own transfers, the
 * chief and leaders for all. Run when the user reads their notices; the dedupe key makes each
 * deadline announce itself once per due date (a moved deadline announces itself again).
 */
export function raiseDeadlineReminders(app: CoreApp, user: UserPublic): void {
  const days = getSettings(app).deadlineReminderDays;
  const seesAll = user.role === 'chief' || user.role === 'leader';
  for (const d of upcomingDeadlines(app, days)) {
    if (!seesAll && d.handlerId !== user.id) continue;
    notify(app, [user.id], {
      kind: '期限提醒',
      title: d.daysLeft < 0 ? `已超期 ${-d.daysLeft} 天：${d.caseNo}` : d.daysLeft === 0 ? `今日到期：${d.caseNo}` : `${d.daysLeft} 天后到期：${d.caseNo}`,
      body: `${d.what}，到期日 ${d.dueOn}`,
      link: `/ledger/transfers/${d.transferId}`,
      recordType: 'transfer',
      recordId: d.transferId,
      dedupeKey: `deadline:${d.transferId}:${d.dueOn}`,
    });
  }
}
