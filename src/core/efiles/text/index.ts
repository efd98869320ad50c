import type { CoreApp } from '../../app';
import { blobPath } from '../store';
import { extractPdfText, hasTextLayer, UnreadablePdf } from './pdfText';
import { pdfInput } from './pdfjs';
import { clearDocumentText, putPage } from './pages';
import { kickOcr } from './ocrRunner';
import { extractDocxText } from './docxText';

type DocForText = { id: number; sha256: string; kind: string; mime: string; deleted_at: string | null };

/** Kinds OCR reads directly as one image (the store's kind, or the MIME type for older rows). */
export const isImage = (d: { kind: string; mime: string }) => d.kind === 'image' || d.mime.startsWith('image/');

/**
 * Makes a stored document searchable (EFILES-CORE calls this after an import or a generated file
 * commits; re-running it re-indexes from scratch). A PDF's text layer is read page by page; pages
 * without one (scans) and images are queued for OCR, which runs in the background (ocrRunner.ts).
 * A Word document's text becomes page 1. A corrupt or encrypted PDF is recorded as unreadable —
 * the document stays filed either way.
 */
export async function indexDocumentText(app: CoreApp, documentId: number, opts: { pdfPages?: string[] } = {}): Promise<void> {
  const doc = app.sqlite.prepare('SELECT id, sha256, kind, mime, deleted_at FROM efile_documents WHERE id = ?').get(documentId) as DocForText | undefined;
  if (!doc) return;
  const file = blobPath(app, doc.sha256);
  const now = () => app.now().toISOString();
  const status = (state: 'indexed' | 'unreadable', pages: number | null, error: string | null) =>
    app.sqlite
      .prepare(
        `INSERT INTO efile_text_docs (document_id, state, pages, error, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(document_id) DO UPDATE SET state = excluded.state, pages = excluded.pages, error = excluded.error, updated_at = excluded.updated_at`,
      )
      .run(documentId, state, pages, error, now());
  const queue = (page: number) =>
    app.sqlite.prepare(`INSERT OR REPLACE INTO efile_ocr_queue (document_id, page, status, attempts, error, updated_at) VALUES (?, ?, 'queued', 0, NULL, ?)`).run(documentId, page, now());

  if (doc.kind === 'pdf') {
    let pages: string[];
    try {
      // Text already read by the import's inspection (same file, same pdf.js) is not read again.
      pages = opts.pdfPages ?? (await extractPdfText(await pdfInput(file)));
    } catch (e) {
      const msg = e instanceof UnreadablePdf ? e.message : `无法读取文件：${(e as Error)?.message ?? e}`;
      app.sqlite.transaction(() => {
        clearDocumentText(app, documentId);
        status('unreadable', null, msg);
      })();
      return;
    }
    let scans = 0;
    app.sqlite.transaction(() => {
      clearDocumentText(app, documentId);
      pages.forEach((text, i) => {
        if (hasTextLayer(text)) putPage(app, documentId, i + 1, text, 'layer');
        else {
          // A page with a word or two (a stamp, a page number) is searchable for those meanwhile;
          // OCR replaces it with the whole page.
          if (text.trim()) putPage(app, documentId, i + 1, text, 'layer');
          queue(i + 1);
          scans++;
        }
      });
      status('indexed', pages.length, null);
    })();
    if (scans > 0) kickOcr(app);
    return;
  }
  if (isImage(doc)) {
    app.sqlite.transaction(() => {
      clearDocumentText(app, documentId);
      queue(1);
      status('indexed', 1, null);
    })();
    kickOcr(app);
    return;
  }
  if (doc.kind === 'docx') {
    let text = '';
    try {
      text = await extractDocxText(file);
    } catch (e) {
      app.sqlite.transaction(() => {
        clearDocumentText(app, documentId);
        status('unreadable', null, `无法读取 Word 文件的文字：${(e as Error)?.message ?? e}`);
      })();
      return;
    }
    app.sqlite.transaction(() => {
      clearDocumentText(app, documentId);
      if (text.trim()) putPage(app, documentId, 1, text, 'document');
      status('indexed', null, null);
    })();
  }
  // XLSX, OFD and other files: stored and listed, no text to search.
}
