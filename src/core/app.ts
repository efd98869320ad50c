import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { openDatabase, type Db } from './db/open';
import { holdDataDir, liveHolders } from './db/hostLock';
import { sweepLeftovers } from './files/leftovers';
import { ensureChainKey, recordWitness } from './audit/audit';
import { SessionStore } from './auth/sessions';
import { LoginThrottle } from './auth/throttle';

/** Everything a service needs: the database, the data folder, the clock, the sessions. */
export type CoreApp = {
  sqlite: Database.Database;
  db: Db;
  dataDir: string;
  dbFile: string;
  sessions: SessionStore;
  /** Failed logins per client (auth/throttle.ts). */
  loginThrottle: LoginThrottle;
  /** The clock; tests replace it. */
  now: () => Date;
  close: () => void;
};

export type OpenOptions = { dataDir: string; now?: () => Date };

export function openCore(opts: OpenOptions): CoreApp {
  // The host's mark comes first: a restore never replaces the file under an open host (issue 12 §7).
  const release = holdDataDir(opts.dataDir);
  let opened: ReturnType<typeof openDatabase>;
  try {
    // Alone with the folder: whatever half-made files lie in it belong to killed processes.
    if (liveHolders(opts.dataDir).length === 1) sweepLeftovers(opts.dataDir);
    opened = openDatabase(opts.dataDir);
  } catch (e) {
    release();
    throw e;
  }
  fs.mkdirSync(path.join(opts.dataDir, 'tmp'), { recursive: true });
  const now = opts.now ?? (() => new Date());
  const app: CoreApp = {
    sqlite: opened.sqlite,
    db: opened.db,
    dataDir: opts.dataDir,
    dbFile: opened.file,
    sessions: new SessionStore(now),
    loginThrottle: new LoginThrottle(now),
    now,
    close: () => {
      if (!opened.sqlite.open) return;
      try {
        recordWitness(app);
      } catch (e) {
        console.error('[xdesk] audit witness not written', e);
      }
      opened.sqlite.close();
      release();
    },
  };
  try {
    ensureChainKey(app);
  } catch (e) {
    app.close();
    throw e;
  }
  return app;
}

/** Runs `fn` in one SQLite transaction (nested calls become savepoints). */
export function inTransaction<T>(app: CoreApp, fn: () => T): T {
  return app.sqlite.transaction(fn)();
}
