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
    sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
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
  writeTransactionsStartImmediate(sqlite);
  return { sqlite, db: drizzle(sqlite), file, backupBeforeMigration };
}

/**
 * How long a writer waits for another host's write transaction (CLI import, browser mode and the
 * desktop window share one file) before giving up with SQLITE_BUSY — long enough for a 10k-row import.
 */
export const BUSY_TIMEOUT_MS = 20_000;

/**
 * Every `sqlite.transaction(fn)()` of this connection starts with BEGIN IMMEDIATE (issue 12 §9).
 * A deferred BEGIN takes the write lock only at its first write; if another process committed
 * since the transaction's first read, SQLite cannot upgrade the stale snapshot and answers
 * SQLITE_BUSY at once, without waiting on busy_timeout. IMMEDIATE takes the write lock up front,
 * where busy_timeout applies, so concurrent writers queue instead of failing. Nested calls remain
 * savepoints. One rule here instead of `.immediate` at every call site.
 */
function writeTransactionsStartImmediate(sqlite: Database.Database): void {
  const deferred = sqlite.transaction.bind(sqlite);
  sqlite.transaction = (<F extends (...args: never[]) => unknown>(fn: F) => {
    const t = deferred(fn);
    const immediate = t.immediate as (...args: unknown[]) => unknown;
    return Object.assign((...args: unknown[]) => immediate(...args), t);
  }) as typeof sqlite.transaction;
}

function hasUserTables(sqlite: Database.Database): boolean {
  const row = sqlite
    .prepare("SELECT count(*) AS n FROM sqlite_master WHERE type='table' AND name NOT IN ('schema_migrations')")
    .get() as { n: number };
  return row.n > 0;
}
