import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { CoreApp } from '../app';
import { DomainError } from '../errors';
import { DB_FILE } from './open';
import { resolveDataDir } from './dataDir';
import { whileNoHostHolds } from './hostLock';
import { openCore } from '../app';
import { appendRestoreAudit } from '../audit/audit';
import { BACKUP_FOLDERS, BACKUP_MANIFEST, copyTree, readBackupManifest } from './fullBackup';

/** An online, consistent copy of the database (SQLite's backup API), written under a temp name first. */
export async function backupTo(app: CoreApp, file: string): Promise<{ file: string; bytes: number }> {
  const target = path.resolve(file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const tmp = `${target}.partial-${process.pid}`;
  try {
    await app.sqlite.backup(tmp);
    fs.chmodSync(tmp, 0o600);
    fs.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  return { file: target, bytes: fs.statSync(target).size };
}

/**
 * Replaces the database with a backup. The backup is checked first (it must open and pass
 * integrity_check, and be one of ours); the current file is kept aside, never deleted.
 * Refused while any host holds the data folder (hostLock.ts); the restore is audited.
 */
export function restoreFrom(dataDirOption: string | undefined, file: string, opts: { by?: string } = {}): { restored: string; previous: string | null } {
  const dataDir = dataDirOption ? path.resolve(dataDirOption) : resolveDataDir([]);
  return whileNoHostHolds(dataDir, () => restoreDatabase(dataDir, file, opts.by ?? '命令行'));
}

function restoreDatabase(dataDir: string, file: string, by: string): { restored: string; previous: string | null } {
  const given = path.resolve(file);
  if (!fs.existsSync(given)) throw new DomainError('NOT_FOUND', `备份文件不存在：${given}`);
  // A whole backup is a folder with backup.json (fullBackup.ts); a database-only backup is the file.
  const whole = fs.statSync(given).isDirectory() ? readBackupManifest(given) : null;
  if (fs.statSync(given).isDirectory() && !whole) throw new DomainError('DAMAGED', `备份文件无法使用：${given} 不是交叉执行工作台的备份（缺少 ${BACKUP_MANIFEST}）`);
  const source = whole ? path.join(given, DB_FILE) : given;
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
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const current = path.join(dataDir, DB_FILE);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  let previous: string | null = null;
  if (fs.existsSync(current)) {
    fs.mkdirSync(path.join(dataDir, 'backups'), { recursive: true, mode: 0o700 });
    previous = path.join(dataDir, 'backups', `before-restore-${stamp}.sqlite`);
    const db = new Database(current);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    fs.copyFileSync(current, previous);
    fs.chmodSync(previous, 0o600);
    // The keys a whole restore replaces are kept beside the replaced database.
    if (whole) copyTree(path.join(dataDir, 'keys'), path.join(dataDir, 'backups', `before-restore-${stamp}-keys`));
  }
  const tmp = `${current}.restore-${process.pid}`;
  fs.copyFileSync(source, tmp);
  fs.chmodSync(tmp, 0o600);
  for (const suffix of ['-wal', '-shm']) fs.rmSync(current + suffix, { force: true });
  fs.renameSync(tmp, current);
  // Files of a whole backup: blobs are content-addressed (same name, same bytes), keys and
  // approval documents are put back as they were; folders 0700, files 0600.
  if (whole) for (const rel of BACKUP_FOLDERS) copyTree(path.join(given, rel), path.join(dataDir, rel));
  // The restored log records its own restore, so the jump back in time is visible in 审计日志.
  const app = openCore({ dataDir });
  try {
    appendRestoreAudit(app, {
      userId: null,
      userName: by,
      call: 'backup.restore',
      recordType: 'backup',
      recordId: path.basename(given),
      summary: `从${whole ? '完整备份' : '数据库备份'}恢复：${given}${whole ? `（${whole.holds.join('；')}）` : '（仅数据库；电子卷宗文件与密钥未改动）'}；恢复前的数据库另存于 ${previous ?? '（无）'}`,
    });
  } finally {
    app.close();
  }
  return { restored: current, previous };
}
