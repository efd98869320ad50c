import type { CoreApp } from '../app';
import { appendAudit } from '../audit/audit';
import { nextOrder, sectionById } from './documents';
import { suggestSection } from './suggest';

/**
 * A scan has no text when it is imported, so nothing could place it: it went to the volume's
 * fallback section and waits here (`efile_auto_catalogue`). When OCR has read its first page (where
 * a document's title is), the section is suggested from that text and the document moved — unless a
 * person has placed it meanwhile (updateDoc removes the mark), because a person's choice wins.
 */
export function markForAutoCatalogue(app: CoreApp, documentId: number): void {
  app.sqlite.prepare('INSERT OR IGNORE INTO efile_auto_catalogue (document_id) VALUES (?)').run(documentId);
}

/** A person chose the section: never move the document on their behalf. */
export function unmarkAutoCatalogue(app: CoreApp, documentId: number): void {
  app.sqlite.prepare('DELETE FROM efile_auto_catalogue WHERE document_id = ?').run(documentId);
}

/** Called inside the OCR transaction with the text of page 1. */
export function catalogueFromOcr(app: CoreApp, documentId: number, text: string): void {
  const d = app.sqlite
    .prepare(
      `SELECT d.id, d.case_id AS caseId, d.volume, d.section_id AS sectionId, d.name, d.title, c.case_no AS caseNo
       FROM efile_auto_catalogue a JOIN efile_documents d ON d.id = a.document_id LEFT JOIN cases c ON c.id = d.case_id
       WHERE a.document_id = ? AND d.deleted_at IS NULL`,
    )
    .get(documentId) as { id: number; caseId: number | null; volume: string; sectionId: string; name: string; title: string; caseNo: string | null } | undefined;
  if (!d) return;
  unmarkAutoCatalogue(app, documentId);
  const s = suggestSection(app, d.volume, d.name, text);
  if (!s || s.section.id === d.sectionId) return;
  app.sqlite.prepare('UPDATE efile_documents SET section_id = ?, sort_order = ? WHERE id = ?').run(s.section.id, nextOrder(app, d.caseId, d.volume, s.section.id), d.id);
  appendAudit(app, {
    userId: null,
    userName: '系统',
    call: 'efiles.autoCatalogue',
    recordType: 'efile',
    recordId: d.id,
    summary: `${d.caseNo ?? '局务'} ${d.volume}文件「${d.title}」文字识别后自动编目：${sectionById(app, d.sectionId)?.name ?? d.sectionId} → ${s.section.name}（${s.reason}）`,
  });
}
