import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testCore, type Caller, type TestCore } from '../support/core';
import { storeBytes } from '../../src/core/efiles/store';
import { insertDocument } from '../../src/core/efiles/documents';
import { approvalBureau, fullDraft } from '../../src/core/approvals/testSupport';
import { openSessionDocument } from '../../src/core/efiles/content';

/**
 * Issue 12 §1–2: every path to a 副卷 item follows one rule (src/core/efiles/access.ts): the case's
 * handler, the chief and administrators — nobody makes themselves the handler to get in, and the
 * 审批表 (filed into the 副卷) is downloaded under the same rule, audited.
 */
let t: TestCore;
beforeEach(() => {
  t = testCore({ now: '2026-11-23T02:00:00Z' });
});
afterEach(() => t.cleanup());

function secretDoc(caseId: number, by: Caller): number {
  const blob = storeBytes(t.app, Buffer.from('%PDF-1.7 合议庭评议笔录'));
  return t.app.sqlite.transaction(() =>
    insertDocument(t.app, {
      caseId, volume: '副卷', sectionId: '副卷-1', title: '合议庭评议笔录', name: '合议庭评议笔录.pdf', size: blob.size, sha256: blob.sha256,
      mime: 'application/pdf', kind: 'pdf', pages: 1, docDate: '2026-11-01', source: 'import', userId: by.user.id,
    }),
  )().id;
}

const handlerOf = (caseId: number) => (t.app.sqlite.prepare('SELECT handler_id AS h FROM cases WHERE id = ?').get(caseId) as { h: number | null }).h;
const audits = (call: string) => t.app.sqlite.prepare('SELECT user_name AS who, summary FROM audit_log WHERE call = ? ORDER BY id').all(call) as { who: string; summary: string }[];

async function caseWithSecret() {
  const b = await approvalBureau(t);
  const caseId = await b.newCase();
  const secret = secretDoc(caseId, b.handler);
  const caseNo = (await b.chief.run('ledger.caseView', { caseId })).case.caseNo;
  return { b, caseId, secret, caseNo };
}

