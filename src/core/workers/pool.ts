import fs from 'node:fs';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import type { DocumentTaskArgs, DocumentTaskName, DocumentTaskResult } from './tasks';

/**
 * A small pool of document worker threads (documentWorker.ts) for CPU-bound rendering, shared by
 * every data folder in the process. Size: cores − 1, at least 1, at most 2 — the host thread keeps
 * a core for answering calls. Workers start on first use and stay (a report's modules load once);
 * a worker that dies is replaced and its task fails with a Chinese message, never hangs.
 *
 * The worker script: bundled, out/main/documentWorker.js (electron-vite builds it beside server.js
 * and main.js) — what the desktop app, `npm start` and the bureau server run; from source only with
 * XDESK_DOCUMENT_WORKERS=1 (documentWorker.ts through tsx's loader). XDESK_DOCUMENT_WORKERS=0 turns
 * workers off.
 */
type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };
type Slot = { worker: Worker; busy: number; pending: Map<number, Pending> };

const SIZE = Math.max(1, Math.min(2, os.cpus().length - 1));
const slots: Slot[] = [];
let seq = 0;

function script(): { url: URL; execArgv: string[] } | null {
  const wanted = process.env.XDESK_DOCUMENT_WORKERS;
  if (wanted === '0') return null;
  for (const rel of ['./documentWorker.js', '../documentWorker.js']) {
    const url = new URL(rel, import.meta.url);
    if (url.protocol === 'file:' && fs.existsSync(fileURLToPath(url))) return { url, execArgv: [] };
  }
  // From source a worker must compile the report's module graph again through tsx (seconds on a
  // loaded machine), so source runs (tests, `npm run cli`) render in-process unless asked to
  // (XDESK_DOCUMENT_WORKERS=1: the worker's own test and the load benchmark's server).
  if (wanted !== '1') return null;
  const ts = new URL('./documentWorker.ts', import.meta.url);
  if (ts.protocol !== 'file:' || !fs.existsSync(fileURLToPath(ts))) return null;
  try {
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
    return { url: ts, execArgv: ['--import', tsx] };
  } catch {
    return null;
  }
}

function spawn(): Slot | null {
  const s = script();
  if (!s) return null;
  const slot: Slot = { worker: new Worker(s.url, { execArgv: s.execArgv }), busy: 0, pending: new Map() };
  // An idle worker does not keep the process alive (CLI commands end when their work does).
  slot.worker.unref();
  slot.worker.on('message', (m: { id: number; ok: boolean; value?: unknown; error?: string }) => {
    const p = slot.pending.get(m.id);
    if (!p) return;
    slot.pending.delete(m.id);
    slot.busy--;
    if (slot.busy === 0) slot.worker.unref();
    if (m.ok) p.resolve(m.value);
    else p.reject(new Error(`文档生成失败：${m.error}`));
  });
  const die = (e: Error) => {
    slots.splice(slots.indexOf(slot), 1);
    for (const p of slot.pending.values()) p.reject(new Error(`文档生成进程意外退出：${e.message}`));
    slot.pending.clear();
  };
  slot.worker.on('error', die);
  slot.worker.on('exit', (code) => slots.includes(slot) && die(new Error(`exit ${code}`)));
  slots.push(slot);
  return slot;
}

/** Runs a document task in a worker; where no worker can start, runs it here (same result, on this thread). */
export async function runDocumentTask<N extends DocumentTaskName>(task: N, args: DocumentTaskArgs<N>): Promise<DocumentTaskResult<N>> {
  let slot = slots.length < SIZE ? spawn() : null;
  slot ??= slots.reduce<Slot | null>((a, b) => (!a || b.busy < a.busy ? b : a), null);
  if (!slot) {
    const { DOCUMENT_TASKS } = await import('./tasks');
    return (await DOCUMENT_TASKS[task](args as never)) as DocumentTaskResult<N>;
  }
  const id = ++seq;
  const s = slot;
  return new Promise((resolve, reject) => {
    s.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
    if (s.busy++ === 0) s.worker.ref();
    s.worker.postMessage({ id, task, args });
  });
}

/** How many document workers are running (0 → tasks run on the calling thread). */
export const documentWorkerCount = (): number => slots.length;

/** For tests and shutdown: ends every worker. */
export async function closeDocumentWorkers(): Promise<void> {
  await Promise.all(slots.splice(0).map((s) => s.worker.terminate()));
}
