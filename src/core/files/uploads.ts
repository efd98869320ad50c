import fs from 'node:fs';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';
import type { CallName } from '../../contract';
import type { CoreApp } from '../app';
import { DomainError, fail } from '../errors';
import { getSettings } from '../settings/settings';

/**
 * One staging area for files on their way into the core, used by every host: browser mode streams
 * the request body here (src/server/uploads.ts), Electron copies the file chosen in its dialog,
 * the CLI copies the file named on the command line. Each staged file gets an upload id; the call
 * that consumes it (e.g. ledger.import.preview) names the id and must belong to the same user.
 * Files live in <data>/tmp/uploads and are removed after a day.
 */
export type StagedUpload = { uploadId: string; name: string; size: number; sha256: string };
type Meta = StagedUpload & { ownerId: number; forCall: string; createdAt: string };

/** Default upper limit for one staged file; a consuming call may demand less. */
export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

/**
 * Calls whose uploads follow a setting instead of the default: an e-file import takes a scanner's
 * whole output, so its limit is the per-file setting `efileMaxFileMb` (default 500 MB, issue 5).
 * Every host stages with `uploadLimit`, so the browser, Electron and the CLI refuse the same files.
 */
const CALL_LIMITS: Partial<Record<CallName, (app: CoreApp) => { bytes: number; message: (name: string) => string }>> = {
  'efiles.import': (app) => {
    const mb = getSettings(app).efileMaxFileMb ?? 500;
    return { bytes: mb * 1024 * 1024, message: (name) => `「${safeName(name)}」超过单个文件 ${mb} MB 的上限（设置项「单个文件大小上限」），未上传` };
  },
};

export type UploadLimit = { bytes: number; message: (name: string) => string };

/** The largest file `forCall` accepts, and the message that refuses a bigger one. */
export function uploadLimit(app: CoreApp, forCall: CallName): UploadLimit {
  return CALL_LIMITS[forCall]?.(app) ?? { bytes: MAX_UPLOAD_BYTES, message: () => `文件超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB 上限，未上传` };
}
const KEEP_MS = 24 * 3600 * 1000;
const ID = /^[A-Za-z0-9_-]{22}$/;

const dirOf = (app: CoreApp) => path.join(app.dataDir, 'tmp', 'uploads');
const safeName = (name: string) => path.basename(name.replace(/\\/g, '/')).replace(/[\u0000-\u001f]/g, '').slice(0, 200) || '未命名文件';

const explicitLimit = (bytes: number): UploadLimit => ({ bytes, message: () => `文件超过 ${Math.round(bytes / 1024 / 1024)} MB 上限，未上传` });

/**
 * Streams `source` into staging (straight to disk, 1 MiB at a time at most: a 500 MB scan is never
 * held in memory), refusing and deleting what was written once it passes the limit — `forCall`'s
 * (`uploadLimit`) unless the caller names a smaller one.
 */
export async function stageStream(
  app: CoreApp,
  owner: { id: number },
  forCall: CallName,
  name: string,
  source: Readable,
  limitBytes?: number,
): Promise<StagedUpload> {
  const limit = limitBytes === undefined ? uploadLimit(app, forCall) : explicitLimit(limitBytes);
  const { uploadId, part } = newPart(app);
  const hash = createHash('sha256');
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      size += chunk.length;
      if (size > limit.bytes) return cb(new DomainError('PAYLOAD_TOO_LARGE', limit.message(name), 'file'));
      hash.update(chunk);
      cb(null, chunk);
    },
  });
  try {
    await pipeline(source, meter, fs.createWriteStream(part, { flags: 'wx' }));
  } catch (e) {
    fs.rmSync(part, { force: true });
    if (e instanceof DomainError) throw e;
    throw new DomainError('INVALID_INPUT', '文件上传中断，请重试', 'file');
  }
  return settleStaged(app, owner, forCall, name, uploadId, size, hash.digest('hex'));
}

/** A staging file and its upload id, in the staging folder (swept of day-old files first). */
function newPart(app: CoreApp): { uploadId: string; part: string } {
  const dir = dirOf(app);
  fs.mkdirSync(dir, { recursive: true });
  sweep(app);
  const uploadId = randomBytes(16).toString('base64url');
  return { uploadId, part: path.join(dir, `${uploadId}.part`) };
}