describe('副卷 through a handler change (issue 12 §1)', () => {
  it('another staff member, a clerk or the leader cannot make themselves (or anyone) the handler', async () => {
    const { b, caseId, secret, caseNo } = await caseWithSecret();
    for (const who of [b.other, b.clerk, b.leader]) {
      const r = await who.call('ledger.edit.saveCase', { caseId, caseNo, filedOn: '2025-01-10', handlerId: who.user.id });
      expect(r.ok, `${who.user.displayName} changed the handler`).toBe(false);
      expect(!r.ok && r.error.code).toBe('FORBIDDEN');
      const moved = await who.call('ledger.edit.reassignCase', { caseId, handlerId: who.user.id });
      expect(!moved.ok && moved.error.code).toBe('FORBIDDEN');
      expect(handlerOf(caseId)).toBe(b.handler.user.id);
      expect((await who.call('efiles.document', { id: secret })).ok).toBe(false);
    }
  });

  it('a staff member edits only the cases they handle; the handler keeps editing theirs without naming themselves again', async () => {
    const { b, caseId, caseNo } = await caseWithSecret();
    const foreign = await b.other.call('ledger.edit.saveCase', { caseId, caseNo, cause: '改案由' });
    expect(!foreign.ok && foreign.error.code).toBe('FORBIDDEN');
    expect(!foreign.ok && foreign.error.message).toContain('张承办');
    const party = await b.other.call('ledger.edit.saveParty', { caseId, side: '被执行人', kind: '自然人', name: '插入者' });
    expect(!party.ok && party.error.code).toBe('FORBIDDEN');
    const progress = await b.other.call('ledger.edit.addProgress', { caseId, onDate: '2026-11-20', measures: [], text: '冒充进展' });
    expect(!progress.ok && progress.error.code).toBe('FORBIDDEN');
    // The handler edits without the form sending handlerId: the handler is kept (it used to be cleared).
    await b.handler.run('ledger.edit.saveCase', { caseId, caseNo, cause: '借款合同纠纷', filedOn: '2025-01-10' });
    expect(handlerOf(caseId)).toBe(b.handler.user.id);
    // A clerk assists the handler: records the case's data, never its handler (docs/architecture.md).
    await b.clerk.run('ledger.edit.saveCase', { caseId, caseNo, cause: '民间借贷纠纷', filedOn: '2025-01-10', handlerId: b.handler.user.id });
    expect(handlerOf(caseId)).toBe(b.handler.user.id);
  });

  it('recording a payout and starting a discovery draft follow the same rule: a 承办人 only on their own cases', async () => {
    const { b, caseId } = await caseWithSecret();
    const entry = await b.handler.run('ledger.edit.addProgress', { caseId, onDate: '2026-11-20', measures: [], text: '案款到位', amountFen: 500_000 });
    const foreignPayout = await b.other.call('ledger.payout.record', { progressId: entry.id, paidOn: '2026-11-21' });
    expect(!foreignPayout.ok && foreignPayout.error.code).toBe('FORBIDDEN');
    const foreignDraft = await b.other.call('ledger.discover.startDraft', { class: 'sixMonth', caseIds: [caseId] });
    expect(!foreignDraft.ok && foreignDraft.error.code).toBe('FORBIDDEN');
    expect(t.app.sqlite.prepare('SELECT count(*) AS n FROM ledger_payouts').get()).toEqual({ n: 0 });
    // The handler records their own payout.
    await b.handler.run('ledger.payout.record', { progressId: entry.id, paidOn: '2026-11-21' });
    expect(t.app.sqlite.prepare('SELECT count(*) AS n FROM ledger_payouts').get()).toEqual({ n: 1 });
  });

  it('a staff member who creates a case handles it; they cannot name somebody else', async () => {
    const b = await approvalBureau(t);
    const own = await b.other.run('ledger.edit.saveCase', { caseNo: '（2025）鄂0505执501号', filedOn: '2025-01-10' });
    expect(handlerOf(own.id)).toBe(b.other.user.id);
    const forOther = await b.other.call('ledger.edit.saveCase', { caseNo: '（2025）鄂0505执502号', filedOn: '2025-01-10', handlerId: b.handler.user.id });
    expect(!forOther.ok && forOther.error.code).toBe('FORBIDDEN');
  });

  it('the chief reassigns; the audit row names the old and the new handler; the old handler loses the 副卷', async () => {
    const { b, caseId, secret, caseNo } = await caseWithSecret();
    await b.chief.run('ledger.edit.reassignCase', { caseId, handlerId: b.other.user.id, reason: '工作调整' });
    expect(handlerOf(caseId)).toBe(b.other.user.id);
    expect(audits('ledger.edit.reassignCase')).toEqual([{ who: '李局长', summary: `${caseNo} 改派承办人：张承办 → 王承办（工作调整）` }]);
    expect((await b.other.call('efiles.document', { id: secret })).ok).toBe(true);
    const old = await b.handler.call('efiles.document', { id: secret });
    expect(!old.ok && old.error.code).toBe('FORBIDDEN');
    // An admin may also reassign, and saveCase by the chief with another handler is the same audited act.
    await b.admin.run('ledger.edit.saveCase', { caseId, caseNo, filedOn: '2025-01-10', handlerId: b.handler.user.id });
    expect(handlerOf(caseId)).toBe(b.handler.user.id);
    expect(audits('ledger.edit.saveCase').at(-1)!.summary).toContain('改派承办人：王承办 → 张承办');
    // Only people who can handle cases: not the leader, not a disabled user.
    const toLeader = await b.chief.call('ledger.edit.reassignCase', { caseId, handlerId: b.leader.user.id });
    expect(!toLeader.ok && toLeader.error.field).toBe('handlerId');
  });
});

