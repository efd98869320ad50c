import type { CoreApp } from '../../app';
import { indexDocumentText } from './index';

/**
 * Indexes every stored document that has no efile_text_docs row yet. A document can be filed
 * without being indexed: the CLI's `demo` exits right after the demo transaction, before the
 * indexing that follows it has run; a crash can fall between an import's commit and its indexing.
 * Hosts run this at start (with `resumeOcr`), and the CLI before `search` and after `demo`, so
 * search finds those documents too. XLSX and OFD have no text and never get a row, so only PDFs,
 * images and Word files are picked. One run per app at a time: a second caller joins the first.
 */
const running = new WeakMap<CoreApp, Promise<number>>();

const BATCH = 50;

export function indexMissingText(app: CoreApp): Promise<number> {
  const current = running.get(app);
  if (current) return current;
  const run = (async () => {
    let indexed = 0;
    // Walk ids upwards: a document that still gets no row (its file is missing) is not retried forever.
    for (let after = 0; app.sqlite.open; ) {
      const ids = (
        app.sqlite
          .prepare(
            `SELECT d.id FROM efile_documents d
             WHERE d.id > ? AND (d.kind IN ('pdf', 'image', 'docx') OR d.mime LIKE 'image/%')
               AND NOT EXISTS (SELECT 1 FROM efile_text_docs t WHERE t.document_id = d.id)
             ORDER BY d.id LIMIT ${BATCH}`,
          )
          .all(after) as { id: number }[]
      ).map((r) => r.id);
      if (!ids.length) break;
      for (const id of ids) {
        if (!app.sqlite.open) break;
        try {
          await indexDocumentText(app, id);
          indexed++;
        } catch (e) {
          // The app closing meanwhile is not an error; anything else is logged and the next goes on.
          if (app.sqlite.open) console.error(`[xdesk] text indexing of e-file document ${id} failed`, e);
        }
        after = id;
      }
    }
    return indexed;
  })().finally(() => running.delete(app));
  running.set(app, run);
  return run;
}
