import type { Migration } from '../../db/migrations';

/**
 * Text of the e-files for search (owner: EFILES-SEARCH). Runs after EFILES-CORE's `efiles/0001_store`
 * (it references efile_documents).
 *
 * - efile_pages: the text of each page (PDF text layer, OCR, or a Word document's text as page 1).
 *   Purging a document removes its pages (cascade) and the trigger removes them from the index.
 * - efile_pages_fts: contentless FTS5 over the page's bigrams (see src/core/efiles/search/grams.ts);
 *   the text itself stays in efile_pages, so the index holds only what search needs.
 * - efile_ocr_queue: pages waiting for OCR. It is a table, not memory, so OCR resumes after a restart
 *   ('running' rows are put back to 'queued' when the runner starts).
 * - efile_text_docs: per document, whether its text was read and why not (corrupt, encrypted);
 *   the view efile_text_status turns it and the queue into the status the catalogue shows.
 */
export const efilesTextMigrations: Migration[] = [
  {
    id: 'efiles/0100_text',
    sql: `
CREATE TABLE efile_pages (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES efile_documents(id) ON DELETE CASCADE,
  page INTEGER NOT NULL CHECK (page >= 1),
  text TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('layer','ocr','document')),
  indexed_at TEXT NOT NULL,
  UNIQUE (document_id, page)
);

CREATE VIRTUAL TABLE efile_pages_fts USING fts5(grams, content='', contentless_delete=1, tokenize='ascii');

CREATE TRIGGER efile_pages_unindex AFTER DELETE ON efile_pages BEGIN
  DELETE FROM efile_pages_fts WHERE rowid = old.id;
END;

CREATE TABLE efile_ocr_queue (
  document_id INTEGER NOT NULL REFERENCES efile_documents(id) ON DELETE CASCADE,
  page INTEGER NOT NULL CHECK (page >= 1),
  status TEXT NOT NULL CHECK (status IN ('queued','running','done','failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  error TEXT,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (document_id, page)
);
CREATE INDEX efile_ocr_queue_status ON efile_ocr_queue(status, document_id, page);

CREATE TABLE efile_text_docs (
  document_id INTEGER PRIMARY KEY REFERENCES efile_documents(id) ON DELETE CASCADE,
  state TEXT NOT NULL CHECK (state IN ('indexed','unreadable')),
  pages INTEGER,
  error TEXT,
  updated_at TEXT NOT NULL
);

-- What the catalogue shows per document (EFILES-CORE reads this view by name):
-- running/queued (OCR under way; 'off' when OCR is switched off in the settings), failed, done (OCR
-- finished), text (the PDF had a text layer throughout).
CREATE VIEW efile_text_status AS
SELECT t.document_id AS document_id,
  CASE
    WHEN EXISTS (SELECT 1 FROM efile_ocr_queue q WHERE q.document_id = t.document_id AND q.status = 'running') THEN 'running'
    WHEN EXISTS (SELECT 1 FROM efile_ocr_queue q WHERE q.document_id = t.document_id AND q.status = 'queued') THEN
      CASE WHEN coalesce(json_extract((SELECT value FROM settings WHERE key = 'bureau'), '$.ocrEnabled'), 1) = 0 THEN 'off' ELSE 'queued' END
    WHEN t.state = 'unreadable' OR EXISTS (SELECT 1 FROM efile_ocr_queue q WHERE q.document_id = t.document_id AND q.status = 'failed') THEN 'failed'
    WHEN EXISTS (SELECT 1 FROM efile_ocr_queue q WHERE q.document_id = t.document_id AND q.status = 'done') THEN 'done'
    ELSE 'text'
  END AS status
FROM efile_text_docs t;
`,
  },
];
