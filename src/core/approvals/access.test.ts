import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calls, type CallName } from '../../contract';
import { ROLES, type Role } from '../../contract/roles';
import { testCore, type Caller, type TestCore } from '../../../test/support/core';
import { approvalBureau, fullDraft } from './testSupport';

/**
 * Each approvals/notifications call × each role. The table is the specification (written out, not
 * read from the contract), so a call whose access drifts fails here. A role outside the list must
 * get the server's role refusal; a role inside it must never get it (it may still be refused for
 * record-level reasons, e.g. not being the requester).
 */
const PREPARE: Role[] = ['staff', 'clerk', 'chief'];
const READ: Role[] = ['staff', 'clerk', 'chief', 'leader'];
const EVERYONE: Role[] = [...ROLES];
const TABLE: Record<string, Role[]> = {
  'approvals.list': READ,
  'approvals.get': READ,
  'approvals.candidates': PREPARE,
  'approvals.create': PREPARE,
  'approvals.update': PREPARE,
  'approvals.submit': PREPARE,
  'approvals.withdraw': PREPARE,
  'approvals.revise': PREPARE,
  // Staff and clerks reach the handler because one of them may be the configured deputy; the rule check refuses the others.
  'approvals.decide': ['chief', 'leader', 'staff', 'clerk'],
  'approvals.queueCount': EVERYONE,
  'approvals.overview': ['chief', 'leader'],
  'approvals.addAttachment': PREPARE,
  'approvals.removeAttachment': PREPARE,
  'approvals.download': READ,
  'approvals.generateDocuments': READ,
  'notifications.list': EVERYONE,
  'notifications.markRead': EVERYONE,
};

let t: TestCore;
let requestId = 0;
let caseId = 0;
const callers = {} as Record<Role, Caller>;

beforeAll(async () => {
  t = testCore({ now: '2026-11-23T02:00:00Z' });
  const b = await approvalBureau(t);
  caseId = await b.newCase();
  const d = await b.handler.run('approvals.create', fullDraft([caseId]));
  await b.handler.run('approvals.submit', { requestId: d.request.id });
  requestId = d.request.id;
  for (const role of ROLES) callers[role] = t.as(role);
});
afterAll(() => t.cleanup());

const inputs = (): Record<string, unknown> => ({
  'approvals.list': { scope: 'all' },
  'approvals.get': { requestId },
  'approvals.candidates': {},
  'approvals.create': fullDraft([caseId]),
  'approvals.update': { requestId, proposal: '改' },
  'approvals.submit': { requestId },
  'approvals.withdraw': { requestId, reason: '测试' },
  'approvals.revise': { requestId },
  'approvals.decide': { requestId, outcome: '退回补充', opinion: '请补充材料' },
  'approvals.queueCount': {},
  'approvals.overview': {},
  'approvals.addAttachment': { requestId, uploadId: 'nope' },
  'approvals.removeAttachment': { attachmentId: 999 },
  'approvals.download': { documentId: 999 },
  'approvals.generateDocuments': { requestId },
  'notifications.list': {},
  'notifications.markRead': { all: true },
});

describe('each call × each role', () => {
  it('the table covers every approvals and notifications call', () => {
    const names = Object.keys(calls).filter((n) => n.startsWith('approvals.') || n.startsWith('notifications.'));
    expect(names.sort()).toEqual(Object.keys(TABLE).sort());
  });

  for (const [name, allowed] of Object.entries(TABLE)) {
    for (const role of ROLES) {
      const may = allowed.includes(role);
      it(`${name} as ${role}: ${may ? 'passes the role check' : 'refused by role'}`, async () => {
        const r = await callers[role].call(name as CallName, inputs()[name] as never);
        const roleRefusal = !r.ok && r.error.code === 'FORBIDDEN' && r.error.message.includes('无权执行');
        expect(roleRefusal).toBe(!may);
        if (!r.ok) expect(r.error.code).not.toBe('INTERNAL');
      });
    }
  }
});
