import type { CoreApp } from '../../app';
import { fail, notFound } from '../../errors';

/** A user's named filter sets for the ledger table (saved_views; one name per user). */
export function listViews(app: CoreApp, userId: number) {
  return app.sqlite
    .prepare('SELECT id, name, filters, created_at AS createdAt FROM saved_views WHERE user_id = ? ORDER BY name')
    .all(userId) as { id: number; name: string; filters: string; createdAt: string }[];
}

/** Saves under a name; the same name again replaces that view's filters. */
export function saveView(app: CoreApp, userId: number, name: string, filters: string) {
  try {
    JSON.parse(filters);
  } catch {
    fail('INVALID_INPUT', '「筛选条件」格式无效', 'filters');
  }
  const now = app.now().toISOString();
  app.sqlite
    .prepare(
      `INSERT INTO saved_views (user_id, name, filters, created_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (user_id, name) DO UPDATE SET filters = excluded.filters`,
    )
    .run(userId, name, filters, now);
  return app.sqlite.prepare('SELECT id, name, filters, created_at AS createdAt FROM saved_views WHERE user_id = ? AND name = ?').get(userId, name) as {
    id: number;
    name: string;
    filters: string;
    createdAt: string;
  };
}

/** Only the owner can delete a view. */
export function deleteView(app: CoreApp, userId: number, viewId: number): string {
  const v = app.sqlite.prepare('SELECT name FROM saved_views WHERE id = ? AND user_id = ?').get(viewId, userId) as { name: string } | undefined;
  if (!v) notFound('视图');
  app.sqlite.prepare('DELETE FROM saved_views WHERE id = ?').run(viewId);
  return v!.name;
}
