import type { AuditRecordType } from '../../contract/auditNames';
import fs from 'node:fs';
import path from 'node:path';
import type { EfileDocument } from '../../contract/calls/efiles';
import type { UserPublic } from '../../contract/calls/common';
import type { CoreApp } from '../app';
import { fail } from '../errors';
import { getSettings } from '../settings/settings';
import { caseHead, requireVolumeAccess } from './access';
import { docRow, insertDocument, requireSection, toDoc, withStatus, type DocRow } from './documents';
import { inspectFile } from './inspect';
import { FALLBACK_SECTION } from './sections';
import { storeStagedFile } from './store';
import { fsyncFileAsync } from '../files/atomicWrite';
import { suggestSection } from './suggest';
import { suggestDocDate, type DateSuggestion } from './docDate';
import { markForAutoCatalogue } from './autoCatalogue';
import { chinaToday } from '../ledger/dates';
import { indexAfterCommit } from './textHook';

/**
 * Importing one staged file into a case's e-file. Order matters for "nothing half-written":
 * everything is checked first (case, rights, size, type from the bytes, a usable PDF/image), then
 * the staged file is moved into the content-addressed store (fsync → rename; staging hashed it),
 * then the row and its audit entry are committed in one transaction, then the text is indexed. A failure before the
 * commit leaves no row; a crash after the rename leaves only a blob without a row, which the sweep
 * removes. A file already in this case (same SHA-256, not deleted) is not filed twice.
 */
export type ImportInput = { caseId: number; uploadId: string; volume: '正卷' | '副卷'; sectionId?: string; title?: string; docDate?: string };
export type ImportResult = {
  document: EfileDocument;
  duplicate: boolean;
  suggestion: { sectionId: string; reason: string } | null;
  /** The document's own date read from its text (its 落款), for the person cataloguing to confirm. */
  dateSuggestion: DateSuggestion | null;
  notes: string[];
};
export type Commit = <T>(fn: () => T, note: { recordType?: AuditRecordType; recordId?: string | number; summary?: string }) => T;

type StagedMeta = { uploadId: string; name: string; size: number; sha256: string; ownerId: number };
const UPLOAD_ID = /^[A-Za-z0-9_-]{22}$/;
const uploadsDir = (app: CoreApp) => path.join(app.dataDir, 'tmp', 'uploads');

/** The staged upload (src/core/files/uploads.ts layout), read without loading the file itself. */
function stagedOf(app: CoreApp, user: UserPublic, uploadId: string): { meta: StagedMeta; file: string } {
  let meta: StagedMeta | null = null;
  if (UPLOAD_ID.test(uploadId)) {
    try {
      meta = JSON.parse(fs.readFileSync(path.join(uploadsDir(app), `${uploadId}.json`), 'utf8')) as StagedMeta;
    } catch {
      meta = null;
    }
  }
  const file = path.join(uploadsDir(app), `${uploadId}.bin`);
  if (!meta || meta.ownerId !== user.id || !fs.existsSync(file)) return fail('NOT_FOUND', '上传的文件已过期或不存在，请重新选择文件', 'uploadId');
  return { meta, file };
}

function dropStaged(app: CoreApp, uploadId: string): void {
  for (const ext of ['bin', 'json']) fs.rmSync(path.join(uploadsDir(app), `${uploadId}.${ext}`), { force: true });
}

/** A catalogue title from a file name: no folders, no extension, no leading sequence number, no control characters. */
export function titleFromName(name: string): string {
  const base = path.basename(name.replace(/\\/g, '/'));
  const t = base
    .replace(/\.[A-Za-z0-9]{1,5}$/, '')
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .replace(/^\s*(?:第?\d{1,4}[\s._、，,)）-]+)/, '')
    .replace(/[_]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return (t || '未命名文件').slice(0, 200);
}

export async function importStaged(app: CoreApp, user: UserPublic, input: ImportInput, commit: Commit): Promise<ImportResult> {
  const c = caseHead(app, input.caseId);
  requireVolumeAccess(app, user, input.caseId, input.volume);
  if (input.sectionId) requireSection(app, input.sectionId, input.volume);
  const { meta, file } = stagedOf(app, user, input.uploadId);
  const name = meta.name;
  const limitMb = getSettings(app).efileMaxFileMb ?? 500;
  if (meta.size > limitMb * 1024 * 1024) fail('PAYLOAD_TOO_LARGE', `「${name}」超过单个文件 ${limitMb} MB 的上限（设置项「单个文件大小上限」），未导入`, 'file');

  try {
    const existing = app.sqlite
      .prepare('SELECT * FROM efile_documents WHERE case_id = ? AND sha256 = ? AND deleted_at IS NULL ORDER BY id LIMIT 1')
      .get(input.caseId, meta.sha256) as DocRow | undefined;
    if (existing && (existing.volume === '正卷' || requireVolumeAccessOk(app, user, existing))) {
      return {
        document: withStatus(app, [existing])[0]!,
        duplicate: true,
        suggestion: null,
        dateSuggestion: null,
        notes: [`「${name}」与本案已有的「${existing.title}」（${existing.volume}）内容完全相同，未重复保存`],
      };
    }

    // The staged bytes go to disk while the file is inspected (the fsync runs off the main thread).
    const synced = fsyncFileAsync(file);
    synced.catch(() => undefined); // awaited below; a refusal in between must not leave it unhandled
    // PDFs: every page's text is read here, once, and indexed after the commit.
    const info = await inspectFile(file, name, { allText: true });
    const title = input.title ?? titleFromName(name);
    const suggested = suggestSection(app, input.volume, name, [info.title ?? '', info.text].join(' '));
    const sectionId = input.sectionId ?? suggested?.section.id ?? FALLBACK_SECTION[input.volume];
    const section = requireSection(app, sectionId, input.volume);

    const blob = await storeStagedFile(app, file, meta, limitMb * 1024 * 1024, synced);
    const row = commit(
      () => {
        const r = insertDocument(app, {
          caseId: input.caseId,
          volume: input.volume,
          sectionId: section.id,
          title,
          name,
          size: blob.size,
          sha256: blob.sha256,
          mime: info.mime,
          kind: info.kind,
          pages: info.pages,
          docDate: input.docDate ?? null,
          source: 'import',
          userId: user.id,
        });
        // Nothing placed it (a scan without text): OCR's first page will (autoCatalogue.ts).
        if (!input.sectionId && !suggested) markForAutoCatalogue(app, r.id);
        return r;
      },
      { recordType: 'efile', summary: `${c.caseNo} 导入${input.volume}文件「${title}」（${info.label}${info.pages ? `，${info.pages} 页` : ''}）→ ${section.name}` },
    );
    await indexAfterCommit(app, row.id, info.pageTexts);
    return {
      document: withStatus(app, [docRow(app, row.id)])[0] ?? toDoc(row),
      duplicate: false,
      suggestion: suggested ? { sectionId: suggested.section.id, reason: suggested.reason } : null,
      // The 落款 is at the end: the last page's text when every page was read, else the first page's.
      dateSuggestion: input.docDate ? null : suggestDocDate(info.pageTexts?.at(-1) || info.text, chinaToday(app.now())),
      notes: info.notes,
    };
  } finally {
    dropStaged(app, input.uploadId);
  }
}

function requireVolumeAccessOk(app: CoreApp, user: UserPublic, d: DocRow): boolean {
  try {
    requireVolumeAccess(app, user, d.case_id, d.volume);
    return true;
  } catch {
    return false;
  }
}
