import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { CoreApp } from '../app';
import { DomainError } from '../errors';
import { DB_FILE } from './open';
import { resolveDataDir } from './dataDir';

/** An online, consistent copy of the database (SQLite's backup API), written under a temp name first. */
export async function backupTo(app: CoreApp, file: string): Promise<{ file: string; bytes: number }> {
  const target = path.resolve(file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const tmp = `${target}.partial-${process.pid}`;
  await app.sqlite.backup(tmp);
  fs.renameSync(tmp, target);
  return { file: target, bytes: fs.statSync(target).size };
}

/**
 * Replaces the database with a backup. The backup is checked first (it must open and pass
 * integrity_check, and be one of ours); the current file is kept aside, never deleted.
 * Run with the app closed.
 */
export function restoreFrom(dataDirOption: string | undefined, file: string): { restored: string; previous: string | null } {
  const source = path.resolve(file);
  if (!fs.existsSync(source)) throw new DomainError('NOT_FOUND', `备份文件不存在：${source}`);
  try {
    const probe = new Database(source, { readonly: true, fileMustExist: true });
    const check = probe.pragma('integrity_check', { simple: true });
    const ours = probe.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name IN ('users','audit_log')").get() as { n: number };
    probe.close();
    if (check !== 'ok') throw new Error(String(check));
    if (ours.n !== 2) throw new Error('不是交叉执行工作台的数据文件');
  } catch (e) {
    throw new DomainError('DAMAGED', `备份文件无法使用：${e instanceof Error ? e.message : String(e)}`);
  }
  const dataDir = dataDirOption ? path.resolve(dataDirOption) : resolveDataDir([]);
  fs.mkdirSync(dataDir, { recursive: true });
  const current = path.join(dataDir, DB_FILE);
  let previous: string | null = null;
  if (fs.existsSync(current)) {
    fs.mkdirSync(path.join(dataDir, 'backups'), { recursive: true });
    previous = path.join(dataDir, 'backups', `before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}.sqlite`);
    const db = new Database(current);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    fs.copyFileSync(current, previous);
  }
  const tmp = `${current}.restore-${process.pid}`;
  fs.copyFileSync(source, tmp);
  for (const suffix of ['-wal', '-shm']) fs.rmSync(current + suffix, { force: true });
  fs.renameSync(tmp, current);
  return { restored: current, previous };
}
