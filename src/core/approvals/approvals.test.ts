import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../../../test/support/core';
import { openDownload } from '../files/downloads';
import { transitionTransfer } from '../ledger/transferState';
import { approvalBureau, fullDraft } from './testSupport';

async function pdfText(bytes: Uint8Array): Promise<string> {
  const lib = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = lib.getDocument({ data: bytes, useSystemFonts: false, verbosity: 0 });
  const doc = await task.promise;
  let s = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const tc = await (await doc.getPage(i)).getTextContent();
    for (const it of tc.items) if ('str' in it) s += it.str;
  }
  await task.destroy();
  return s.replace(/\s+/g, '');
}

let t: TestCore;
beforeEach(() => {
  // 23:55 China time: the decision a few minutes later falls on the next legal day.
  t = testCore({ now: '2026-11-23T15:55:00Z' });
});
afterEach(() => t.cleanup());

const transfer = (id: number) => t.app.sqlite.prepare('SELECT state FROM transfers WHERE id = ?').get(id) as { state: string };
const events = (id: number) =>
  t.app.sqlite.prepare("SELECT kind, from_state AS f, to_state AS s, data FROM transfer_events WHERE transfer_id = ? AND kind = 'approval' ORDER BY id").all(id) as {
    f: string;
    s: string;
    data: string;
  }[];

