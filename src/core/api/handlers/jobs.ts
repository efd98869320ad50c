import type { Handlers } from '../context';
import { requireUser } from '../context';
import { startCallJob } from '../../jobs/callJob';
import { cancelJob, getJob, jobView, listJobs } from '../../jobs/jobs';

type JobHandlers = Pick<Handlers, 'jobs.start' | 'jobs.list' | 'jobs.get' | 'jobs.cancel'>;

export const jobHandlers: JobHandlers = {
  'jobs.start': (ctx, input) => jobView(startCallJob(ctx.app, ctx.sessionKey, requireUser(ctx), input.call, input.input, input.label)),
  'jobs.list': (ctx) => ({ jobs: listJobs(ctx.app, requireUser(ctx).id).map(jobView) }),
  'jobs.get': (ctx, input) => jobView(getJob(ctx.app, requireUser(ctx).id, input.jobId)),
  'jobs.cancel': (ctx, input) => jobView(cancelJob(ctx.app, requireUser(ctx).id, input.jobId)),
};
