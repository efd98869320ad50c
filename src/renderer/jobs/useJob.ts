import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { CallInput, CallOutput } from '../../contract';
import type { JobCall, JobView } from '../../contract/calls/jobs';
import { api, CallFailed } from '../api/client';

/** How often a running job's progress is asked for: often enough for a bar that moves, cheap for the core. */
const POLL_MS = 400;

/**
 * Runs a contract call as a job (src/core/jobs) from a page: `run(input, label)` starts it, keeps
 * `job` (done/total/step) fresh for <JobProgress>, and resolves with the call's output — or throws
 * its Chinese refusal, as `api.run` would. If the page is left, the job goes on; the shell's job
 * list (shell/JobsMenu.tsx) shows it and its result.
 */
export function useJob<N extends JobCall>(call: N) {
  const qc = useQueryClient();
  const [job, setJob] = useState<JobView | null>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  async function run(input: CallInput<N>, label?: string): Promise<CallOutput<N>> {
    let j = await api.run('jobs.start', { call, input, label });
    void qc.invalidateQueries({ queryKey: ['jobs.list'] });
    while (j.state === 'running') {
      if (mounted.current) setJob(j);
      await new Promise((r) => setTimeout(r, POLL_MS));
      if (!mounted.current) break;
      j = await api.run('jobs.get', { jobId: j.jobId });
    }
    if (mounted.current) setJob(null);
    void qc.invalidateQueries();
    if (j.state === 'running') throw new CallFailed({ code: 'BUSY', message: '任务仍在进行，可在右上角“任务”中查看' });
    if (j.state !== 'done') throw new CallFailed({ code: (j.error?.code ?? 'INTERNAL') as never, message: j.error?.message ?? '任务未完成', field: j.error?.field });
    return j.result as CallOutput<N>;
  }

  const cancel = async () => {
    if (job) setJob(await api.run('jobs.cancel', { jobId: job.jobId }));
  };

  return { job, run, cancel, running: job !== null };
}