describe('the 审批表 follows the 副卷 rule (issue 12 §2)', () => {
  it('the leader reads the request but cannot download its 审批表; the handler can, audited', async () => {
    const b = await approvalBureau(t);
    const caseId = await b.newCase();
    const d = await b.handler.run('approvals.create', fullDraft([caseId]));
    await b.handler.run('approvals.submit', { requestId: d.request.id });
    const done = await b.chief.run('approvals.decide', { requestId: d.request.id, outcome: '同意', opinion: '同意。' });
    const form = done.documents.find((x) => x.kind === '审批表' && x.format === 'pdf')!;
    const letter = done.documents.find((x) => x.kind === '报请函' && x.format === 'pdf')!;
    expect((await b.leader.call('approvals.get', { requestId: d.request.id })).ok).toBe(true);
    const refused = await b.leader.call('approvals.download', { documentId: form.id });
    expect(!refused.ok && refused.error.code).toBe('FORBIDDEN');
    expect(!refused.ok && refused.error.message).toContain('副卷');
    // The letter is an internal request between courts and goes into the 副卷 too (issue 13): same rule.
    const letterRefused = await b.leader.call('approvals.download', { documentId: letter.id });
    expect(!letterRefused.ok && letterRefused.error.code).toBe('FORBIDDEN');
    await b.handler.run('approvals.download', { documentId: form.id });
    expect(audits('approvals.download')).toEqual([{ who: '张承办', summary: expect.stringContaining('下载副卷文件「交叉执行报请审批表」') }]);
  });
});

describe('every path to a 副卷 item × who may take it', () => {
  it('the other staff member, the clerk and the leader are refused on every path; handler, chief and admin read it, audited', async () => {
    const { b, caseId, secret, caseNo } = await caseWithSecret();
    const draft = await b.clerk.run('approvals.create', fullDraft([caseId]));
    const paths: [string, (who: Caller) => Promise<boolean>][] = [
      ['efiles.catalogue lists it', async (who) => {
        const r = await who.run('efiles.catalogue', { caseId });
        return r.secondaryVisible || r.documents.some((d) => d.id === secret);
      }],
      ['efiles.document', async (who) => (await who.call('efiles.document', { id: secret })).ok],
      ['GET /api/file/efile/<id> (openSessionDocument)', async (who) => {
        try {
          openSessionDocument(t.app, who.sessionKey, secret, 'download');
          return true;
        } catch {
          return false;
        }
      }],
      ['efiles.bind 副卷', async (who) => {
        const r = await who.call('efiles.bind', { caseId, volume: '副卷' });
        return r.ok || r.error.code !== 'FORBIDDEN';
      }],
      ['exchange.export.start with 副卷', async (who) => {
        const r = await who.call('exchange.export.start', { week: '2026-W47', cases: [caseNo], includeSecondary: true });
        return r.ok || r.error.code !== 'FORBIDDEN';
      }],
      ['ledger.edit.saveCase naming oneself the handler', async (who) => (await who.call('ledger.edit.saveCase', { caseId, caseNo, filedOn: '2025-01-10', handlerId: who.user.id })).ok],
    ];
    for (const who of [b.other, b.clerk, b.leader]) {
      for (const [path, take] of paths) expect(await take(who), `${who.user.displayName}: ${path}`).toBe(false);
    }
    // The clerk prepares a request for the case but cannot attach its 副卷.
    const attach = await b.clerk.call('approvals.addAttachment', { requestId: draft.request.id, efileDocumentId: secret });
    expect(!attach.ok && attach.error.code).toBe('FORBIDDEN');
    expect(handlerOf(caseId)).toBe(b.handler.user.id);

    for (const who of [b.handler, b.chief, b.admin]) {
      expect((await who.run('efiles.catalogue', { caseId })).documents.some((d) => d.id === secret), who.user.displayName).toBe(true);
      expect((await who.call('efiles.document', { id: secret })).ok, who.user.displayName).toBe(true);
    }
    const seen = audits('efiles.document').map((a) => a.who);
    expect(seen).toEqual(['张承办', '李局长', '系统管理员']);
  });
});
