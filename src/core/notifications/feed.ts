import type { CoreApp } from '../app';

/**
 * Which users received notices since `afterId` (only committed rows are visible: the reader sees
 * the database, not an open transaction). Hosts that push changes (browser and bureau mode's
 * server-sent events) remember the last id they saw and ask again after every change.
 */
export function noticesSince(app: CoreApp, afterId: number): { lastId: number; userIds: number[] } {
  const rows = app.sqlite.prepare('SELECT DISTINCT user_id AS u FROM notifications WHERE id > ?').all(afterId) as { u: number }[];
  return { lastId: Math.max(latestNoticeId(app), afterId), userIds: rows.map((r) => r.u) };
}

export const latestNoticeId = (app: CoreApp): number =>
  (app.sqlite.prepare('SELECT COALESCE(MAX(id), 0) AS n FROM notifications').get() as { n: number }).n;
