import fs from 'node:fs';
import path from 'node:path';
import type { UserPublic } from '../../contract/calls/common';
import type { CoreApp } from '../app';
import { DomainError } from '../errors';
import { createDownloadFile, type Download } from '../files/downloads';
import { cancelJob as cancelAnyJob, getJob as getAnyJob, startJob, type Job } from '../jobs/jobs';
import { exportPackage, type ExportInput, type ExportResult } from './exportPackage';

/**
 * Export jobs: a package of several GB takes minutes, longer than one call should, so
 * `exchange.export.start` runs it as a job of the one job model (src/core/jobs: in memory of the
 * host process; listed with the user's other jobs in the shell) and the export panel polls its
 * progress in bytes (and may cancel it). A partial file is only ever a `.part-…` temp that the
 * downloads sweep removes; cancel = abort + delete the temp.
 */
export type ExportJobResult = Omit<ExportResult, 'manifest' | 'fileName'> & { download: Download };
const LABEL = '导出任务';

export function startExportJob(app: CoreApp, user: UserPublic, input: ExportInput): Job<ExportJobResult> {
  return startJob<ExportJobResult>(app, user.id, {
    kind: 'exchange.export',
    title: '导出上报包',
    run: async (ctl) => {
      let result: ExportResult | null = null;
      const name = { current: 'upward-package.zip' };
      const d = await createDownloadFile(app, user, { name: 'upward-package.zip', mime: 'application/zip' }, async (target) => {
        result = await exportPackage(app, user, input, target, {
          signal: ctl.signal,
          onProgress: (p) => ctl.progress({ done: p.doneBytes, total: p.totalBytes, step: p.step }),
        });
        name.current = result.fileName;
      });
      const r = result as unknown as ExportResult;
      renameDownload(app, d.token, name.current);
      return { exportId: r.exportId, revision: r.revision, files: r.files, size: r.size, sha256: r.sha256, download: { ...d, name: name.current } };
    },
  });
}

export const getJob = (app: CoreApp, user: UserPublic, jobId: string) => exportJob(getAnyJob(app, user.id, jobId, LABEL));
export const cancelJob = (app: CoreApp, user: UserPublic, jobId: string) => exportJob(cancelAnyJob(app, user.id, jobId, LABEL));

/** Only export jobs answer to the export calls: another kind's id is "not found" here. */
function exportJob(j: Job): Job<ExportJobResult> {
  if (j.kind !== 'exchange.export') throw new DomainError('NOT_FOUND', `「${LABEL}」不存在或已过期`, 'jobId');
  return j as Job<ExportJobResult>;
}

/** The export panel's view (bytes): `exchange.export.status`. */
export const jobView = (j: Job<ExportJobResult>) => ({
  jobId: j.jobId,
  state: j.state,
  doneBytes: j.done,
  totalBytes: j.total,
  step: j.step,
  error: j.error && (j.state === 'cancelled' ? '已取消，未留下不完整的文件' : j.error.code === 'INTERNAL' ? '导出失败，未留下不完整的文件' : j.error.message),
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
