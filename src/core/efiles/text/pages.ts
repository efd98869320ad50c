import type { CoreApp } from '../../app';
import { indexTokens } from '../search/grams';

/**
 * Writing page text into efile_pages and the FTS5 index together (callers hold a transaction).
 * The FTS table is contentless: its rowid is efile_pages.id and it only holds the bigrams.
 */
export type PageSource = 'layer' | 'ocr' | 'document';

/** Returns the page row's id (= the FTS rowid). */
export function putPage(app: CoreApp, documentId: number, page: number, text: string, source: PageSource): number {
  const db = app.sqlite;
  const old = db.prepare('SELECT id FROM efile_pages WHERE document_id = ? AND page = ?').get(documentId, page) as { id: number } | undefined;
  if (old) db.prepare('DELETE FROM efile_pages WHERE id = ?').run(old.id); // the trigger unindexes it
  const r = db
    .prepare('INSERT INTO efile_pages (document_id, page, text, source, indexed_at) VALUES (?, ?, ?, ?, ?)')
    .run(documentId, page, text, source, app.now().toISOString());
  db.prepare('INSERT INTO efile_pages_fts (rowid, grams) VALUES (?, ?)').run(r.lastInsertRowid, indexTokens(text));
  return Number(r.lastInsertRowid);
}

export function clearDocumentText(app: CoreApp, documentId: number): void {
  app.sqlite.prepare('DELETE FROM efile_pages WHERE document_id = ?').run(documentId);
  app.sqlite.prepare('DELETE FROM efile_ocr_queue WHERE document_id = ?').run(documentId);
}
