import type { CoreApp } from '../app';
import type { NotificationRow } from '../../contract/calls/notifications';
import { NOTIFICATION_KINDS } from '../../contract/calls/notifications';

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export type NewNotification = {
  kind: NotificationKind;
  title: string;
  body?: string;
  /** Route in the app the notice opens, e.g. /approvals/12. */
  link?: string;
  recordType?: string;
  recordId?: string | number;
  /** Same key twice → one notice (deadline reminders are raised every time the list is read). */
  dedupeKey?: string;
};

/**
 * Sends a notice to each user (duplicates removed). Runs inside the caller's transaction, so a
 * decision and the notice announcing it are stored together or not at all.
 */
export function notify(app: CoreApp, userIds: Iterable<number>, n: NewNotification): number {
  const stmt = app.sqlite.prepare(
    `INSERT OR IGNORE INTO notifications (user_id, kind, title, body, link, record_type, record_id, created_at, dedupe_key)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const at = app.now().toISOString();
  let sent = 0;
  for (const uid of new Set(userIds)) {
    const key = n.dedupeKey ? `${n.dedupeKey}#${uid}` : null;
    sent += stmt.run(uid, n.kind, n.title, n.body ?? '', n.link ?? null, n.recordType ?? null, n.recordId == null ? null : String(n.recordId), at, key).changes;
  }
  return sent;
}

type Row = { id: number; kind: NotificationKind; title: string; body: string; link: string | null; created_at: string; read_at: string | null };

export function listNotifications(app: CoreApp, userId: number, opts: { unreadOnly?: boolean; limit?: number } = {}): NotificationRow[] {
  const rows = app.sqlite
    .prepare(
      `SELECT id, kind, title, body, link, created_at, read_at FROM notifications
       WHERE user_id = ? ${opts.unreadOnly ? 'AND read_at IS NULL' : ''} ORDER BY id DESC LIMIT ?`,
    )
    .all(userId, opts.limit ?? 50) as Row[];
  return rows.map((r) => ({ id: r.id, kind: r.kind, title: r.title, body: r.body, link: r.link, createdAt: r.created_at, readAt: r.read_at }));
}

export function unreadCount(app: CoreApp, userId: number): number {
  return (app.sqlite.prepare('SELECT count(*) AS n FROM notifications WHERE user_id = ? AND read_at IS NULL').get(userId) as { n: number }).n;
}

/** Marks the given notices (only the caller's own) or all of them as read. */
export function markRead(app: CoreApp, userId: number, opts: { ids?: number[]; all?: boolean }): number {
  const at = app.now().toISOString();
  if (opts.all) {
    app.sqlite.prepare('UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL').run(at, userId);
  } else if (opts.ids?.length) {
    const stmt = app.sqlite.prepare('UPDATE notifications SET read_at = ? WHERE id = ? AND user_id = ? AND read_at IS NULL');
    app.sqlite.transaction(() => {
      for (const id of opts.ids!) stmt.run(at, id, userId);
    })();
  }
  return unreadCount(app, userId);
}

/** Active users holding one of the roles (e.g. every chief for a new request). */
export function usersWithRole(app: CoreApp, roles: readonly string[]): number[] {
  if (roles.length === 0) return [];
  const rows = app.sqlite
    .prepare(`SELECT id FROM users WHERE disabled = 0 AND role IN (${roles.map(() => '?').join(',')})`)
    .all(...roles) as { id: number }[];
  return rows.map((r) => r.id);
}
