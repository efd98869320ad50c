import type { AuditRecordType } from '../../contract/auditNames';
import type { CallInputParsed, CallName, CallOutput } from '../../contract';
import type { UserPublic } from '../../contract/calls/common';
import type { CoreApp } from '../app';
import type { AuditEntry } from '../audit/audit';
import type { JobControl } from '../jobs/jobs';

/** What a handler knows of its caller. */
export type CallContext = {
  app: CoreApp;
  /** The logged-in user, or null for public calls made before login. */
  user: UserPublic | null;
  /** The host's key for this connection (cookie session or Electron window). */
  sessionKey: string;
  /** Who the host says is calling (remote address, window), for per-client login throttling. */
  client: string;
  call: CallName;
  /** Describe the change for the audit log (defaults to the call's title). */
  note: (n: { recordType?: AuditRecordType; recordId?: string | number; summary?: string }) => void;
  /** For async handlers of mutating calls: run writes in one transaction with their audit row. */
  commit: <T>(fn: () => T, n?: { recordType?: AuditRecordType; recordId?: string | number; summary?: string }) => T;
  /** Run as a job (src/core/jobs): report progress; a no-op when the call was made directly. */
  progress: JobControl['progress'];
  /** Aborted when the user cancels the job; never aborted for a direct call. Check it before committing. */
  signal: AbortSignal;
};

export type AuthedContext = CallContext & { user: UserPublic };

export type Handler<N extends CallName> = (ctx: CallContext, input: CallInputParsed<N>) => CallOutput<N> | Promise<CallOutput<N>>;

/** Mark a handler that awaits work (files, documents): it must write through `ctx.commit`. */
export const ASYNC = Symbol('async-handler');
export function asyncHandler<N extends CallName>(h: Handler<N>): Handler<N> {
  return Object.assign(h, { [ASYNC]: true });
}
export const isAsync = (h: unknown): boolean => typeof h === 'function' && (h as unknown as Record<symbol, unknown>)[ASYNC] === true;

export type Handlers = { [N in CallName]: Handler<N> };

export function requireUser(ctx: CallContext): UserPublic {
  if (!ctx.user) throw new Error('handler needs a user but access was public');
  return ctx.user;
}

export type { AuditEntry };