describe('approval flow', () => {
  it('handler submits, chief approves with an opinion: transfer moves, events, audit, notices and documents', async () => {
    const b = await approvalBureau(t);
    const caseId = await b.newCase();
    const draft = await b.handler.run('approvals.create', fullDraft([caseId]));
    expect(draft.request.state).toBe('草稿');
    const transferId = draft.cases[0]!.transferId;
    expect(transfer(transferId).state).toBe('草稿');

    const sent = await b.handler.run('approvals.submit', { requestId: draft.request.id });
    expect(sent.request.state).toBe('待审批');
    expect(transfer(transferId).state).toBe('待审批');
    expect(sent.documents.some((d) => d.kind === '审批表' && d.format === 'pdf')).toBe(true);
    expect((await b.chief.run('approvals.queueCount', {})).count).toBe(1);
    expect((await b.handler.run('approvals.queueCount', {})).count).toBe(0);
    const chiefNotes = await b.chief.run('notifications.list', {});
    expect(chiefNotes.unread).toBe(1);
    expect(chiefNotes.rows[0]!.kind).toBe('新请求');

    const detail = await b.chief.run('approvals.get', { requestId: draft.request.id });
    expect(detail.can.decide).toBe(true);
    expect(detail.cases[0]!.history.length).toBeGreaterThan(0);

    t.setNow('2026-11-23T16:02:00Z');
    const done = await b.chief.run('approvals.decide', { requestId: draft.request.id, outcome: '同意', opinion: '同意报请，请尽快与中院联系。' });
    expect(done.request.state).toBe('已同意');
    expect(transfer(transferId).state).toBe('已批准');
    const ev = events(transferId);
    expect(ev.map((e) => e.s)).toEqual(['待审批', '已批准']);
    expect(JSON.parse(ev[1]!.data).opinion).toBe('同意报请，请尽快与中院联系。');

    const audit = await b.chief.run('audit.list', { page: 1, pageSize: 50 });
    const summaries = JSON.stringify(audit);
    expect(summaries).toContain('审批同意');
    expect(summaries).toContain('提交审批');

    const handlerNotes = await b.handler.run('notifications.list', {});
    expect(handlerNotes.rows.some((n) => n.kind === '审批结果' && n.body.includes('同意报请'))).toBe(true);

    // The form (PDF) carries the opinion, the names and the dates; the 报请函 exists for 指令.
    const formPdf = done.documents.find((d) => d.kind === '审批表' && d.format === 'pdf')!;
    expect(done.documents.some((d) => d.kind === '报请函' && d.format === 'docx')).toBe(true);
    const dl = await b.handler.run('approvals.download', { documentId: formPdf.id });
    const file = openDownload(t.app, b.handler.user, dl.token);
    const text = await pdfText(new Uint8Array(fs.readFileSync(file.file)));
    expect(text).toContain('同意报请，请尽快与中院联系。');
    expect(text).toContain('李局长');
    expect(text).toContain('张承办');
    expect(text).toContain('2026年11月24日');
    expect(text).toContain('2026年11月23日');
    expect(text).toContain('（2025）鄂0505执101号');
    const letter = done.documents.find((d) => d.kind === '报请函' && d.format === 'pdf')!;
    expect(letter.docNo).toMatch(/〔2026〕\d+号/);
    const letterText = await pdfText(new Uint8Array(fs.readFileSync(openDownload(t.app, b.handler.user, (await b.handler.run('approvals.download', { documentId: letter.id })).token).file)));
    expect(letterText).toContain('湖北省宜昌市中级人民法院');

    // Decided → immutable: no second decision, no edit.
    const again = await b.chief.call('approvals.decide', { requestId: draft.request.id, outcome: '不同意', opinion: '改变主意' });
    expect(again.ok).toBe(false);
    const edit = await b.handler.call('approvals.update', { requestId: draft.request.id, proposal: '改' });
    expect(!edit.ok && edit.error.code).toBe('INVALID_STATE');
  });

  it('returned request: opinion required, handler revises as a new version, history kept', async () => {
    const b = await approvalBureau(t);
    const caseId = await b.newCase();
    const d = await b.handler.run('approvals.create', fullDraft([caseId]));
    await b.handler.run('approvals.submit', { requestId: d.request.id });
    const noOpinion = await b.chief.call('approvals.decide', { requestId: d.request.id, outcome: '退回补充', opinion: '  ' });
    expect(!noOpinion.ok && noOpinion.error.message).toContain('审批意见');
    const back = await b.chief.run('approvals.decide', { requestId: d.request.id, outcome: '退回补充', opinion: '请补充财产查控报告' });
    expect(back.request.state).toBe('已退回');
    expect(transfer(back.cases[0]!.transferId).state).toBe('已退回');
    expect((await b.handler.run('notifications.list', {})).rows[0]!.kind).toBe('退回');

    const v2 = await b.handler.run('approvals.revise', { requestId: d.request.id });
    expect(v2.request.version).toBe(2);
    expect(v2.request.rootId).toBe(d.request.id);
    expect(v2.cases[0]!.transferId).toBe(back.cases[0]!.transferId);
    await b.handler.run('approvals.update', { requestId: v2.request.id, summaryProperty: '已补充财产查控报告。' });
    await b.handler.run('approvals.submit', { requestId: v2.request.id });
    expect(transfer(v2.cases[0]!.transferId).state).toBe('待审批');
    const old = await b.handler.run('approvals.get', { requestId: d.request.id });
    expect(old.request.superseded).toBe(true);
    expect(old.decisions[0]!.opinion).toBe('请补充财产查控报告');
    const latest = await b.chief.run('approvals.get', { requestId: v2.request.id });
    expect(latest.versions.map((v) => v.version)).toEqual([1, 2]);
  });

  it('rejected request: reason required, transfer 不予批准, cannot be revised into the same transfer', async () => {
    const b = await approvalBureau(t);
    const caseId = await b.newCase();
    const d = await b.handler.run('approvals.create', fullDraft([caseId]));
    await b.handler.run('approvals.submit', { requestId: d.request.id });
    const bare = await b.chief.call('approvals.decide', { requestId: d.request.id, outcome: '不同意', opinion: '' });
    expect(!bare.ok && bare.error.message).toContain('不同意时请写明理由');
    const no = await b.chief.run('approvals.decide', { requestId: d.request.id, outcome: '不同意', opinion: '本院尚有执行措施未穷尽' });
    expect(no.request.state).toBe('不同意');
    expect(transfer(no.cases[0]!.transferId).state).toBe('不予批准');
    const v2 = await b.handler.run('approvals.revise', { requestId: d.request.id });
    expect(v2.cases[0]!.transferId).not.toBe(no.cases[0]!.transferId);
  });

  it('second level: 提级 goes to the 分管院领导 after the chief when configured', async () => {
    const b = await approvalBureau(t);
    await b.admin.run('settings.update', { approvalSecondLevel: true, approvalSecondLevelModes: ['提级', '指令'] });
    const caseId = await b.newCase();
    const d = await b.handler.run('approvals.create', { ...fullDraft([caseId]), mode: '提级', receivingCourtCode: '鄂05' });
    const sent = await b.handler.run('approvals.submit', { requestId: d.request.id });
    expect(sent.request.needsSecondLevel).toBe(true);
    const first = await b.chief.run('approvals.decide', { requestId: d.request.id, outcome: '同意', opinion: '' });
    expect(first.request.state).toBe('待院领导审批');
    expect(transfer(first.cases[0]!.transferId).state).toBe('待审批');
    expect((await b.leader.run('approvals.queueCount', {})).count).toBe(1);
    const chiefAgain = await b.chief.call('approvals.decide', { requestId: d.request.id, outcome: '同意', opinion: '' });
    expect(!chiefAgain.ok && chiefAgain.error.code).toBe('FORBIDDEN');
    const final = await b.leader.run('approvals.decide', { requestId: d.request.id, outcome: '同意', opinion: '同意提级。' });
    expect(final.request.state).toBe('已同意');
    expect(final.decisions.map((x) => x.deciderTitle)).toEqual(['执行局长', '分管院领导']);
  });

  it('集中执行 with several cases; withdraw after approval is refused once 已移送', async () => {
    const b = await approvalBureau(t);
    const ids = [await b.newCase(), await b.newCase()];
    const single = await b.handler.run('approvals.create', { ...fullDraft([ids[0]!]), mode: '集中' });
    const one = await b.handler.call('approvals.submit', { requestId: single.request.id });
    expect(!one.ok && one.error.message).toContain('两件以上');
    await b.handler.run('approvals.update', { requestId: single.request.id, caseIds: ids });
    await b.handler.run('approvals.submit', { requestId: single.request.id });
    const ok = await b.chief.run('approvals.decide', { requestId: single.request.id, outcome: '同意', opinion: '同意集中执行。' });
    expect(ok.cases.map((c) => c.transferState)).toEqual(['已批准', '已批准']);
    const tid = ok.cases[0]!.transferId;
    transitionTransfer(t.app, b.handler.user, tid, '已决定');
    transitionTransfer(t.app, b.handler.user, tid, '已移送');
    const w = await b.handler.call('approvals.withdraw', { requestId: single.request.id, reason: '当事人和解' });
    expect(!w.ok && w.error.message).toContain('不能撤销');
  });
});

