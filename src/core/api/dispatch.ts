import type { AuditRecordType } from '../../contract/auditNames';
import { callDef, formatZodError, isCallName, MAX_PAYLOAD_BYTES, ROLE_LABELS, err, ok, type CallName, type Result } from '../../contract';
import type { UserPublic } from '../../contract/calls/common';
import type { CoreApp } from '../app';
import { appendAudit } from '../audit/audit';
import { getUser, toPublic } from '../auth/users';
import { DomainError } from '../errors';
import { getSettings } from '../settings/settings';
import { isAsync, type CallContext } from './context';
import { handlers } from './handlers';
import type { JobControl } from '../jobs/jobs';

/** Calls a locked session may still make. */
const WHILE_LOCKED = new Set<string>(['auth.status', 'auth.unlock', 'auth.logout']);

export type DispatchOptions = {
  payloadBytes?: number;
  /** The CLI acts as a fixed principal (an administrator at the machine) instead of a login session. */
  principal?: UserPublic;
  /** The caller as the host can tell them apart (browser/bureau: remote address); defaults to the session key. */
  client?: string;
  /** Set when the call runs as a job (src/core/jobs/callJob.ts): its progress reporter and cancel signal. */
  job?: JobControl;
};

const NEVER_ABORTED = new AbortController().signal;

/**
 * The single entry to the core for every host: checks the call, its size, the caller's role and
 * the input, runs the handler (in a transaction with its audit row when it changes anything) and
 * answers with a Result whose message is Chinese. Never throws.
 */
export async function dispatch(
  app: CoreApp,
  sessionKey: string,
  name: string,
  rawInput: unknown,
  opts: DispatchOptions = {},
): Promise<Result<unknown>> {
  if (!isCallName(name)) return err('UNKNOWN_CALL', `未知的操作：${String(name).slice(0, 80)}`);
  const def = callDef(name);
  if ((opts.payloadBytes ?? 0) > MAX_PAYLOAD_BYTES) return err('PAYLOAD_TOO_LARGE', '提交的数据超过 10 MB 上限，操作未执行');

  let user: UserPublic | null = null;
  try {
    user = opts.principal ?? currentUser(app, sessionKey);
  } catch (e) {
    return toError(e);
  }
  if (opts.principal) {
    if (Array.isArray(def.access) && !def.access.includes(opts.principal.role)) {
      return err('FORBIDDEN', `命令行无权执行「${def.title}」`);
    }
  } else if (def.access !== 'public') {
    if (!user) return err('UNAUTHENTICATED', '请先登录');
    const entry = app.sessions.peek(sessionKey, getSettings(app).idleLockMinutes);
    if (entry?.locked && !WHILE_LOCKED.has(name)) return err('SESSION_LOCKED', '长时间未操作，已自动锁定，请输入密码解锁');
    if (def.access !== 'user' && !def.access.includes(user.role)) {
      return err('FORBIDDEN', `当前角色（${ROLE_LABELS[user.role]}）无权执行「${def.title}」`);
    }
    app.sessions.touch(sessionKey);
  }

  const parsed = def.input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const { message, field } = formatZodError(parsed.error);
    return err('INVALID_INPUT', message, field);
  }

  const handler = handlers[name] as (ctx: CallContext, input: unknown) => unknown;
  let note: { recordType?: AuditRecordType; recordId?: string | number; summary?: string } = {};
  const audit = (n: typeof note) =>
    appendAudit(app, {
      userId: ctx.user && ctx.user.id > 0 ? ctx.user.id : null,
      userName: ctx.user?.displayName ?? '（未登录）',
      call: name,
      recordType: n.recordType,
      recordId: n.recordId,
      summary: n.summary ?? def.title,
    });
  const ctx: CallContext = {
    app,
    user,
    sessionKey,
    client: opts.client ?? sessionKey,
    call: name as CallName,
    note: (n) => {
      note = { ...note, ...n };
    },
    progress: opts.job?.progress ?? (() => {}),
    signal: opts.job?.signal ?? NEVER_ABORTED,
    commit: (fn, n) =>
      app.sqlite.transaction(() => {
        const r = fn();
        audit({ ...note, ...n });
        return r;
      })(),
  };

  try {
    let value: unknown;
    if (def.mutates && !isAsync(handler)) {
      value = app.sqlite.transaction(() => {
        const r = handler(ctx, parsed.data);
        if (r instanceof Promise) throw new Error(`handler ${name} is async: mark it with asyncHandler and use ctx.commit`);
        // A login binds the session inside the handler, so the audit row names the new user.
        if (!ctx.user) ctx.user = opts.principal ?? currentUser(app, sessionKey);
        audit(note);
        return r;
      })();
    } else {
      value = await handler(ctx, parsed.data);
    }
    const out = def.output.safeParse(value);
    if (!out.success) {
      console.error(`[xdesk] output of ${name} does not match the contract`, out.error.issues.slice(0, 3));
      return err('INTERNAL', '内部错误：返回的数据不符合约定，已记录日志');
    }
    return ok(out.data);
  } catch (e) {
    return toError(e);
  }
}

function currentUser(app: CoreApp, sessionKey: string): UserPublic | null {
  const entry = app.sessions.peek(sessionKey, getSettings(app).idleLockMinutes);
  if (!entry) return null;
  const u = getUser(app, entry.userId);
  if (u.disabled) {
    app.sessions.clear(sessionKey);
    return null;
  }
  return toPublic(u);
}

function toError(e: unknown): Result<never> {
  if (e instanceof DomainError) return err(e.code, e.message, e.field);
  // Another host held the write lock for longer than busy_timeout (src/core/db/open.ts).
  if ((e as { code?: string } | null)?.code?.startsWith('SQLITE_BUSY')) {
    return err('BUSY', '数据正被另一窗口或命令行占用（例如正在导入），操作未执行，请稍后重试');
  }
  console.error('[xdesk] internal error', e);
  return err('INTERNAL', '内部错误，操作未完成，所有改动已撤销');
}
