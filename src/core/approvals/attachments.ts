import fs from 'node:fs';
import path from 'node:path';
import type { UserPublic } from '../../contract/calls/common';
import type { CoreApp } from '../app';
import { fail, notFound } from '../errors';
import { discardStaged, readStaged } from '../files/uploads';
import { requireVolumeAccess } from '../efiles/access';
import { efileDocument } from './efilesBridge';
import { assertRequester } from './rules';
import { getRequest, linksOf } from './store';

/** Attachments are kept in the data folder, one folder per request root (all versions share them by copy of the row). */
export const ATTACHMENT_MAX_BYTES = 50 * 1024 * 1024;
export const attachmentsDir = (app: CoreApp, requestId: number) => path.join(app.dataDir, 'approvals', String(requestId), 'attachments');

type Row = { id: number; kind: 'efile' | 'upload'; name: string; size: number; added_at: string; efile_document_id: number | null; stored_path: string | null };

export function attachmentsOf(app: CoreApp, requestId: number) {
  const rows = app.sqlite
    .prepare('SELECT id, kind, name, size, added_at, efile_document_id, stored_path FROM approval_attachments WHERE request_id = ? AND removed_at IS NULL ORDER BY id')
    .all(requestId) as Row[];
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    name: r.name,
    size: r.size,
    addedAt: r.added_at,
    efileDocumentId: r.efile_document_id,
    // Shown so readers know a 副卷 attachment opens only for those with 副卷 rights.
    efileVolume: r.efile_document_id ? (efileDocument(app, r.efile_document_id)?.volume ?? null) : null,
  }));
}

function assertEditable(app: CoreApp, user: UserPublic, requestId: number) {
  const r = getRequest(app, requestId);
  assertRequester(user, r, '修改附件');
  if (r.state !== '草稿') fail('INVALID_STATE', `该请求为「${r.state}」，附件不能再改动`);
  return r;
}

/** Checks and reads what is to be attached, before anything is written. */
export function prepareAttachment(app: CoreApp, user: UserPublic, input: { requestId: number; uploadId?: string; efileDocumentId?: number }) {
  assertEditable(app, user, input.requestId);
  if (!!input.uploadId === !!input.efileDocumentId) fail('INVALID_INPUT', '请上传一个文件，或从电子卷宗中选择一份文件', 'uploadId');
  if (input.efileDocumentId) {
    const caseIds = linksOf(app, input.requestId).map((l) => l.caseId);
    const doc = efileDocument(app, input.efileDocumentId);
    if (!doc) return notFound('电子卷宗文件');
    if (doc.caseId === null || !caseIds.includes(doc.caseId)) fail('INVALID_INPUT', '「电子卷宗文件」只能引用本请求所涉案件的电子卷宗文件', 'efileDocumentId');
    // The 副卷 stays with those who may see it (efiles/access.ts): nobody attaches what they cannot open.
    requireVolumeAccess(app, user, doc.caseId, doc.volume);
    if (doc.deletedAt) fail('INVALID_INPUT', `「电子卷宗文件」${doc.title} 已在回收站中，不能作为附件`, 'efileDocumentId');
    const dup = app.sqlite
      .prepare('SELECT 1 FROM approval_attachments WHERE request_id = ? AND efile_document_id = ? AND removed_at IS NULL')
      .get(input.requestId, doc.id);
    if (dup) fail('CONFLICT', `「电子卷宗文件」${doc.title} 已是本请求的附件`, 'efileDocumentId');
    return { kind: 'efile' as const, name: doc.name, size: doc.size, efileDocumentId: doc.id, efileVolume: doc.volume, bytes: null };
  }
  const staged = readStaged(app, user, input.uploadId!, ATTACHMENT_MAX_BYTES);
  return { kind: 'upload' as const, name: staged.meta.name, size: staged.meta.size, efileDocumentId: null, bytes: staged.bytes, sha256: staged.meta.sha256 };
}

/** Writes a prepared attachment (file first, then the row, so a row never points at a missing file). */
export function storeAttachment(app: CoreApp, user: UserPublic, requestId: number, p: ReturnType<typeof prepareAttachment>, uploadId?: string) {
  let stored: string | null = null;
  if (p.bytes) {
    const dir = attachmentsDir(app, requestId);
    fs.mkdirSync(dir, { recursive: true });
    const file = `${Date.now()}-${p.name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')}`;
    fs.writeFileSync(path.join(dir, file), p.bytes);
    stored = path.relative(app.dataDir, path.join(dir, file));
  }
  const res = app.sqlite
    .prepare(
      `INSERT INTO approval_attachments (request_id, kind, efile_document_id, name, stored_path, size, sha256, added_by, added_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(requestId, p.kind, p.efileDocumentId, p.name, stored, p.size, 'sha256' in p ? p.sha256 : null, user.id, app.now().toISOString());
  if (uploadId) discardStaged(app, user, uploadId);
  return attachmentsOf(app, requestId).find((a) => a.id === Number(res.lastInsertRowid))!;
}

/** Removal keeps the row (marked removed) so a submitted version's history stays explainable. */
export function removeAttachment(app: CoreApp, user: UserPublic, attachmentId: number): { requestId: number; name: string } {
  const row = app.sqlite.prepare('SELECT request_id AS requestId, name FROM approval_attachments WHERE id = ? AND removed_at IS NULL').get(attachmentId) as
    | { requestId: number; name: string }
    | undefined;
  if (!row) return notFound('附件');
  assertEditable(app, user, row.requestId);
  app.sqlite.prepare('UPDATE approval_attachments SET removed_at = ? WHERE id = ?').run(app.now().toISOString(), attachmentId);
  return row;
}

/** Copies the attachments of one version to the next (rows only; files are shared). */
export function carryAttachments(app: CoreApp, fromId: number, toId: number): void {
  app.sqlite
    .prepare(
      `INSERT INTO approval_attachments (request_id, kind, efile_document_id, name, stored_path, size, sha256, mime, added_by, added_at)
       SELECT ?, kind, efile_document_id, name, stored_path, size, sha256, mime, added_by, added_at FROM approval_attachments
       WHERE request_id = ? AND removed_at IS NULL`,
    )
    .run(toId, fromId);
}

/** The stored file of an attachment, for download. */
export function attachmentFile(app: CoreApp, attachmentId: number): { requestId: number; name: string; file: string | null; efileDocumentId: number | null } {
  const row = app.sqlite
    .prepare('SELECT request_id AS requestId, name, stored_path AS stored, efile_document_id AS efileDocumentId FROM approval_attachments WHERE id = ?')
    .get(attachmentId) as { requestId: number; name: string; stored: string | null; efileDocumentId: number | null } | undefined;
  if (!row) return notFound('附件');
  return { requestId: row.requestId, name: row.name, file: row.stored ? path.join(app.dataDir, row.stored) : null, efileDocumentId: row.efileDocumentId };
}
