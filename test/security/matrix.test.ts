import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { calls, callDef, type CallName } from '../../src/contract';
import { ROLES, type Role } from '../../src/contract/roles';
import { dispatch } from '../../src/core/api/dispatch';
import { cliPrincipal } from '../../src/cli/context';
import { testCore, type Caller, type TestCore } from '../support/core';

/**
 * Issue 12, "How it is checked": the authorization matrix, generated from the contract — every call ×
 * every role, plus a caller who is not signed in. The dispatcher must refuse exactly the roles the
 * contract leaves out (FORBIDDEN, 无权执行), let the others past the role check, refuse every
 * non-public call without a session, and never answer INTERNAL. The input is `{}`: the role check
 * comes before validation, so no call needs real data to be judged. A second table pins the calls
 * whose reach is a security decision, so loosening one is a visible change here.
 */
let t: TestCore;
const callers = {} as Record<Role, Caller>;
const names = Object.keys(calls) as CallName[];

beforeAll(() => {
  t = testCore({ now: '2026-11-23T02:00:00Z' });
  for (const role of ROLES) callers[role] = t.as(role);
});
afterAll(() => t.cleanup());
// Some calls end or lock a session (auth.logout with {}): every call starts from signed-in callers.
beforeEach(() => {
  for (const role of ROLES) t.app.sessions.bind(callers[role].sessionKey, callers[role].user.id);
});

const allows = (name: CallName, role: Role) => {
  const access = callDef(name).access;
  return access === 'public' || access === 'user' || access.includes(role);
};

describe('every call × every role (generated from the contract)', () => {
  it('the contract has calls to check', () => {
    expect(names.length).toBeGreaterThan(100);
  });

  for (const name of names) {
    it(`${name}: exactly the contract's roles pass the role check; no session → refused`, async () => {
      for (const role of ROLES) {
        t.app.sessions.bind(callers[role].sessionKey, callers[role].user.id);
        const r = await callers[role].call(name, {} as never);
        const roleRefusal = !r.ok && r.error.code === 'FORBIDDEN' && r.error.message.includes('无权执行');
        expect(roleRefusal, `${name} as ${role}`).toBe(!allows(name, role));
        if (!r.ok) expect(r.error.code, `${name} as ${role}: ${r.error.message}`).not.toBe('INTERNAL');
      }
      const anonymous = await dispatch(t.app, `nobody-${name}`, name, {});
      if (callDef(name).access !== 'public') expect(!anonymous.ok && anonymous.error.code, name).toBe('UNAUTHENTICATED');
      else if (!anonymous.ok) expect(anonymous.error.code, name).not.toBe('INTERNAL');
    });
  }

  it('the command line acts as an administrator and is refused what an administrator is refused', async () => {
    for (const name of names) {
      const access = callDef(name).access;
      if (!Array.isArray(access) || access.includes('admin')) continue;
      const r = await dispatch(t.app, 'cli', name, {}, { principal: cliPrincipal() });
      expect(!r.ok && r.error.code, name).toBe('FORBIDDEN');
    }
  });
});

/** Calls whose reach is a security decision: written out, so widening one shows up here. */
const PINNED: Record<string, readonly Role[] | 'public' | 'user'> = {
  'auth.setupAdmin': 'public', // refuses once any user exists (auth.ts)
  'users.list': ['admin'],
  'users.add': ['admin'],
  'users.update': ['admin'],
  'users.resetPassword': ['admin'],
  'users.setDisabled': ['admin'],
  'settings.update': ['admin'],
  'courts.save': ['admin'],
  'audit.list': ['chief', 'admin'],
  'audit.verify': ['chief', 'admin'],
  'efiles.purge': ['admin'],
  'efiles.sections.save': ['admin'],
  'efiles.verify': ['admin'],
  'efiles.sweep': ['admin'],
  'efiles.ocr.setEnabled': ['admin'],
  'efiles.ocr.retry': ['admin'],
  'calendar.holidays.importYear': ['admin'],
  'calendar.holidays.save': ['admin'],
  'calendar.holidays.delete': ['admin'],
  'exchange.key.rotate': ['admin'],
  'exchange.trust.pin': ['chief', 'admin'],
  'exchange.trust.remove': ['chief', 'admin'],
  'exchange.trust.inspect': ['chief', 'admin'],
  // The handler sees the 副卷: naming one is the chief's act (issue 12 §1).
  'ledger.edit.reassignCase': ['chief', 'admin'],
  'reports.weekly.submit': ['chief', 'leader', 'admin'],
};

describe('pinned access of the sensitive calls', () => {
  for (const [name, expected] of Object.entries(PINNED)) {
    it(name, () => {
      const access = callDef(name as CallName).access;
      expect(Array.isArray(access) ? [...access].sort() : access).toEqual(Array.isArray(expected) ? [...expected].sort() : expected);
    });
  }

  it('every call that changes data needs a signed-in user, except first-run setup', () => {
    const open = names.filter((n) => callDef(n).mutates && callDef(n).access === 'public');
    expect(open).toEqual(['auth.setupAdmin']);
  });
});
