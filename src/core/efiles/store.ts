import fs from 'node:fs';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { CoreApp } from '../app';
import { DomainError } from '../errors';
import { fsyncFile, renameDurably, syncDir, writeDurably } from '../files/atomicWrite';

/**
 * The content-addressed blob store of the e-files: every stored file is named by its SHA-256 under
 * <data>/efiles/blobs/<2 hex>/<64 hex>, so identical files are stored once however often they are
 * filed. Writing is temp file → fsync → rename; the row that names the blob is inserted only after
 * the rename (callers do that in a transaction), so a crash leaves at most a blob without a row,
 * which `sweepStore` removes — never a row pointing at a missing file.
 */
export const SHA256 = /^[0-9a-f]{64}$/;

const root = (app: CoreApp) => path.join(app.dataDir, 'efiles');
const blobsDir = (app: CoreApp) => path.join(root(app), 'blobs');
const tmpDir = (app: CoreApp) => path.join(root(app), 'tmp');

/** Absolute path of a stored blob (whether or not it exists). */
export function blobPath(app: CoreApp, sha256: string): string {
  if (!SHA256.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
  return path.join(blobsDir(app), sha256.slice(0, 2), sha256);
}

export type StoredBlob = { sha256: string; size: number; path: string; created: boolean };

function tempFile(app: CoreApp): string {
  fs.mkdirSync(tmpDir(app), { recursive: true });
  return path.join(tmpDir(app), `${randomBytes(12).toString('hex')}.part`);
}

/** Moves a fully written, fsynced temp file to its place; keeps the existing blob if one is there. */
function settle(app: CoreApp, temp: string, sha256: string, size: number): StoredBlob {
  const target = blobPath(app, sha256);
  if (fs.existsSync(target) && fs.statSync(target).size === size) {
    fs.rmSync(temp, { force: true });
    // Freshen it so a concurrent sweep does not take it for an old orphan before our row lands.
    const now = new Date();
    fs.utimesSync(target, now, now);
    return { sha256, size, path: target, created: false };
  }
  renameDurably(temp, target);
  return { sha256, size, path: target, created: true };
}

/** Streams `source` into the store, hashing as it goes (never holds the file in memory). */
export async function storeStream(app: CoreApp, source: Readable, limit = Number.MAX_SAFE_INTEGER): Promise<StoredBlob> {
  const temp = tempFile(app);
  const hash = createHash('sha256');
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      size += chunk.length;
      if (size > limit) return cb(new DomainError('PAYLOAD_TOO_LARGE', `文件超过 ${Math.round(limit / 1024 / 1024)} MB 上限`, 'file'));
      hash.update(chunk);
      cb(null, chunk);
    },
  });
  const out = fs.createWriteStream(temp, { flags: 'wx' });
  try {
    await pipeline(source, meter, out);
    fsyncFile(temp);
    return settle(app, temp, hash.digest('hex'), size);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    throw e;
  }
}

/** Copies a file on disk into the store (streamed). */
export function storeFile(app: CoreApp, file: string, limit?: number): Promise<StoredBlob> {
  return storeStream(app, fs.createReadStream(file, { highWaterMark: 1024 * 1024 }), limit);
}

/**
 * Moves a staged upload into the store instead of copying it again (src/core/files/uploads.ts hashed
 * it while writing it, in the same data folder): fsync, then rename to its content address — one
 * write of the bytes per import rather than two. A file whose size no longer matches what staging
 * recorded is refused; if the staging folder is on another file system, it is copied (and hashed
 * again) like any file.
 */
