import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { ApprovalDocument } from '../../../contract/calls/approvals';
import type { CoreApp } from '../../app';
import { notFound } from '../../errors';
import { getSettings } from '../../settings/settings';

/** Generated documents are kept with the transfer under <data>/approvals/<request>/documents. */
export const documentsDir = (app: CoreApp, requestId: number) => path.join(app.dataDir, 'approvals', String(requestId), 'documents');

type Row = {
  id: number;
  kind: ApprovalDocument['kind'];
  format: 'pdf' | 'docx';
  doc_no: string | null;
  file_name: string;
  size: number;
  generated_at: string;
  filed_volume: string | null;
};

/** Newest first: a regenerated form supersedes the earlier one in the list but both are kept. */
export function documentsOf(app: CoreApp, requestId: number): ApprovalDocument[] {
  const rows = app.sqlite
    .prepare('SELECT id, kind, format, doc_no, file_name, size, generated_at, filed_volume FROM approval_documents WHERE request_id = ? ORDER BY id DESC')
    .all(requestId) as Row[];
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    format: r.format,
    docNo: r.doc_no,
    fileName: r.file_name,
    size: r.size,
    generatedAt: r.generated_at,
    filedVolume: r.filed_volume,
  }));
}

export type WrittenFile = { kind: ApprovalDocument['kind']; format: 'pdf' | 'docx'; docNo: string | null; fileName: string; rel: string; size: number; sha256: string };

/** Writes the bytes to the data folder (before any row refers to them). */
export function writeDocumentFile(app: CoreApp, requestId: number, f: { kind: WrittenFile['kind']; format: 'pdf' | 'docx'; docNo: string | null; fileName: string; bytes: Buffer }): WrittenFile {
  const dir = documentsDir(app, requestId);
  fs.mkdirSync(dir, { recursive: true });
  const stamp = app.now().toISOString().replace(/[:.]/g, '-');
  const abs = path.join(dir, `${stamp}-${f.fileName}`);
  fs.writeFileSync(abs, f.bytes);
  return {
    kind: f.kind,
    format: f.format,
    docNo: f.docNo,
    fileName: f.fileName,
    rel: path.relative(app.dataDir, abs),
    size: f.bytes.length,
    sha256: createHash('sha256').update(f.bytes).digest('hex'),
  };
}

export function insertDocumentRow(app: CoreApp, requestId: number, transferId: number | null, userId: number | null, w: WrittenFile): number {
  const r = app.sqlite
    .prepare(
      `INSERT INTO approval_documents (request_id, transfer_id, kind, format, doc_no, file_name, stored_path, size, sha256, generated_at, generated_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(requestId, transferId, w.kind, w.format, w.docNo, w.fileName, w.rel, w.size, w.sha256, app.now().toISOString(), userId);
  return Number(r.lastInsertRowid);
}

export function markFiled(app: CoreApp, documentId: number, volume: string, ref: string): void {
  app.sqlite.prepare('UPDATE approval_documents SET filed_volume = ?, filed_ref = ? WHERE id = ?').run(volume, ref, documentId);
}

/** The letter number once given to this request's letter, or the next one of the year (local setting prefix). */
export function letterNumber(app: CoreApp, requestId: number, year: number): string {
  const given = app.sqlite.prepare("SELECT doc_no FROM approval_documents WHERE request_id = ? AND kind IN ('报请函','移送函') AND doc_no IS NOT NULL LIMIT 1").get(requestId) as
    | { doc_no: string }
    | undefined;
  if (given) return given.doc_no;
  const row = app.sqlite.prepare('SELECT last_seq FROM approval_letter_numbers WHERE year = ?').get(year) as { last_seq: number } | undefined;
  const seq = (row?.last_seq ?? 0) + 1;
  app.sqlite.prepare('INSERT INTO approval_letter_numbers (year, last_seq) VALUES (?, ?) ON CONFLICT(year) DO UPDATE SET last_seq = excluded.last_seq').run(year, seq);
  return `${getSettings(app).letterNoPrefix}〔${year}〕${seq}号`;
}

/**
 * Where a generated document belongs in each case's e-file, and its title there: the 审批表 is internal
 * (副卷, domain brief §5.2 副卷 item 6) and so are the letters (issue 13). Every copy of a 副卷 document —
 * the filed one and the one kept with the request — is reached under the 副卷 rule (efiles/access.ts).
 */
export function filingOf(kind: ApprovalDocument['kind']): { volume: '正卷' | '副卷'; title: string } {
  // Issue 13: a 报请函/移送函 is the court's internal request to another court, not served on the parties.
  return { volume: '副卷', title: kind === '审批表' ? '交叉执行报请审批表' : kind };
}

export function documentFile(app: CoreApp, documentId: number): { id: number; requestId: number; kind: ApprovalDocument['kind']; file: string; name: string; format: 'pdf' | 'docx' } {
  const r = app.sqlite.prepare('SELECT request_id AS requestId, kind, stored_path AS rel, file_name AS name, format FROM approval_documents WHERE id = ?').get(documentId) as
    | { requestId: number; kind: ApprovalDocument['kind']; rel: string; name: string; format: 'pdf' | 'docx' }
    | undefined;
  if (!r) return notFound('文书');
  return { id: documentId, requestId: r.requestId, kind: r.kind, file: path.join(app.dataDir, r.rel), name: r.name, format: r.format };
}
