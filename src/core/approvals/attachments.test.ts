import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testCore, type Caller, type TestCore } from '../../../test/support/core';
import { storeBytes } from '../efiles/store';
import { insertDocument } from '../efiles/documents';
import { openDownload } from '../files/downloads';
import { approvalBureau, fullDraft } from './testSupport';

/**
 * Issue 4 §1: a request's attachments can be documents already in the case's e-file, besides
 * uploads. The e-files' 副卷 rule holds: only the case's handler, the chief and administrators
 * attach or download a 副卷 document (efiles/access.ts), and such a download is audited.
 */
let t: TestCore;
beforeEach(() => {
  t = testCore({ now: '2026-11-23T02:00:00Z' });
});
afterEach(() => t.cleanup());

function addDoc(caseId: number | null, volume: '正卷' | '副卷' | '局务', sectionId: string, title: string, by: Caller) {
  const blob = storeBytes(t.app, Buffer.from(`%PDF-1.7 ${title}`));
  return t.app.sqlite.transaction(() =>
    insertDocument(t.app, {
      caseId, volume, sectionId, title, name: `${title}.pdf`, size: blob.size, sha256: blob.sha256, mime: 'application/pdf', kind: 'pdf', pages: 1,
      docDate: '2026-11-01', source: 'import', userId: by.user.id,
    }),
  )().id;
}

async function setup() {
  const b = await approvalBureau(t);
  const caseId = await b.newCase();
  const main = addDoc(caseId, '正卷', '正卷-1', '财产查控报告', b.handler);
  const secret = addDoc(caseId, '副卷', '副卷-1', '合议庭评议笔录', b.handler);
  const elsewhere = addDoc(await b.newCase(), '正卷', '正卷-1', '别案的裁定', b.handler);
  const bureau = addDoc(null, '局务', '局务-2', '局务会议纪要', b.chief);
  return { b, caseId, main, secret, elsewhere, bureau };
}

const attachmentCalls = () =>
  (t.app.sqlite.prepare(`SELECT summary FROM audit_log WHERE call = 'approvals.addAttachment' ORDER BY id`).all() as { summary: string }[]).map((a) => a.summary);

describe('attachments picked from the case e-file', () => {
  it('the handler attaches a 正卷 and a 副卷 document of the case; each once', async () => {
    const { b, caseId, main, secret } = await setup();
    const d = await b.handler.run('approvals.create', fullDraft([caseId]));
    const a1 = await b.handler.run('approvals.addAttachment', { requestId: d.request.id, efileDocumentId: main });
    expect(a1).toMatchObject({ kind: 'efile', name: '财产查控报告.pdf', efileDocumentId: main, efileVolume: '正卷' });
    const a2 = await b.handler.run('approvals.addAttachment', { requestId: d.request.id, efileDocumentId: secret });
    expect(a2.efileVolume).toBe('副卷');
    const again = await b.handler.call('approvals.addAttachment', { requestId: d.request.id, efileDocumentId: main });
    expect(!again.ok && again.error.message).toBe('「电子卷宗文件」财产查控报告 已是本请求的附件');
    const detail = await b.handler.run('approvals.get', { requestId: d.request.id });
    expect(detail.attachments.map((a) => [a.name, a.efileVolume])).toEqual([['财产查控报告.pdf', '正卷'], ['合议庭评议笔录.pdf', '副卷']]);
    expect(attachmentCalls()).toEqual(['添加附件 财产查控报告.pdf（引用电子卷宗正卷文件）', '添加附件 合议庭评议笔录.pdf（引用电子卷宗副卷文件）']);
    // Carried to the next version with the request's history.
    await b.handler.run('approvals.submit', { requestId: d.request.id });
    await b.chief.run('approvals.decide', { requestId: d.request.id, outcome: '退回补充', opinion: '请补充财产线索。' });
    const v2 = await b.handler.run('approvals.revise', { requestId: d.request.id });
    expect(v2.attachments.map((a) => a.efileDocumentId)).toEqual([main, secret]);
  });

  it('a requester without 副卷 rights attaches 正卷 documents only', async () => {
    const { b, caseId, main, secret } = await setup();
    // The clerk prepares the request for the handler's case; the 副卷 is not theirs to see.
    const d = await b.clerk.run('approvals.create', fullDraft([caseId]));
    const refused = await b.clerk.call('approvals.addAttachment', { requestId: d.request.id, efileDocumentId: secret });
    expect(!refused.ok && refused.error.code).toBe('FORBIDDEN');
    expect(!refused.ok && refused.error.message).toContain('副卷仅本案承办人、执行局长和管理员可以查看');
    expect((await b.clerk.run('approvals.addAttachment', { requestId: d.request.id, efileDocumentId: main })).efileVolume).toBe('正卷');
    expect((await b.clerk.run('approvals.get', { requestId: d.request.id })).attachments).toHaveLength(1);
  });

  it('refuses documents of other cases, of the bureau, in the recycle bin, or unknown', async () => {
    const { b, caseId, main, elsewhere, bureau } = await setup();
    const d = await b.handler.run('approvals.create', fullDraft([caseId]));
    const msg = async (efileDocumentId: number) => {
      const r = await b.handler.call('approvals.addAttachment', { requestId: d.request.id, efileDocumentId });
      return !r.ok && r.error.message;
    };
    expect(await msg(elsewhere)).toBe('「电子卷宗文件」只能引用本请求所涉案件的电子卷宗文件');
    expect(await msg(bureau)).toBe('「电子卷宗文件」只能引用本请求所涉案件的电子卷宗文件');
    expect(await msg(99999)).toMatch(/电子卷宗文件/);
    await b.handler.run('efiles.delete', { id: main });
    expect(await msg(main)).toBe('「电子卷宗文件」财产查控报告 已在回收站中，不能作为附件');
    expect((await b.handler.run('approvals.get', { requestId: d.request.id })).attachments).toEqual([]);
  });

  it('downloading a 副卷 attachment follows the 副卷 rule and is audited; 正卷 ones open for every reader', async () => {
    const { b, caseId, main, secret } = await setup();
    const d = await b.handler.run('approvals.create', fullDraft([caseId]));
    const a1 = await b.handler.run('approvals.addAttachment', { requestId: d.request.id, efileDocumentId: main });
    const a2 = await b.handler.run('approvals.addAttachment', { requestId: d.request.id, efileDocumentId: secret });
    await b.handler.run('approvals.submit', { requestId: d.request.id });

    const got = await b.chief.run('approvals.download', { attachmentId: a2.id });
    expect(fs.readFileSync(openDownload(t.app, b.chief.user, got.token).file).toString()).toBe('%PDF-1.7 合议庭评议笔录');
    const audit = t.app.sqlite.prepare(`SELECT user_name AS who, summary FROM audit_log WHERE call = 'approvals.download'`).all();
    expect(audit).toEqual([{ who: '李局长', summary: `下载副卷文件「合议庭评议笔录」（（2025）鄂0505执101号）` }]);

    // The 分管院领导 reads the request but the 副卷 is not theirs (efiles/access.ts).
    const leader = await b.leader.call('approvals.download', { attachmentId: a2.id });
    expect(!leader.ok && leader.error.code).toBe('FORBIDDEN');
    expect((await b.leader.run('approvals.download', { attachmentId: a1.id })).name).toBe('财产查控报告.pdf');
  });
});
