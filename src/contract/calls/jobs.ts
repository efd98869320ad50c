import { z } from 'zod';
import { defineCall } from '../define';

/**
 * Calls that may run as a job (one job model, src/core/jobs): the page starts them through
 * `jobs.start`, shows a progress bar from `jobs.get`, may cancel, and finds them again after a
 * reload in `jobs.list`. The call itself is checked (role, input) and audited exactly as when it
 * is made directly. Upward packages are jobs too, started by `exchange.export.start`.
 */
export const JOB_CALLS = ['efiles.bind', 'efiles.verify', 'reports.weekly.generate', 'ledger.import.commit'] as const;
export type JobCall = (typeof JOB_CALLS)[number];

export const JOB_STATES = ['running', 'done', 'failed', 'cancelled'] as const;
export const JOB_STATE_LABELS: Record<(typeof JOB_STATES)[number], string> = { running: '进行中', done: '已完成', failed: '失败', cancelled: '已取消' };

export const jobView = z.object({
  jobId: z.string(),
  /** The call (or "exchange.export") the job runs. */
  kind: z.string(),
  title: z.string(),
  state: z.enum(JOB_STATES),
  done: z.number(),
  total: z.number(),
  /** Chinese label of the current step, e.g. "正在装订第 3/12 份文件". */
  step: z.string(),
  error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }).nullable(),
  /** The call's own output (already checked against its contract) once done. */
  result: z.unknown(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type JobView = z.infer<typeof jobView>;

const jobId = z.object({ jobId: z.string().min(1).max(64) }).strict();

export const jobCalls = {
  'jobs.start': defineCall({
    title: '开始后台任务',
    access: 'user',
    mutates: false,
    input: z.object({ call: z.enum(JOB_CALLS), input: z.unknown(), label: z.string().trim().max(80).optional() }).strict(),
    output: jobView,
  }),
  'jobs.list': defineCall({ title: '查看我的后台任务', access: 'user', mutates: false, input: z.object({}).strict().default({}), output: z.object({ jobs: z.array(jobView) }) }),
  'jobs.get': defineCall({ title: '查看后台任务进度', access: 'user', mutates: false, input: jobId, output: jobView }),
  'jobs.cancel': defineCall({ title: '取消后台任务', access: 'user', mutates: false, input: jobId, output: jobView }),
};
