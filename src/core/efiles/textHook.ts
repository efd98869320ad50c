import type { CoreApp } from '../app';
import { indexDocumentText } from './text/index';

/**
 * After a document is committed, EFILES-SEARCH's `indexDocumentText` extracts its text, queues
 * OCR for scans and updates the search index (from `pdfPages` when the import already read a PDF's
 * text while inspecting it). Indexing failures never undo an import: the
 * document is stored either way and can be indexed again later.
 */
export async function indexAfterCommit(app: CoreApp, documentId: number, pdfPages?: string[]): Promise<void> {
  try {
    await indexDocumentText(app, documentId, { pdfPages });
  } catch (e) {
    console.error(`[xdesk] text indexing of e-file document ${documentId} failed`, e);
  }
}
