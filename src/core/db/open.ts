import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { DomainError } from '../errors';
import { applyMigrations, pendingMigrations } from './migrations';

export const DB_FILE = 'desk.sqlite';
export type Db = BetterSQLite3Database;

export type OpenedDb = { sqlite: Database.Database; db: Db; file: string; backupBeforeMigration: string | null };

const damaged = (file: string, detail: string) =>
  new DomainError(
    'DAMAGED',
    `数据文件已损坏，无法打开：${file}（${detail}）。请用“恢复备份”（xdesk restore <备份文件>）恢复，原文件不会被改动。`,
  );

/**
 * Opens (or creates) the database in `dataDir`: checks integrity, sets the PRAGMAs, and applies
 * pending migrations after copying the old file aside (so an upgrade can always be undone).
 */
export function openDatabase(dataDir: string): OpenedDb {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, DB_FILE);
  const existed = fs.existsSync(file) && fs.statSync(file).size > 0;
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file);
    sqlite.pragma('busy_timeout = 5000');
    const check = sqlite.pragma('quick_check', { simple: true });
    if (check !== 'ok') {
      sqlite.close();
      throw damaged(file, String(check));
    }
  } catch (e) {
    if (e instanceof DomainError) throw e;
    throw damaged(file, e instanceof Error ? e.message : String(e));
  }
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');

  const pending = pendingMigrations(sqlite);
  let backupBeforeMigration: string | null = null;
  if (pending.length > 0 && existed && hasUserTables(sqlite)) {
    const dir = path.join(dataDir, 'backups');
    fs.mkdirSync(dir, { recursive: true });
    backupBeforeMigration = path.join(dir, `before-migration-${new Date().toISOString().replace(/[:.]/g, '-')}.sqlite`);
    // VACUUM INTO writes a consistent copy even while WAL holds recent pages.
    sqlite.prepare('VACUUM INTO ?').run(backupBeforeMigration);
  }
  if (pending.length > 0) applyMigrations(sqlite, pending);
  return { sqlite, db: drizzle(sqlite), file, backupBeforeMigration };
}

function hasUserTables(sqlite: Database.Database): boolean {
  const row = sqlite
    .prepare("SELECT count(*) AS n FROM sqlite_master WHERE type='table' AND name NOT IN ('schema_migrations')")
    .get() as { n: number };
  return row.n > 0;
}
