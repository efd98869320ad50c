import type { ReminderKind } from '../../../contract/calls/ledgerDeadlines';
import type { CoreApp } from '../../app';
import { listReminders } from './reminders';

/**
 * The cases with at least one overdue reminder, and which kinds: the same list 工作台 shows
 * (移入立案, 信息填报, 督促限期, 六个月期限, 案款发放, 终本三个月 …), computed on read from
 * `listReminders`, so the ledger's 仅看超期 and its 超期 badge can never disagree with 工作台.
 */
export function overdueCases(app: CoreApp): Map<number, ReminderKind[]> {
  const out = new Map<number, ReminderKind[]>();
  for (const r of listReminders(app)) {
    if (r.level !== 'overdue') continue;
    const kinds = out.get(r.caseId) ?? [];
    if (!kinds.includes(r.kind)) kinds.push(r.kind);
    out.set(r.caseId, kinds);
  }
  return out;
}
