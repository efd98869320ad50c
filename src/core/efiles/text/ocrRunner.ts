import fs from 'node:fs';
import type { Worker as TessWorker } from 'tesseract.js';
import type { CoreApp } from '../../app';
import { getSettings } from '../../settings/settings';
import { blobPath } from '../store';
import { putPage } from './pages';
import { createOcrWorker, recognise, renderPdfPage } from './ocrEngine';
import { pdfInput } from './pdfjs';
import { indexMissingText } from './catchUp';
import { correctCaseNumbers } from './caseNoOcr';
import { catalogueFromOcr } from '../autoCatalogue';

/**
 * The background OCR queue. Jobs are rows of efile_ocr_queue (one per page), so the work survives a
 * restart: when a runner starts, pages left 'running' by a crash go back to 'queued'. One page at a
 * time (the machines have 2 cores shared with the UI); each page commits on its own, so stopping
 * loses at most the page in progress. Switching OCR off (setting `ocrEnabled`) stops the runner
 * after the current page; the queue waits until it is switched on again.
 */
const MAX_ATTEMPTS = 2;

type Runner = { running: Promise<void>; again: boolean };
const runners = new WeakMap<CoreApp, Runner>();

type Job = { document_id: number; page: number; attempts: number; sha256: string; kind: string; mime: string; deleted_at: string | null };

/** Starts the runner for this app if OCR is on and it is not already running. */
export function kickOcr(app: CoreApp): void {
  if (!isOcrEnabled(app)) return;
  const r = runners.get(app);
  if (r) {
    r.again = true;
    return;
  }
  const runner: Runner = { running: Promise.resolve(), again: false };
  runners.set(app, runner);
  // Started on the next turn: a caller inside a transaction commits first, and never waits for OCR.
  runner.running = new Promise<void>((r) => setImmediate(r))
    .then(() => drain(app, runner))
    .catch((e) => {
      // The runner must never take the host down; a closed database just means the app is stopping.
      if (alive(app)) console.error('[xdesk] OCR runner stopped', e);
    })
    .finally(() => runners.delete(app));
}

/** Resolves when the current runner (if any) has stopped: for tests and orderly shutdown. */
export async function ocrIdle(app: CoreApp): Promise<void> {
  for (let r = runners.get(app); r; r = runners.get(app)) await r.running;
}

export function isOcrEnabled(app: CoreApp): boolean {
  return getSettings(app).ocrEnabled !== false;
}

/**
 * Call at host start: pages left 'running' by a crash go back in the queue and the runner starts;
 * documents filed but never indexed (see catchUp.ts) are indexed in the background, queuing their
 * scans for OCR as they go.
 */
export function resumeOcr(app: CoreApp): void {
  if (!runners.get(app)) app.sqlite.prepare(`UPDATE efile_ocr_queue SET status = 'queued' WHERE status = 'running'`).run();
  kickOcr(app);
  void indexMissingText(app);
}

const alive = (app: CoreApp) => app.sqlite.open;

async function drain(app: CoreApp, runner: Runner): Promise<void> {
  let worker: TessWorker | null = null;
  if (!alive(app)) return;
  try {
    app.sqlite.prepare(`UPDATE efile_ocr_queue SET status = 'queued' WHERE status = 'running'`).run();
    for (;;) {
      if (!alive(app) || !isOcrEnabled(app)) return;
      const job = nextJob(app);
      if (!job) {
        if (runner.again) {
          runner.again = false;
          continue;
        }
        return;
      }
      setStatus(app, job, 'running', null);
      try {
        // Documents in the recycle bin are read too: a restore should find them searchable.
        const file = blobPath(app, job.sha256);
        const image = job.kind === 'pdf' ? await renderPdfPage(await pdfInput(file), job.page) : await fs.promises.readFile(file);
        worker ??= await createOcrWorker();
        const text = await recognise(worker, image);
        if (!alive(app)) return;
        app.sqlite.transaction(() => {
          // The document may have been purged meanwhile (cascade removed the job): then nothing to store.
          const still = app.sqlite.prepare('SELECT 1 FROM efile_ocr_queue WHERE document_id = ? AND page = ?').get(job.document_id, job.page);
          if (!still) return;
          // 案号 misread by OCR (哪0505执 for 鄂0505执) are corrected before the text is stored and indexed.
          const read = correctCaseNumbers(text);
          if (text.trim()) putPage(app, job.document_id, job.page, read, 'ocr');
          // A scan nothing could place at import is catalogued from the title OCR just read.
          if (job.page === 1 && read.trim()) catalogueFromOcr(app, job.document_id, read);
          setStatus(app, job, 'done', null);
        })();
      } catch (e) {
        if (!alive(app)) return;
        const failed = job.attempts + 1 >= MAX_ATTEMPTS;
        setStatus(app, job, failed ? 'failed' : 'queued', `文字识别失败：${(e as Error)?.message ?? String(e)}`.slice(0, 500), true);
      }
    }
  } finally {
    if (worker) await worker.terminate().catch(() => undefined);
  }
}

function nextJob(app: CoreApp): Job | null {
  return (
    (app.sqlite
      .prepare(
        `SELECT q.document_id, q.page, q.attempts, d.sha256, d.kind, d.mime, d.deleted_at
         FROM efile_ocr_queue q JOIN efile_documents d ON d.id = q.document_id
         WHERE q.status = 'queued' ORDER BY q.document_id, q.page LIMIT 1`,
      )
      .get() as Job | undefined) ?? null
  );
}

function setStatus(app: CoreApp, job: Job, status: 'running' | 'queued' | 'done' | 'failed', error: string | null, attempt = false): void {
  app.sqlite
    .prepare(`UPDATE efile_ocr_queue SET status = ?, error = ?, attempts = attempts + ?, updated_at = ? WHERE document_id = ? AND page = ?`)
    .run(status, error, attempt ? 1 : 0, app.now().toISOString(), job.document_id, job.page);
}

/** Counts for the status line and the settings page. */
export function ocrCounts(app: CoreApp): { queued: number; running: number; done: number; failed: number } {
  const rows = app.sqlite.prepare('SELECT status, count(*) AS n FROM efile_ocr_queue GROUP BY status').all() as { status: string; n: number }[];
  const out = { queued: 0, running: 0, done: 0, failed: 0 };
  for (const r of rows) out[r.status as keyof typeof out] = r.n;
  return out;
}

/** Puts failed pages back in the queue (after the cause was fixed, e.g. OCR switched back on). */
export function retryFailedOcr(app: CoreApp): number {
  const r = app.sqlite.prepare(`UPDATE efile_ocr_queue SET status = 'queued', attempts = 0, error = NULL WHERE status = 'failed'`).run();
  return r.changes;
}
