import { parentPort } from 'node:worker_threads';
import { DOCUMENT_TASKS, type DocumentTaskName } from './tasks';

/**
 * A document worker thread (src/core/workers/pool.ts): CPU-bound rendering that needs no database —
 * the weekly report's DOCX/XLSX/PDF — runs here, so the host's event loop keeps answering other
 * users' calls meanwhile. One message in, one answer out.
 */
parentPort!.on('message', async (m: { id: number; task: DocumentTaskName; args: unknown }) => {
  try {
    const value = await DOCUMENT_TASKS[m.task](m.args as never);
    parentPort!.postMessage({ id: m.id, ok: true, value });
  } catch (e) {
    parentPort!.postMessage({ id: m.id, ok: false, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
  }
});
