import fs from 'node:fs';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import type { UserPublic } from '../../contract/calls/common';
import type { Manifest } from '../../contract/calls/exchange';
import type { CoreApp } from '../app';
import { fail } from '../errors';
import { createDownloadFile, type Download } from '../files/downloads';
import { signerOf, trustSet, verifyTrust } from './trust';
import { verifyPackage, type VerifyReport } from './verify';
import { readCentralDirectory, readEntry } from './zipEntries';

/**
 * The import view: a received package is verified, then opened read-only — the way the
 * intermediate court looks at it. Nothing from the package touches the database; a file is handed
 * out by copying its bytes (re-hashed on the way, so a file swapped after verification is refused)
 * to a download named by index, never to a path taken from the zip.
 */
const viewsDir = (app: CoreApp) => path.join(app.dataDir, 'tmp', 'exchange-view');
const VIEW_ID = /^[A-Za-z0-9_-]{16}$/;

type ViewMeta = { viewId: string; ownerId: number; zip: string; manifest: Manifest };

export { trustedKeys } from './trust';

/** The staged upload's file, for its owner (see files/uploads.ts). */
export function stagedPath(app: CoreApp, user: { id: number }, uploadId: string): string {
  const dir = path.join(app.dataDir, 'tmp', 'uploads');
  try {
    if (!/^[A-Za-z0-9_-]{22}$/.test(uploadId)) throw new Error();
    const meta = JSON.parse(fs.readFileSync(path.join(dir, `${uploadId}.json`), 'utf8')) as { ownerId: number };
    if (meta.ownerId !== user.id) throw new Error();
  } catch {
    return fail('NOT_FOUND', '上传的文件已过期或不存在，请重新选择文件', 'uploadId');
  }
  return path.join(dir, `${uploadId}.bin`);
}

export async function openView(
  app: CoreApp,
  user: UserPublic,
  zipFile: string,
  opts: { move?: boolean; trust?: string[] } = {},
): Promise<VerifyReport & { viewId: string | null; signer: ReturnType<typeof signerOf> }> {
  const trust = trustSet(app, opts.trust);
  const verified = await verifyPackage(zipFile, verifyTrust(trust));
  const report = { ...verified, signer: signerOf(trust, verified) };
  if (!report.ok || !report.manifest) return { ...report, viewId: null };
  const viewId = randomBytes(12).toString('base64url');
  const dir = path.join(viewsDir(app), viewId);
  fs.mkdirSync(dir, { recursive: true });
  let zip = zipFile;
  if (opts.move) {
    zip = path.join(dir, 'package.zip');
    fs.renameSync(zipFile, zip);
    fs.chmodSync(zip, 0o444);
  }
  const meta: ViewMeta = { viewId, ownerId: user.id, zip, manifest: report.manifest };
  fs.writeFileSync(path.join(dir, 'view.json'), JSON.stringify(meta));
  return { ...report, viewId };
}

function viewMeta(app: CoreApp, user: { id: number }, viewId: string): ViewMeta {
  try {
    if (!VIEW_ID.test(viewId)) throw new Error();
    const m = JSON.parse(fs.readFileSync(path.join(viewsDir(app), viewId, 'view.json'), 'utf8')) as ViewMeta;
    if (m.ownerId !== user.id) throw new Error();
    return m;
  } catch {
    return fail('NOT_FOUND', '「上报包」已关闭或已过期，请重新打开', 'viewId');
  }
}

const MIME: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  ofd: 'application/ofd',
};

/** Copies one file of an opened package out (re-hashing it), as a download of its owner. */
export async function copyOut(app: CoreApp, user: { id: number }, viewId: string, index: number): Promise<{ download: Download; mime: string }> {
  const m = viewMeta(app, user, viewId);
  const f = m.manifest.files[index] ?? fail('NOT_FOUND', `「文件序号」上报包中没有第 ${index + 1} 个文件`, 'index');
  const mime = MIME[f.format] ?? 'application/octet-stream';
  const download = await createDownloadFile(app, user, { name: path.posix.basename(f.path), mime }, async (target) => {
    await entryBytesTo(m, f.path, f.sha256, target);
  });
  return { download, mime };
}

/** Streams an entry to `target` (or nowhere, just hashing), refusing when its hash is no longer the manifest's. */
async function entryBytesTo(m: ViewMeta, name: string, sha256: string, target: string | null): Promise<Buffer[]> {
  const list = await readCentralDirectory(m.zip);
  const e = list.find((x) => x.name === name) ?? fail('NOT_FOUND', `上报包中找不到「${name}」`);
  const fh = await fs.promises.open(m.zip, 'r');
  const out = target ? await fs.promises.open(target, 'wx', 0o444) : null;
  const h = createHash('sha256');
  const small: Buffer[] = [];
  try {
    await readEntry(fh, e, (await fh.stat()).size, async (c) => {
      h.update(c);
      if (out) await out.write(c);
      else if (name.endsWith('.json')) small.push(Buffer.from(c));
    });
  } finally {
    await fh.close();
    await out?.close();
  }
  if (h.digest('hex') !== sha256) {
    if (target) fs.rmSync(target, { force: true });
    fail('DAMAGED', `「${name}」在校验后被改动，已拒绝打开`);
  }
  return small;
}

/** The ledger extract's rows (machine-readable JSON), for the table in the import view. */
export async function viewLedger(app: CoreApp, user: { id: number }, viewId: string): Promise<{ columns: { key: string; label: string }[]; rows: Record<string, unknown>[] }> {
  const m = viewMeta(app, user, viewId);
  const f = m.manifest.files.find((x) => x.kind === 'ledger' && x.format === 'json');
  if (!f) return { columns: [], rows: [] };
  if (f.size > 64 * 2 ** 20) fail('PAYLOAD_TOO_LARGE', '台账 JSON 超过 64 MB，请用命令行查看');
  const parsed = JSON.parse(Buffer.concat(await entryBytesTo(m, f.path, f.sha256, null)).toString('utf8')) as { columns?: string[]; rows?: Record<string, unknown>[] };
  const columns = (parsed.columns ?? []).map((c) => ({ key: c, label: c }));
  return { columns, rows: (parsed.rows ?? []).slice(0, 5000) };
}
