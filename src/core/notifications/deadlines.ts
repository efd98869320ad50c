import type { Reminder, ReminderKind } from '../../contract/calls/ledgerDeadlines';
import type { UserPublic } from '../../contract/calls/common';
import type { CoreApp } from '../app';
import { listReminders } from '../ledger/deadlines/reminders';
import { getSettings } from '../settings/settings';
import { notify } from './notifications';

/**
 * "Approaching deadline" notices, taken from the ledger's reminders (`listReminders`), so the bell,
 * the ledger's 期限提醒 page and the chief's overview show the same dates computed by the same rules.
 * Raised when the user reads their notices, for reminders due within `deadlineReminderDays`:
 *   - a handler: the reminders of their own cases (duties still owed stay in even when overdue);
 *   - the chief and 分管院领导: the cross-execution deadlines of every case (督促限期, 移入立案, 次日填报).
 * Not announced: the 终本 check (a past closure to review, not a date ahead) and the six-month clock
 * once it has run out (the case is then in 案件发现; it was announced while it approached).
 * The dedupe key makes each deadline announce itself once per due date (a moved date announces again).
 */
const HANDLER_KINDS: readonly ReminderKind[] = ['filing', 'entry', 'urge', 'sixMonth', 'payout', 'weekly'];
const SUPERVISOR_KINDS: readonly ReminderKind[] = ['urge', 'filing', 'entry'];

export function deadlineNoticesFor(app: CoreApp, user: UserPublic): Reminder[] {
  const days = getSettings(app).deadlineReminderDays;
  const seesAll = user.role === 'chief' || user.role === 'leader';
  const kinds = seesAll ? SUPERVISOR_KINDS : HANDLER_KINDS;
  // A handler's own cases only (user ids start at 1; an empty scope would mean every case).
  if (!seesAll && user.id <= 0) return [];
  const reminders = listReminders(app, seesAll ? { kinds } : { kinds, handlerId: user.id });
  return reminders.filter((r) => r.daysLeft <= days && !(r.kind === 'sixMonth' && r.daysLeft < 0));
}

export function raiseDeadlineReminders(app: CoreApp, user: UserPublic): void {
  for (const r of deadlineNoticesFor(app, user)) {
    notify(app, [user.id], {
      kind: '期限提醒',
      title: r.daysLeft < 0 ? `已超期 ${-r.daysLeft} 天：${r.caseNo}` : r.daysLeft === 0 ? `今日到期：${r.caseNo}` : `${r.daysLeft} 天后到期：${r.caseNo}`,
      body: `${r.what}；到期日 ${r.dueOn}${r.warning ? `（${r.warning}）` : ''}`,
      link: `/ledger/case/${r.caseId}`,
      recordType: r.transferId ? 'transfer' : 'case',
      recordId: r.transferId ?? r.caseId,
      dedupeKey: dedupeKey(r),
    });
  }
}

/** 督促 keeps the key the earlier transfer-only reminders used, so an upgrade does not announce it twice. */
function dedupeKey(r: Reminder): string {
  if (r.kind === 'urge') return `deadline:${r.transferId}:${r.dueOn}`;
  return `deadline:${r.kind}:${r.transferId ?? r.caseId}:${r.progressId ?? ''}:${r.dueOn}`;
}
