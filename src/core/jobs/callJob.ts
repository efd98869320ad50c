import { callDef, formatZodError, ROLE_LABELS } from '../../contract';
import type { UserPublic } from '../../contract/calls/common';
import type { JobCall } from '../../contract/calls/jobs';
import type { CoreApp } from '../app';
import { dispatch } from '../api/dispatch';
import { DomainError } from '../errors';
import { startJob, type Job } from './jobs';

/**
 * `jobs.start`: runs one contract call as a job. Role and input are checked before the job exists
 * (so a refusal is answered at once, not as a failed job); the call then goes through `dispatch`
 * exactly as if made directly — same transaction, audit row and output check — with the job's
 * progress reporter and cancel signal in its context.
 */
export function startCallJob(app: CoreApp, sessionKey: string, user: UserPublic, call: JobCall, input: unknown, label?: string): Job {
  const def = callDef(call);
  if (Array.isArray(def.access) && !def.access.includes(user.role)) {
    throw new DomainError('FORBIDDEN', `当前角色（${ROLE_LABELS[user.role]}）无权执行「${def.title}」`);
  }
  const parsed = def.input.safeParse(input ?? {});
  if (!parsed.success) {
    const { message, field } = formatZodError(parsed.error);
    throw new DomainError('INVALID_INPUT', message, field);
  }
  return startJob(app, user.id, {
    kind: call,
    title: label ? `${def.title}：${label}` : def.title,
    run: async (ctl) => {
      const r = await dispatch(app, sessionKey, call, input ?? {}, { job: ctl });
      if (!r.ok) throw new DomainError(r.error.code, r.error.message, r.error.field);
      return r.value;
    },
  });
}
