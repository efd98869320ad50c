import { callDef, ROLE_LABELS, type CallName } from '../../contract';
import type { UserPublic } from '../../contract/calls/common';
import type { CoreApp } from '../app';
import { getUser, toPublic } from '../auth/users';
import { fail } from '../errors';
import { getSettings } from '../settings/settings';

/**
 * Who may move a file for a call: the same checks the dispatcher makes for the call itself
 * (logged in, not idle-locked, role in the call's `access`). File routes and the Electron host use
 * this, so an upload for the ledger import needs exactly the rights the import needs.
 */
export function userForCall(app: CoreApp, sessionKey: string, call: CallName, principal?: UserPublic): UserPublic {
  const def = callDef(call);
  if (principal) {
    if (Array.isArray(def.access) && !def.access.includes(principal.role)) fail('FORBIDDEN', `无权执行「${def.title}」`);
    return principal;
  }
  const user = sessionUser(app, sessionKey);
  if (def.access !== 'public' && def.access !== 'user' && !def.access.includes(user.role)) {
    fail('FORBIDDEN', `当前角色（${ROLE_LABELS[user.role]}）无权执行「${def.title}」`);
  }
  return user;
}

/** The logged-in, unlocked user of a host session (any role); refused otherwise. */
export function sessionUser(app: CoreApp, sessionKey: string): UserPublic {
  const entry = app.sessions.peek(sessionKey, getSettings(app).idleLockMinutes);
  if (!entry) return fail('UNAUTHENTICATED', '请先登录');
  if (entry.locked) return fail('SESSION_LOCKED', '长时间未操作，已自动锁定，请输入密码解锁');
  const u = getUser(app, entry.userId);
  if (u.disabled) return fail('UNAUTHENTICATED', '请先登录');
  app.sessions.touch(sessionKey);
  return toPublic(u);
}
