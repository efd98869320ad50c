import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { CoreApp } from '../app';
import { auditHead, recordWitness } from '../audit/audit';
import { DomainError } from '../errors';
import { syncDir } from '../files/atomicWrite';
import { DB_FILE } from './open';

/**
 * A whole backup (issue 12 §11, issue 14 §11): one folder holding everything the data folder needs
 * to come back — the database (SQLite's online backup API, consistent while hosts write), the
 * e-file store (`efiles/blobs`), approval documents and attachments (`approvals/`), and the keys
 * (`keys/`: the upward-package signing keys and the audit chain key). `backup.json` says what it
 * holds and the audit head at the time (evidence of the log, issue 12 §8).
 * Written as `<target>.partial-<pid>` and renamed when complete; folders 0700, files 0600.
 */
export const BACKUP_MANIFEST = 'backup.json';
export const BACKUP_FORMAT = 'xdesk.backup';
/** Folders of the data folder a whole backup carries, besides the database. */
export const BACKUP_FOLDERS = ['efiles/blobs', 'approvals', 'keys'] as const;

export type BackupManifest = {
  format: typeof BACKUP_FORMAT;
  version: 1;
  createdAt: string;
  /** What the backup holds, in words for the admin. */
  holds: string[];
  database: { file: string; bytes: number };
  efiles: { blobs: number; bytes: number; documents: number; missing: number };
  keys: string[];
  auditHead: { id: number; hash: string };
};

export type FullBackupResult = { dir: string; manifest: BackupManifest };

export async function backupFull(app: CoreApp, target: string): Promise<FullBackupResult> {
  const dir = path.resolve(target);
  fs.mkdirSync(path.dirname(dir), { recursive: true, mode: 0o700 });
  if (fs.existsSync(dir)) throw new DomainError('CONFLICT', `备份位置已存在：${dir}。请换一个名称，已有的备份不会被覆盖。`);
  const tmp = `${dir}.partial-${process.pid}`;
  // A backup to this name killed earlier left its partial folder: remove it (its process is gone).
  for (const f of fs.readdirSync(path.dirname(dir), { withFileTypes: true })) {
    const m = f.name.startsWith(`${path.basename(dir)}.partial-`) ? /\.partial-(\d+)$/.exec(f.name) : null;
    if (m && !processAlive(Number(m[1]))) fs.rmSync(path.join(path.dirname(dir), f.name), { recursive: true, force: true });
  }
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp, { recursive: true, mode: 0o700 });
  try {
    recordWitness(app);
    const head = auditHead(app);
    const dbFile = path.join(tmp, DB_FILE);
    await app.sqlite.backup(dbFile);
    fs.chmodSync(dbFile, 0o600);
    let blobs = 0;
    let blobBytes = 0;
    for (const rel of BACKUP_FOLDERS) {
      const n = copyTree(path.join(app.dataDir, rel), path.join(tmp, rel));
      if (rel === 'efiles/blobs') [blobs, blobBytes] = n;
    }
    // Every document the copied database names must have its file in the backup.
    const snap = new Database(dbFile, { readonly: true });
    const shas = (snap.prepare('SELECT DISTINCT sha256 FROM efile_documents').all() as { sha256: string }[]).map((r) => r.sha256);
    snap.close();
    const missing = shas.filter((s) => !fs.existsSync(path.join(tmp, 'efiles', 'blobs', s.slice(0, 2), s))).length;
    const keys = fs.existsSync(path.join(tmp, 'keys')) ? fs.readdirSync(path.join(tmp, 'keys')) : [];
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      version: 1,
      createdAt: app.now().toISOString(),
      holds: [
        '数据库（台账、审批、周报、用户、设置、审计日志）',
        `电子卷宗文件 ${blobs} 个（${shas.length} 份文档所需的全部文件${missing ? `，缺 ${missing} 个` : ''}）`,
        '审批表、文书及附件',
        `密钥：${keys.map((k) => (k === 'exchange' ? '上报包签名密钥' : k === 'audit' ? '审计日志密钥' : k)).join('、') || '（无）'}`,
      ],
      database: { file: DB_FILE, bytes: fs.statSync(dbFile).size },
      efiles: { blobs, bytes: blobBytes, documents: shas.length, missing },
      keys,
      auditHead: { id: head.id, hash: head.hash },
    };
    fs.writeFileSync(path.join(tmp, BACKUP_MANIFEST), JSON.stringify(manifest, null, 1), { mode: 0o600 });
    syncDir(tmp);
    fs.renameSync(tmp, dir);
    syncDir(path.dirname(dir));
    return { dir, manifest };
  } catch (e) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
}

/** Reads a whole backup's manifest, or null when `dir` is not one. */
export function readBackupManifest(dir: string): BackupManifest | null {
  try {
    const m = JSON.parse(fs.readFileSync(path.join(dir, BACKUP_MANIFEST), 'utf8')) as BackupManifest;
    return m.format === BACKUP_FORMAT ? m : null;
  } catch {
    return null;
  }
}

/** Copies a folder tree (files 0600, folders 0700, each file fsynced); returns [files, bytes]. */
export function copyTree(from: string, to: string): [number, number] {
  if (!fs.existsSync(from)) return [0, 0];
  fs.mkdirSync(to, { recursive: true, mode: 0o700 });
  let files = 0;
  let bytes = 0;
  for (const e of fs.readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, e.name);
    const dst = path.join(to, e.name);
    if (e.isDirectory()) {
      const [f, b] = copyTree(src, dst);
      files += f;
      bytes += b;
    } else if (e.isFile()) {
      fs.copyFileSync(src, dst);
      fs.chmodSync(dst, 0o600);
      const fd = fs.openSync(dst, 'r');
      fs.fsyncSync(fd);
      fs.closeSync(fd);
      files++;
      bytes += fs.statSync(dst).size;
    }
  }
  return [files, bytes];
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