/** The written `.part` becomes the upload: refused when empty, else renamed and described. */
function settleStaged(app: CoreApp, owner: { id: number }, forCall: CallName, name: string, uploadId: string, size: number, sha256: string): StagedUpload {
  const dir = dirOf(app);
  const part = path.join(dir, `${uploadId}.part`);
  if (size === 0) {
    fs.rmSync(part, { force: true });
    fail('INVALID_INPUT', '文件是空的', 'file');
  }
  const meta: Meta = { uploadId, name: safeName(name), size, sha256, ownerId: owner.id, forCall, createdAt: app.now().toISOString() };
  fs.renameSync(part, path.join(dir, `${uploadId}.bin`));
  fs.writeFileSync(path.join(dir, `${uploadId}.json`), JSON.stringify(meta));
  return publicOf(meta);
}

/** Electron's file dialog and the CLI: stage a file from a local path. */
export async function stageFile(app: CoreApp, owner: { id: number }, forCall: CallName, file: string, limitBytes?: number): Promise<StagedUpload> {
  const limit = limitBytes === undefined ? uploadLimit(app, forCall) : explicitLimit(limitBytes);
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch {
    return fail('NOT_FOUND', `找不到文件：${file}`, 'file');
  }
  if (!st.isFile()) fail('INVALID_INPUT', `不是文件：${file}`, 'file');
  const name = path.basename(file);
  if (st.size > limit.bytes) fail('PAYLOAD_TOO_LARGE', limit.message(name), 'file');
  // One 1 MiB buffer read, hashed and written in turn: a folder of scans is copied without leaving
  // a trail of chunk buffers for the garbage collector (as a stream pipeline would).
  const { uploadId, part } = newPart(app);
  const hash = createHash('sha256');
  const buf = Buffer.allocUnsafe(1024 * 1024);
  let size = 0;
  const input = await fs.promises.open(file, 'r');
  try {
    const out = await fs.promises.open(part, 'wx');
    try {
      for (let n; (n = (await input.read(buf, 0, buf.length, null)).bytesRead) > 0; ) {
        size += n;
        if (size > limit.bytes) throw new DomainError('PAYLOAD_TOO_LARGE', limit.message(name), 'file');
        hash.update(buf.subarray(0, n));
        for (let off = 0; off < n; ) off += (await out.write(buf, off, n - off)).bytesWritten;
      }
    } finally {
      await out.close();
    }
  } catch (e) {
    fs.rmSync(part, { force: true });
    if (e instanceof DomainError) throw e;
    throw new DomainError('INVALID_INPUT', `无法读取文件：${name}`, 'file');
  } finally {
    await input.close();
  }
  return settleStaged(app, owner, forCall, name, uploadId, size, hash.digest('hex'));
}

/** Tests and in-process callers: stage bytes already in memory. */
export async function stageBytes(app: CoreApp, owner: { id: number }, forCall: CallName, name: string, bytes: Buffer): Promise<StagedUpload> {
  const { Readable } = await import('node:stream');
  return stageStream(app, owner, forCall, name, Readable.from([bytes]));
}

/** The staged file for its owner; refused for anyone else and once it has expired. */
export function readStaged(app: CoreApp, user: { id: number }, uploadId: string, maxBytes = MAX_UPLOAD_BYTES): { meta: StagedUpload; bytes: Buffer } {
  const meta = metaOf(app, uploadId);
  if (!meta || meta.ownerId !== user.id) return fail('NOT_FOUND', '上传的文件已过期或不存在，请重新选择文件', 'uploadId');
  if (meta.size > maxBytes) fail('PAYLOAD_TOO_LARGE', `文件超过 ${Math.round(maxBytes / 1024 / 1024)} MB 上限`, 'uploadId');
  return { meta: publicOf(meta), bytes: fs.readFileSync(path.join(dirOf(app), `${uploadId}.bin`)) };
}

export function discardStaged(app: CoreApp, user: { id: number }, uploadId: string): void {
  const meta = metaOf(app, uploadId);
  if (!meta || meta.ownerId !== user.id) return;
  for (const ext of ['bin', 'json']) fs.rmSync(path.join(dirOf(app), `${uploadId}.${ext}`), { force: true });
}

function metaOf(app: CoreApp, uploadId: string): Meta | null {
  if (!ID.test(uploadId)) return null;
  try {
    return JSON.parse(fs.readFileSync(path.join(dirOf(app), `${uploadId}.json`), 'utf8')) as Meta;
  } catch {
    return null;
  }
}

const publicOf = (m: Meta): StagedUpload => ({ uploadId: m.uploadId, name: m.name, size: m.size, sha256: m.sha256 });

/** Removes staged files older than a day (and half-written ones left by a crash). */
function sweep(app: CoreApp): void {
  const dir = dirOf(app);
  const cutoff = Date.now() - KEEP_MS;
  for (const f of fs.readdirSync(dir)) {
    const p = path.join(dir, f);
    try {
      if (fs.statSync(p).mtimeMs < cutoff) fs.rmSync(p, { force: true });
    } catch {
      /* removed meanwhile */
    }
  }
}
