import type BetterSqlite3 from 'better-sqlite3';
import { foundationMigrations } from './foundationMigrations';
import { ledgerMigrations } from '../ledger/migrations';
import { ledgerImportMigrations } from '../ledger/excelImport/migrations';
import { approvalMigrations } from '../approvals/migrations';
import { reportMigrations } from '../reports/migrations';
import { courtMigrations } from '../ledger/courts/migrations';
import { efilesMigrations } from '../efiles/migrations';
import { efilesTextMigrations } from '../efiles/text/migrations';
import { ledgerDeadlineMigrations } from '../ledger/deadlines/migrations';
import { exchangeMigrations } from '../exchange/migrations';

export type Migration = { id: string; sql: string };

/**
 * Every migration of every module, in the order they are applied. Forward-only: never edit or
 * reorder a released entry; add a new one at the end of its module's list. Each module keeps its
 * own numbered list so modules can grow independently.
 */
export const MIGRATIONS: Migration[] = [
  ...foundationMigrations,
  ...ledgerMigrations,
  ...ledgerImportMigrations,
  ...courtMigrations,
  ...approvalMigrations,
  ...reportMigrations,
  ...ledgerDeadlineMigrations,
  ...efilesMigrations,
  ...efilesTextMigrations,
  ...exchangeMigrations,
];

export function pendingMigrations(sqlite: BetterSqlite3.Database): Migration[] {
  sqlite.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)`);
  const done = new Set(
    (sqlite.prepare('SELECT id FROM schema_migrations').all() as { id: string }[]).map((r) => r.id),
  );
  return MIGRATIONS.filter((m) => !done.has(m.id));
}

/** Applies pending migrations, all in one transaction: either the whole upgrade lands or none of it. */
export function applyMigrations(sqlite: BetterSqlite3.Database, pending: Migration[]): void {
  const insert = sqlite.prepare('INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)');
  sqlite.transaction(() => {
    for (const m of pending) {
      sqlite.exec(m.sql);
      insert.run(m.id, new Date().toISOString());
    }
  })();
}
