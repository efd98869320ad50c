import fs from 'node:fs';
import type { CoreApp } from '../app';
import { fileGeneratedDocument } from '../efiles/fileGenerated';
import { blobPath } from '../efiles/store';

/**
 * Where approvals touch the electronic case files (src/core/efiles): referencing a document as an
 * attachment, and filing generated forms (副卷) and letters (正卷) into the case's file.
 */
export type EfileDoc = { id: number; caseId: number; name: string; size: number };

function hasTable(app: CoreApp, name: string): boolean {
  return !!app.sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name);
}

/** A document of the e-file store, or null when it does not exist (or e-files are not installed). */
export function efileDocument(app: CoreApp, id: number): EfileDoc | null {
  if (!hasTable(app, 'efile_documents')) return null;
  return (
    (app.sqlite.prepare('SELECT id, case_id AS caseId, name, size FROM efile_documents WHERE id = ?').get(id) as EfileDoc | undefined) ?? null
  );
}

/** The stored bytes of an e-file document (for downloading an attachment that references one). */
export function efileBytes(app: CoreApp, id: number): Buffer | null {
  if (!hasTable(app, 'efile_documents')) return null;
  const row = app.sqlite.prepare('SELECT sha256 FROM efile_documents WHERE id = ?').get(id) as { sha256: string } | undefined;
  if (!row) return null;
  const file = blobPath(app, row.sha256);
  return fs.existsSync(file) ? fs.readFileSync(file) : null;
}

export type FileInto = (app: CoreApp, input: { caseId: number; volume: '正卷' | '副卷'; title: string; fileName: string; bytes: Buffer; userId: number }) => Promise<string | null>;

/**
 * Files a generated document into the case's e-file (随案同步生成, src/core/efiles/fileGenerated.ts):
 * the approval form into the 副卷 section 各类审批表、审批意见 (domain brief §5.2 副卷 item 6), letters
 * into the 正卷 (section suggested from the title). Answers the e-file document id.
 */
export const fileIntoEfile: FileInto = async (app, input) => {
  const { documentId } = await fileGeneratedDocument(app, {
    caseId: input.caseId,
    volume: input.volume,
    sectionName: input.volume === '副卷' ? '各类审批表、审批意见' : undefined,
    title: input.title,
    fileName: input.fileName,
    bytes: input.bytes,
    userId: input.userId,
  });
  return String(documentId);
};
