import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { UserPublic } from '../../contract/calls/common';
import type { CoreApp } from '../app';
import { DomainError } from '../errors';
import { createDownloadFile, type Download } from '../files/downloads';
import { exportPackage, type ExportInput, type ExportResult } from './exportPackage';

/**
 * Export jobs: a package of several GB takes minutes, longer than one call should, so
 * `exchange.export.start` launches a job in this process and the UI polls its progress (and may
 * cancel it). Jobs live in memory; a restart loses running ones, and their partial file is only
 * ever a `.part-…` temp that the downloads sweep removes.
 */
export type Job = {
  jobId: string;
  ownerId: number;
  state: 'running' | 'done' | 'failed' | 'cancelled';
  step: string;
  doneBytes: number;
  totalBytes: number;
  error: string | null;
  result: (Omit<ExportResult, 'manifest' | 'fileName'> & { download: Download }) | null;
  abort: AbortController;
  promise: Promise<void>;
  finishedAt?: number;
};

const jobs = new Map<string, Job>();
const KEEP_MS = 3600_000;

export function startExportJob(app: CoreApp, user: UserPublic, input: ExportInput): Job {
  for (const [id, j] of jobs) if (j.finishedAt && Date.now() - j.finishedAt > KEEP_MS) jobs.delete(id);
  const job: Job = {
    jobId: randomBytes(12).toString('base64url'),
    ownerId: user.id,
    state: 'running',
    step: '准备中',
    doneBytes: 0,
    totalBytes: 0,
    error: null,
    result: null,
    abort: new AbortController(),
    promise: Promise.resolve(),
  };
  job.promise = (async () => {
    try {
      let result: ExportResult | null = null;
      const name = { current: 'upward-package.zip' };
      const d = await createDownloadFile(app, user, { name: 'upward-package.zip', mime: 'application/zip' }, async (target) => {
        result = await exportPackage(app, user, input, target, {
          signal: job.abort.signal,
          onProgress: (p) => Object.assign(job, p),
        });
        name.current = result.fileName;
      });
      const r = result as unknown as ExportResult;
      job.result = { exportId: r.exportId, revision: r.revision, files: r.files, size: r.size, sha256: r.sha256, download: { ...d, name: name.current } };
      renameDownload(app, d.token, name.current);
      job.state = 'done';
      job.step = '完成';
      job.doneBytes = job.totalBytes;
    } catch (e) {
      job.state = job.abort.signal.aborted ? 'cancelled' : 'failed';
      job.error = job.abort.signal.aborted ? '已取消，未留下不完整的文件' : e instanceof DomainError ? e.message : '导出失败，未留下不完整的文件';
      if (!(e instanceof DomainError) && !job.abort.signal.aborted) console.error('[xdesk] exchange export failed', e);
    } finally {
      job.finishedAt = Date.now();
    }
  })();
  jobs.set(job.jobId, job);
  return job;
}

export function getJob(user: UserPublic, jobId: string): Job {
  const j = jobs.get(jobId);
  if (!j || j.ownerId !== user.id) throw new DomainError('NOT_FOUND', '「导出任务」不存在或已过期', 'jobId');
  return j;
}

export function cancelJob(user: UserPublic, jobId: string): Job {
  const j = getJob(user, jobId);
  if (j.state === 'running') j.abort.abort();
  return j;
}

export const jobView = (j: Job) => ({
  jobId: j.jobId,
  state: j.state,
  doneBytes: j.doneBytes,
  totalBytes: j.totalBytes,
  step: j.step,
  error: j.error,
  result: j.result,
});

/** The download's display name becomes the package's own name (known only once it is written). */
function renameDownload(app: CoreApp, token: string, name: string): void {
  const meta = path.join(app.dataDir, 'tmp', 'downloads', `${token}.json`);
  try {
    const m = JSON.parse(fs.readFileSync(meta, 'utf8')) as { name: string };
    m.name = name;
    fs.writeFileSync(meta, JSON.stringify(m));
  } catch {
    /* keeps the generic name */
  }
}
