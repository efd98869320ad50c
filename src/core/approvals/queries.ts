import type { RequestRow, RequestState } from '../../contract/calls/approvals';
import type { UserPublic } from '../../contract/calls/common';
import { TRANSFER_STATES, type TransferState } from '../../contract/vocabulary';
import type { CoreApp } from '../app';
import { getSettings } from '../settings/settings';
import { isDeputy, mayDecideLevel } from './rules';
import { findRequest, toRow } from './store';
import { chinaDate, chinaDayStartUtc, daysBetween, weekStart } from './time';
import { listReminders } from '../ledger/deadlines/reminders';

/** Requests awaiting this user's decision: level 1 for the chief/deputy, level 2 for leaders; never their own. */
function queueWhere(app: CoreApp, user: UserPublic): { sql: string; args: unknown[] } {
  const states: RequestState[] = [];
  if (mayDecideLevel(app, user, 1)) states.push('待审批');
  if (mayDecideLevel(app, user, 2)) states.push('待院领导审批');
  if (!states.length) return { sql: '0', args: [] };
  return { sql: `r.state IN (${states.map(() => '?').join(',')}) AND r.requester_id <> ?`, args: [...states, user.id] };
}

export function queueCount(app: CoreApp, user: UserPublic): number {
  const w = queueWhere(app, user);
  return (app.sqlite.prepare(`SELECT count(*) AS n FROM approval_requests r WHERE ${w.sql}`).get(...w.args) as { n: number }).n;
}

/**
 * Lists requests. mine: the caller's own (all versions); queue: awaiting the caller's decision;
 * all: every request — deciders only; handlers and clerks see theirs and their cases'.
 */
export function listRequests(
  app: CoreApp,
  user: UserPublic,
  input: { scope: 'mine' | 'queue' | 'all'; state?: RequestState; q?: string; page: number; pageSize: number },
): { rows: RequestRow[]; total: number } {
  const where: string[] = [];
  const args: unknown[] = [];
  if (input.scope === 'mine') {
    where.push('r.requester_id = ?');
    args.push(user.id);
  } else if (input.scope === 'queue') {
    const w = queueWhere(app, user);
    where.push(w.sql);
    args.push(...w.args);
  } else if (!(user.role === 'chief' || user.role === 'leader' || isDeputy(app, user))) {
    where.push(`(r.requester_id = ? OR EXISTS (SELECT 1 FROM approval_request_cases l JOIN cases c ON c.id = l.case_id WHERE l.request_id = r.id AND c.handler_id = ?))`);
    args.push(user.id, user.id);
  }
  if (input.state) {
    where.push('r.state = ?');
    args.push(input.state);
  }
  if (input.q) {
    where.push(`(r.requester_name LIKE ? OR EXISTS (SELECT 1 FROM approval_request_cases l JOIN cases c ON c.id = l.case_id
      LEFT JOIN parties p ON p.case_id = c.id WHERE l.request_id = r.id AND (c.case_no LIKE ? OR p.name LIKE ?)))`);
    const like = `%${input.q.replace(/[%_]/g, (m) => '\\' + m)}%`;
    args.push(like, like, like);
  }
  const sql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (app.sqlite.prepare(`SELECT count(*) AS n FROM approval_requests r ${sql}`).get(...args) as { n: number }).n;
  // The queue is oldest first (first come, first decided); other lists newest first.
  const order = input.scope === 'queue' ? 'r.submitted_at ASC, r.id ASC' : 'coalesce(r.submitted_at, r.created_at) DESC, r.id DESC';
  const ids = app.sqlite
    .prepare(`SELECT r.id FROM approval_requests r ${sql} ORDER BY ${order} LIMIT ? OFFSET ?`)
    .all(...args, input.pageSize, (input.page - 1) * input.pageSize) as { id: number }[];
  return { rows: ids.map(({ id }) => toRow(app, findRequest(app, id)!)), total };
}

/** The chief's morning page: what waits, what was decided this week, the bureau's transfers by state, deadlines. */
export function overview(app: CoreApp, user: UserPublic) {
  const today = chinaDate(app.now());
  const monday = weekStart(app.now());
  const pending = listRequests(app, user, { scope: 'queue', page: 1, pageSize: 200 }).rows.map((r) => ({
    ...r,
    waitingDays: r.submittedAt ? Math.max(0, daysBetween(chinaDate(new Date(r.submittedAt)), today)) : 0,
  }));
  const decidedIds = app.sqlite
    .prepare(`SELECT DISTINCT request_id AS id FROM approval_decisions WHERE decided_at >= ? ORDER BY request_id DESC LIMIT 200`)
    .all(chinaDayStartUtc(monday)) as { id: number }[];
  const decidedThisWeek = decidedIds.map(({ id }) => toRow(app, findRequest(app, id)!));
  const counts = app.sqlite
    .prepare(`SELECT outcome, count(*) AS n FROM approval_decisions WHERE decided_at >= ? GROUP BY outcome`)
    .all(chinaDayStartUtc(monday)) as { outcome: '同意' | '退回补充' | '不同意'; n: number }[];
  const weekCounts = { 同意: 0, 退回补充: 0, 不同意: 0 };
  for (const c of counts) weekCounts[c.outcome] = c.n;
  const byState = new Map(
    (app.sqlite.prepare('SELECT state, count(*) AS n FROM transfers GROUP BY state').all() as { state: TransferState; n: number }[]).map((r) => [r.state, r.n]),
  );
  return {
    pending,
    decidedThisWeek,
    weekCounts,
    transfersByState: TRANSFER_STATES.map((state) => ({ state, count: byState.get(state) ?? 0 })),
    deadlines: transferDeadlines(app, getSettings(app).deadlineReminderDays + 7),
    weekStart: monday,
  };
}

/**
 * Cross-execution deadlines due within `withinDays` (overdue included), from the ledger's reminders
 * — the same dates the ledger and the notices show: 督促限期 (执行程序解释 arts. 11–12), 移入立案 and
 * 次日填报 of transferred-in cases (local settings).
 */
function transferDeadlines(app: CoreApp, withinDays: number) {
  return listReminders(app, { kinds: ['urge', 'filing', 'entry'] })
    .filter((r) => r.transferId !== undefined && r.daysLeft <= withinDays)
    .map((r) => ({ transferId: r.transferId!, caseNo: r.caseNo, what: r.what, dueOn: r.dueOn, daysLeft: r.daysLeft }));
}
