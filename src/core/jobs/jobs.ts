import { randomBytes } from 'node:crypto';
import type { CoreApp } from '../app';
import { DomainError } from '../errors';

/**
 * One job model for every long piece of work (binding, report generation, an Excel import, an
 * upward package, store verification, …): started, reports progress (done/total and a Chinese
 * step label), may be cancelled, keeps its result. Jobs live in memory of the host process that
 * runs the core, per data folder: a window reload (or a second window of the same user) finds them
 * again through `listJobs`; a restart of the host forgets them — their writes are transactions, so
 * a killed job leaves nothing half-done, and partial files are temp files the sweeps remove.
 */
export type JobState = 'running' | 'done' | 'failed' | 'cancelled';

export type JobControl = {
  signal: AbortSignal;
  /** Progress so far; `step` is the Chinese label shown beside the bar (e.g. "正在复制第 3/12 份文件"). */
  progress: (p: { done?: number; total?: number; step?: string }) => void;
};

export type Job<R = unknown> = {
  jobId: string;
  ownerId: number;
  /** What was started, e.g. the call name "efiles.bind" (the UI groups and words by it). */
  kind: string;
  title: string;
  state: JobState;
  done: number;
  total: number;
  step: string;
  error: { code: string; message: string; field?: string } | null;
  result: R | null;
  startedAt: string;
  finishedAt: string | null;
  abort: AbortController;
  promise: Promise<void>;
};

/** Finished jobs are kept this long, so a page opened later still finds the result. */
const KEEP_MS = 3600_000;
/** A user may have this many running at once: a bureau workstation never needs more, a loop cannot pile them up. */
export const MAX_RUNNING_PER_USER = 4;

const registries = new WeakMap<CoreApp, Map<string, Job>>();
function registry(app: CoreApp): Map<string, Job> {
  let r = registries.get(app);
  if (!r) registries.set(app, (r = new Map()));
  const now = Date.now();
  for (const [id, j] of r) if (j.finishedAt && now - Date.parse(j.finishedAt) > KEEP_MS) r.delete(id);
  return r;
}

/**
 * Starts `run` as a job of `ownerId`. `run` resolves with the result, or rejects: a DomainError
 * keeps its Chinese message; an abort after cancel() makes the job "cancelled".
 */
export function startJob<R>(app: CoreApp, ownerId: number, spec: { kind: string; title: string; run: (ctl: JobControl) => Promise<R> }): Job<R> {
  const jobs = registry(app);
  const running = [...jobs.values()].filter((j) => j.ownerId === ownerId && j.state === 'running').length;
  if (running >= MAX_RUNNING_PER_USER) throw new DomainError('CONFLICT', `已有 ${running} 项任务在进行，请等其中一项完成或取消后再开始`);
  const job: Job<R> = {
    jobId: randomBytes(12).toString('base64url'),
    ownerId,
    kind: spec.kind,
    title: spec.title,
    state: 'running',
    done: 0,
    total: 0,
    step: '准备中',
    error: null,
    result: null,
    startedAt: new Date().toISOString(),
    finishedAt: null,
    abort: new AbortController(),
    promise: Promise.resolve(),
  };
  const ctl: JobControl = {
    signal: job.abort.signal,
    progress: (p) => {
      if (job.state !== 'running') return;
      if (p.total !== undefined) job.total = p.total;
      if (p.done !== undefined) job.done = p.done;
      if (p.step !== undefined) job.step = p.step;
    },
  };
  jobs.set(job.jobId, job as Job);
  job.promise = (async () => {
    try {
      job.result = await spec.run(ctl);
      job.state = 'done';
      job.step = '完成';
      if (job.total > 0) job.done = job.total;
    } catch (e) {
      if (job.abort.signal.aborted) {
        job.state = 'cancelled';
        job.error = { code: 'CANCELLED', message: '已取消，未留下不完整的结果' };
      } else {
        job.state = 'failed';
        job.error = e instanceof DomainError ? { code: e.code, message: e.message, field: e.field } : { code: 'INTERNAL', message: '任务失败，所有改动已撤销' };
        if (!(e instanceof DomainError)) console.error(`[xdesk] job ${spec.kind} failed`, e);
      }
    } finally {
      job.finishedAt = new Date().toISOString();
    }
  })();
  return job;
}

/** The user's jobs, newest first (running and those finished within the last hour). */
export function listJobs(app: CoreApp, ownerId: number): Job[] {
  return [...registry(app).values()].filter((j) => j.ownerId === ownerId).sort((a, b) => b.startedAt.localeCompare(a.startedAt));
}

/** One of the user's jobs; another user's job is "not found", as if it did not exist. */
export function getJob(app: CoreApp, ownerId: number, jobId: string, label = '任务'): Job {
  const j = registry(app).get(jobId);
  if (!j || j.ownerId !== ownerId) throw new DomainError('NOT_FOUND', `「${label}」不存在或已过期`, 'jobId');
  return j;
}

export function cancelJob(app: CoreApp, ownerId: number, jobId: string, label?: string): Job {
  const j = getJob(app, ownerId, jobId, label);
  if (j.state === 'running') {
    j.step = '正在取消…';
    j.abort.abort();
  }
  return j;
}

/** What a caller sees of a job (no controller, no promise). */
export const jobView = (j: Job) => ({
  jobId: j.jobId,
  kind: j.kind,
  title: j.title,
  state: j.state,
  done: j.done,
  total: j.total,
  step: j.step,
  error: j.error,
  result: j.result,
  startedAt: j.startedAt,
  finishedAt: j.finishedAt,
});