export async function storeStagedFile(app: CoreApp, file: string, staged: { sha256: string; size: number }, limit?: number, synced?: Promise<void>): Promise<StoredBlob> {
  if (!SHA256.test(staged.sha256) || fs.statSync(file).size !== staged.size) throw new DomainError('DAMAGED', '上传的文件在导入前被改动，请重新选择文件', 'uploadId');
  const target = blobPath(app, staged.sha256);
  if (fs.existsSync(target) && fs.statSync(target).size === staged.size) {
    const now = new Date();
    fs.utimesSync(target, now, now);
    return { sha256: staged.sha256, size: staged.size, path: target, created: false };
  }
  // `synced`: the caller started the fsync earlier (fsyncFileAsync) to overlap it with inspection.
  if (synced) await synced;
  else fsyncFile(file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  try {
    fs.renameSync(file, target);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EXDEV') return storeFile(app, file, limit);
    throw e;
  }
  syncDir(path.dirname(target));
  return { sha256: staged.sha256, size: staged.size, path: target, created: true };
}

/** Stores bytes already in memory (generated documents); synchronous so it fits any caller. */
export function storeBytes(app: CoreApp, bytes: Buffer | Uint8Array): StoredBlob {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const target = blobPath(app, sha256);
  if (fs.existsSync(target) && fs.statSync(target).size === bytes.length) {
    const now = new Date();
    fs.utimesSync(target, now, now);
    return { sha256, size: bytes.length, path: target, created: false };
  }
  const temp = tempFile(app);
  writeDurably(temp, bytes);
  return settle(app, temp, sha256, bytes.length);
}

/** SHA-256 of a file on disk, streamed. */
export async function hashFile(file: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { sha256: hash.digest('hex'), size };
}

/** Removes a blob once no row names it any more (after a purge). */
export function releaseBlob(app: CoreApp, sha256: string): boolean {
  const used = app.sqlite.prepare('SELECT 1 FROM efile_documents WHERE sha256 = ? LIMIT 1').get(sha256);
  if (used) return false;
  fs.rmSync(blobPath(app, sha256), { force: true });
  return true;
}

export type VerifyProblem = { sha256: string; problem: 'missing' | 'damaged'; documents: { id: number; caseNo: string | null; title: string; volume: string }[] };
export type VerifyReport = { checked: number; bytes: number; problems: VerifyProblem[]; orphans: number };

/**
 * Re-hashes every stored file that a row (live or in the recycle bin) names and lists the missing
 * and the damaged ones with the documents they belong to. Read-only.
 */
export async function verifyStore(app: CoreApp, onProgress?: (done: number, total: number) => void): Promise<VerifyReport> {
  const shas = (app.sqlite.prepare('SELECT DISTINCT sha256, size FROM efile_documents ORDER BY sha256').all() as { sha256: string; size: number }[]);
  const problems: VerifyProblem[] = [];
  let bytes = 0;
  let done = 0;
  for (const { sha256 } of shas) {
    const p = blobPath(app, sha256);
    let problem: VerifyProblem['problem'] | null = null;
    if (!fs.existsSync(p)) problem = 'missing';
    else {
      const h = await hashFile(p);
      bytes += h.size;
      if (h.sha256 !== sha256) problem = 'damaged';
    }
    if (problem) {
      const documents = app.sqlite
        .prepare(
          `SELECT d.id, c.case_no AS caseNo, d.title, d.volume FROM efile_documents d LEFT JOIN cases c ON c.id = d.case_id WHERE d.sha256 = ? ORDER BY d.id`,
        )
        .all(sha256) as VerifyProblem['documents'];
      problems.push({ sha256, problem, documents });
    }
    onProgress?.(++done, shas.length);
  }
  return { checked: shas.length, bytes, problems, orphans: listOrphans(app, 0).length };
}

/** Blobs no row names, last touched more than `graceMs` ago. */
function listOrphans(app: CoreApp, graceMs: number): string[] {
  const dir = blobsDir(app);
  if (!fs.existsSync(dir)) return [];
  const known = new Set((app.sqlite.prepare('SELECT DISTINCT sha256 FROM efile_documents').all() as { sha256: string }[]).map((r) => r.sha256));
  const cutoff = Date.now() - graceMs;
  const out: string[] = [];
  for (const sub of fs.readdirSync(dir)) {
    const subDir = path.join(dir, sub);
    if (!fs.statSync(subDir).isDirectory()) continue;
    for (const f of fs.readdirSync(subDir)) {
      const p = path.join(subDir, f);
      if (known.has(f)) continue;
      try {
        if (fs.statSync(p).mtimeMs <= cutoff) out.push(p);
      } catch {
        /* removed meanwhile */
      }
    }
  }
  return out;
}

export type SweepReport = { orphansRemoved: number; tempRemoved: number; bytesFreed: number };

/**
 * Removes blobs that no row names (left by a crash between rename and insert, or by a purge
 * interrupted before its file was removed) and abandoned temp files. Files touched within
 * `graceMs` (default an hour) are left alone: another process may be about to insert their row.
 */
export function sweepStore(app: CoreApp, opts: { graceMs?: number } = {}): SweepReport {
  const grace = opts.graceMs ?? 3600_000;
  let orphansRemoved = 0;
  let tempRemoved = 0;
  let bytesFreed = 0;
  const remove = (p: string) => {
    try {
      bytesFreed += fs.statSync(p).size;
      fs.rmSync(p, { force: true });
      return true;
    } catch {
      return false;
    }
  };
  for (const p of listOrphans(app, grace)) if (remove(p)) orphansRemoved++;
  const tmp = tmpDir(app);
  if (fs.existsSync(tmp)) {
    const cutoff = Date.now() - grace;
    for (const f of fs.readdirSync(tmp)) {
      const p = path.join(tmp, f);
      try {
        if (fs.statSync(p).mtimeMs <= cutoff && remove(p)) tempRemoved++;
      } catch {
        /* removed meanwhile */
      }
    }
  }
  return { orphansRemoved, tempRemoved, bytesFreed };
}