describe('rules and bad input', () => {
  it('nobody decides their own request; only chief/deputy decide level 1', async () => {
    const b = await approvalBureau(t);
    const caseId = await b.newCase();
    const own = await b.chief.run('approvals.create', fullDraft([caseId]));
    await b.chief.run('approvals.submit', { requestId: own.request.id });
    const self = await b.chief.call('approvals.decide', { requestId: own.request.id, outcome: '同意', opinion: '' });
    expect(!self.ok && self.error.message).toContain('不能审批本人提交的请求');
    for (const who of [b.handler, b.other, b.clerk, b.leader]) {
      const r = await who.call('approvals.decide', { requestId: own.request.id, outcome: '同意', opinion: '' });
      expect(r.ok).toBe(false);
    }
    expect((await b.chief.run('approvals.queueCount', {})).count).toBe(0);
  });

  it('refuses missing reasons, receiving court = original court, closed case, unknown court', async () => {
    const b = await approvalBureau(t);
    const caseId = await b.newCase();
    const closed = await b.newCase(b.chief, { closedOn: '2025-06-01', closureType: '执行完毕' });
    const sameCourt = await b.handler.call('approvals.create', { ...fullDraft([caseId]), receivingCourtCode: '鄂0505' });
    expect(!sameCourt.ok && sameCourt.error.message).toContain('不能是原执行法院');
    const unknown = await b.handler.call('approvals.create', { ...fullDraft([caseId]), receivingCourtCode: '火星' });
    expect(!unknown.ok && unknown.error.field).toBe('receivingCourtCode');
    const closedCase = await b.handler.call('approvals.create', fullDraft([closed]));
    expect(!closedCase.ok && closedCase.error.message).toContain('已结案');
    const d = await b.handler.run('approvals.create', { ...fullDraft([caseId]), reasons: [] });
    const noReason = await b.handler.call('approvals.submit', { requestId: d.request.id });
    expect(!noReason.ok && noReason.error.message).toBe('「报请理由」请至少选择一项');
    const badMode = await b.handler.call('approvals.create', { ...fullDraft([caseId]), mode: '乱写' as never });
    expect(!badMode.ok && badMode.error.code).toBe('INVALID_INPUT');
    const noCases = await b.handler.call('approvals.create', { ...fullDraft([]) });
    expect(!noCases.ok && noCases.error.message).toContain('请至少选择一件案件');
    // Nothing was half-written by the refusals.
    expect((t.app.sqlite.prepare('SELECT count(*) AS n FROM approval_requests').get() as { n: number }).n).toBe(1);
    const twice = await b.handler.call('approvals.create', fullDraft([caseId]));
    expect(!twice.ok && twice.error.code).toBe('CONFLICT');
  });

  it('another staff member cannot read, edit or withdraw someone else’s request', async () => {
    const b = await approvalBureau(t);
    const caseId = await b.newCase();
    const d = await b.handler.run('approvals.create', fullDraft([caseId]));
    expect((await b.other.call('approvals.get', { requestId: d.request.id })).ok).toBe(false);
    expect((await b.other.call('approvals.update', { requestId: d.request.id, proposal: 'x' })).ok).toBe(false);
    expect((await b.other.call('approvals.submit', { requestId: d.request.id })).ok).toBe(false);
    const dir = path.join(t.dir, 'approvals');
    expect(fs.existsSync(dir)).toBe(false);
  });
});
