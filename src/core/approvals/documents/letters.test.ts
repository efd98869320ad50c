import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../../../../test/support/core';
import { insertDocument } from '../../efiles/documents';
import { storeBytes } from '../../efiles/store';
import { approvalBureau, fullDraft } from '../testSupport';
import { approvalFormModel, letterModel } from './model';
import { titleLines, emWidth } from '../../gbt9704/titleLines';

/**
 * Issue 13: the 报请函 and the 审批表 say what a court would send — no doubled words or brackets, no
 * file names, no 请示 formula in a 函, a contact with a phone, the legal basis of the ground that
 * holds — and both are filed into the 副卷.
 */
let t: TestCore;
beforeEach(() => {
  t = testCore({ now: '2026-03-20T02:00:00Z' });
});
afterEach(() => t.cleanup());

async function approved(received: string, cause = '借款合同纠纷') {
  const b = await approvalBureau(t);
  await b.admin.run('settings.update', { letterContactPhone: '0717-6512345' });
  const caseId = await b.newCase(b.chief, { cause, applicationReceivedOn: received, filedOn: received });
  await b.handler.run('ledger.edit.saveDeduction', { caseId, kind: '公告', startOn: '2025-08-01', endOn: '2025-08-10' });
  const blob = storeBytes(t.app, Buffer.from('%PDF-1.7 财产查控报告'));
  const docId = t.app.sqlite.transaction(() =>
    insertDocument(t.app, {
      caseId, volume: '正卷', sectionId: '正卷-8', title: '财产查控报告', name: '财产查控报告.pdf', size: blob.size, sha256: blob.sha256,
      mime: 'application/pdf', kind: 'pdf', pages: 1, docDate: '2026-03-01', source: 'import', userId: b.handler.user.id,
    }),
  )().id;
  const draft = await b.handler.run('approvals.create', fullDraft([caseId]));
  await b.handler.run('approvals.addAttachment', { requestId: draft.request.id, efileDocumentId: docId });
  await b.handler.run('approvals.submit', { requestId: draft.request.id });
  const done = await b.chief.run('approvals.decide', { requestId: draft.request.id, outcome: '同意', opinion: '同意报请，请承办人三日内整理卷宗。' });
  return { b, caseId, requestId: draft.request.id, done };
}

describe('报请函 and 审批表 wording', () => {
  it('six months past: cites 民诉法237 and 解释第十条, no doubled 纠纷 or brackets, attachment title, contact phone, no 请示 formula', async () => {
    const { requestId } = await approved('2025-06-01');
    const l = letterModel(t.app, requestId, '猇法执函〔2026〕1号')!;
    const text = [l.title, ...l.paragraphs, ...l.attachments, l.contact].join('\n');
    expect(text).not.toContain('纠纷纠纷');
    expect(text).not.toMatch(/（（|））|\(\(/);
    expect(text).not.toContain('.pdf');
    expect(text).not.toContain('妥否');
    expect(text).not.toContain('请批示');
    expect(l.attachments).toEqual(['财产查控报告']);
    expect(l.contact).toBe('联系人：张承办，联系电话：0717-6512345');
    expect(l.paragraphs[0]).toContain('借款合同纠纷一案');
    expect(l.paragraphs[0]).toContain('《中华人民共和国民事诉讼法》第二百三十七条');
    expect(l.paragraphs[0]).toContain('执行程序若干问题的解释》第十条');
    expect(l.paragraphs[0]).not.toContain('第十条至第十二条');
    expect(l.paragraphs.at(-1)).toBe('特此函请，请予审查决定。');
  });

  it('six months not yet past: the letter does not cite 民诉法237, the form shows the clock', async () => {
    const { requestId } = await approved('2025-12-01');
    const l = letterModel(t.app, requestId, '猇法执函〔2026〕2号')!;
    expect(l.paragraphs[0]).not.toContain('第二百三十七条');
    expect(l.paragraphs[0]).toContain('《最高人民法院关于交叉执行工作的指导意见》');
    const form = approvalFormModel(t.app, requestId);
    const row = (label: string) => form.rows.find((r) => r.label === label)?.value;
    expect(row('收到申请日期')).toBe('2025年12月1日');
    // 2025-12-01 + 6 months = 2026-06-01, plus the 10 deducted days … only days after the start count.
    expect(row('六个月届满日')).toMatch(/^2026年6月\d+日，尚未超过六个月/);
    expect(row('已扣除期间')).toBe('无');
  });

  it('the form shows the deducted 公告 period and the chief’s opinion once', async () => {
    const { requestId } = await approved('2025-06-01');
    const form = approvalFormModel(t.app, requestId);
    const row = (label: string) => form.rows.find((r) => r.label === label)?.value;
    expect(row('已扣除期间')).toBe('公告 2025年8月1日至2025年8月10日；共扣除10日');
    expect(row('六个月届满日')).toContain('已超过六个月');
    expect(row('执行局长审批意见')).toBe('同意报请，请承办人三日内整理卷宗。');
  });

  it('letters and forms are filed into the 副卷 with 文号 and date', async () => {
    const { caseId } = await approved('2025-06-01');
    const rows = t.app.sqlite.prepare("SELECT title, volume, doc_no AS docNo, doc_date AS d FROM efile_documents WHERE case_id = ? AND source = 'generated' ORDER BY id").all(caseId) as {
      title: string; volume: string; docNo: string | null; d: string | null;
    }[];
    expect(rows.map((r) => [r.title, r.volume])).toEqual([['交叉执行报请审批表', '副卷'], ['报请函', '副卷']]);
    expect(rows[1]!.docNo).toMatch(/^猇法执函〔2026〕\d+号$/);
    expect(rows.every((r) => r.d === '2026-03-20')).toBe(true);
  });
});

describe('title lines', () => {
  it('break only between parts, upper line not shorter, each within the width', () => {
    const parts = ['关于报请', '指令其他法院执行', '（2025）鄂0505执399号案件', '的函'];
    const lines = titleLines(parts, 20);
    expect(lines).toEqual(['关于报请指令其他法院执行', '（2025）鄂0505执399号案件的函']);
    expect(lines.every((l) => emWidth(l) <= 20)).toBe(true);
    expect(titleLines(['短标题'], 20)).toEqual(['短标题']);
  });
});
