import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { CoreApp } from '../app';
import { fail } from '../errors';

/**
 * Generated files (an exported ledger, a rejected-rows report, a weekly report …) handed to the
 * user by token: a call creates the file with `createDownload` and returns the token; browser mode
 * serves it at GET /api/file/download/<token> (src/server/downloads.ts), Electron saves it through
 * its save dialog. Only the user who created it may fetch it; files are removed after a day.
 */
export type Download = { token: string; name: string; size: number };
type Meta = Download & { ownerId: number; mime: string; createdAt: string };

const KEEP_MS = 24 * 3600 * 1000;
const TOKEN = /^[A-Za-z0-9_-]{32}$/;
const dirOf = (app: CoreApp) => path.join(app.dataDir, 'tmp', 'downloads');

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function createDownload(app: CoreApp, owner: { id: number }, file: { name: string; bytes: Buffer | Uint8Array; mime: string }): Download {
  const dir = dirOf(app);
  fs.mkdirSync(dir, { recursive: true });
  sweep(dir);
  const token = randomBytes(24).toString('base64url');
  fs.writeFileSync(path.join(dir, `${token}.bin`), file.bytes);
  const meta: Meta = { token, name: path.basename(file.name), size: file.bytes.length, ownerId: owner.id, mime: file.mime, createdAt: app.now().toISOString() };
  fs.writeFileSync(path.join(dir, `${token}.json`), JSON.stringify(meta));
  return { token, name: meta.name, size: meta.size };
}

/** For large files: `write` streams into the path it is given; the token is valid once it resolves. */
export async function createDownloadFile(
  app: CoreApp,
  owner: { id: number },
  file: { name: string; mime: string },
  write: (target: string) => Promise<void>,
): Promise<Download> {
  const dir = dirOf(app);
  fs.mkdirSync(dir, { recursive: true });
  sweep(dir);
  const token = randomBytes(24).toString('base64url');
  const target = path.join(dir, `${token}.bin`);
  try {
    await write(target);
  } catch (e) {
    fs.rmSync(target, { force: true });
    throw e;
  }
  const meta: Meta = { token, name: path.basename(file.name), size: fs.statSync(target).size, ownerId: owner.id, mime: file.mime, createdAt: app.now().toISOString() };
  fs.writeFileSync(path.join(dir, `${token}.json`), JSON.stringify(meta));
  return { token, name: meta.name, size: meta.size };
}

/** The file behind a token, for its owner only. */
export function openDownload(app: CoreApp, user: { id: number }, token: string): { file: string; name: string; mime: string; size: number } {
  const meta = TOKEN.test(token) ? readMeta(dirOf(app), token) : null;
  if (!meta || meta.ownerId !== user.id) return fail('NOT_FOUND', '下载链接已失效，请重新生成文件');
  return { file: path.join(dirOf(app), `${token}.bin`), name: meta.name, mime: meta.mime, size: meta.size };
}

function readMeta(dir: string, token: string): Meta | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, `${token}.json`), 'utf8')) as Meta;
  } catch {
    return null;
  }
}

function sweep(dir: string): void {
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
