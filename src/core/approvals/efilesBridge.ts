import fs from 'node:fs';
import type { CoreApp } from '../app';
import { fileGeneratedDocument, generatedFiling } from '../efiles/fileGenerated';
import { blobPath } from '../efiles/store';
import { auditSecondary, requireVolumeAccess } from '../efiles/access';
import type { AuditCallName } from '../../contract/auditNames';
import type { UserPublic } from '../../contract/calls/common';

/**
 * Where approvals touch the electronic case files (src/core/efiles): referencing a document as an
 * attachment, and filing generated forms (副卷) and letters (正卷) into the case's file.
 */
export type EfileDoc = { id: number; caseId: number | null; volume: '正卷' | '副卷' | '局务'; title: string; name: string; size: number; deletedAt: string | null };

function hasTable(app: CoreApp, name: string): boolean {
  return !!app.sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name);
}

/** A document of the e-file store, or null when it does not exist (or e-files are not installed). */
export function efileDocument(app: CoreApp, id: number): EfileDoc | null {
  if (!hasTable(app, 'efile_documents')) return null;
  return (
    (app.sqlite
      .prepare('SELECT id, case_id AS caseId, volume, title, name, size, deleted_at AS deletedAt FROM efile_documents WHERE id = ?')
      .get(id) as EfileDoc | undefined) ?? null
  );
}

/**
 * The stored bytes of an e-file document, for downloading an attachment that references one. The
 * e-files' 副卷 rule holds here too (access.ts): only the case's handler, the chief and
 * administrators get a 副卷 document, and that download is audited like one from the e-file.
 */
export function efileBytesFor(app: CoreApp, user: UserPublic, id: number, call: AuditCallName): Buffer | null {
  if (!hasTable(app, 'efile_documents')) return null;
  const row = app.sqlite
    .prepare('SELECT d.sha256, d.volume, d.case_id AS caseId, d.title, c.case_no AS caseNo FROM efile_documents d LEFT JOIN cases c ON c.id = d.case_id WHERE d.id = ?')
    .get(id) as { sha256: string; volume: string; caseId: number | null; title: string; caseNo: string | null } | undefined;
  if (!row) return null;
  requireVolumeAccess(app, user, row.caseId, row.volume);
  const file = blobPath(app, row.sha256);
  if (!fs.existsSync(file)) return null;
  if (row.volume === '副卷') auditSecondary(app, user, { id, title: row.title, caseNo: row.caseNo }, '下载', call);
  return fs.readFileSync(file);
}

export type FileInto = (
  app: CoreApp,
  input: { caseId: number; volume: '正卷' | '副卷'; title: string; fileName: string; bytes: Buffer; userId: number; docNo?: string | null; docDate?: string },
) => Promise<string | null>;

/**
 * Files a generated document into the case's e-file (随案同步生成, src/core/efiles/fileGenerated.ts):
 * the approval form and the letter into the 副卷 section 各类审批表、审批意见 (domain brief §5.2 副卷
 * item 6) — the rule is the e-files' one table `GENERATED_FILING` — with 文号 and date for the 卷内目录.
 * Answers the e-file document id.
 */
export const fileIntoEfile: FileInto = async (app, input) => {
  const rule = generatedFiling(input.title);
  const { documentId } = await fileGeneratedDocument(app, {
    caseId: input.caseId,
    volume: input.volume,
    sectionName: rule && rule.volume === input.volume ? rule.section : undefined,
    title: input.title,
    fileName: input.fileName,
    bytes: input.bytes,
    userId: input.userId,
    docNo: input.docNo ?? null,
    docDate: input.docDate,
  });
  return String(documentId);
};
