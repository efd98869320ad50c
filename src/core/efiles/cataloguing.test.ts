import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testCore, type Caller, type TestCore } from '../../../test/support/core';
import { seedCase, textPdf } from '../../../test/support/efiles';
import { stageBytes } from '../files/uploads';
import { updateSettings } from '../settings/settings';
import { fileIntoEfile } from '../approvals/efilesBridge';
import { sectionById } from './documents';
import { fileGeneratedDocument, generatedFiling } from './fileGenerated';
import { suggestDocDate } from './docDate';

/** Issue 14, daily UX 10: cataloguing recognises documents from their text, files generated ones right, and asks the date. */
let t: TestCore;
let staff: Caller;
let caseId: number;
beforeEach(() => {
  t = testCore({ now: '2025-07-01T02:00:00Z' });
  updateSettings(t.app, { ocrEnabled: false });
  staff = t.as('staff', '甲承办');
  caseId = seedCase(t.app, staff.user.id, 501).id;
});
afterEach(() => t.cleanup());

const importPdf = async (name: string, lines: string[][]) => {
  const up = await stageBytes(t.app, staff.user, 'efiles.import', name, textPdf(lines));
  return staff.run('efiles.import', { caseId, uploadId: up.uploadId, volume: '正卷' });
};
const sectionName = (id: string) => sectionById(t.app, id)!.name;

describe('documents recognised from their text', () => {
  it('a scanner-named 执行裁定书 with no subject keyword goes to the rulings, and its 落款 date is suggested', async () => {
    const r = await importPdf('扫描0001.pdf', [['湖北省宜昌市猇亭区人民法院', '执行裁定书', '（2025）鄂0505执501号', '变更申请执行人为宜昌某公司。', '二〇二五年三月十四日']]);
    expect(sectionName(r.document.sectionId)).toBe('中止、终结、终结本次执行程序裁定书');
    expect(r.suggestion?.reason).toBe('文书标题为「执行裁定书」→ 中止、终结、终结本次执行程序裁定书');
    expect(r.dateSuggestion).toEqual({ date: '2025-03-14', reason: '文书中的日期「二〇二五年三月十四日」' });
    // asked, not stored: the person cataloguing confirms it
    expect(r.document.docDate).toBeNull();
  });

  it('an 执行笔录 goes to the asset-search records; a ruling about 查封 still goes to 查封 (subject beats kind)', async () => {
    const note = await importPdf('扫描0002.pdf', [['执行笔录', '时间：2025年4月2日上午', '被执行人到庭陈述其无履行能力。']]);
    expect(sectionName(note.document.sectionId)).toBe('财产查控材料');
    expect(note.dateSuggestion?.date).toBe('2025-04-02');
    const seal = await importPdf('扫描0003.pdf', [['执行裁定书', '查封被执行人名下房产一处。', '二〇二五年五月六日']]);
    expect(sectionName(seal.document.sectionId)).toBe('查封、扣押、冻结、扣划裁定书及协助执行通知书');
  });

  it('a date later than today (a 限期 in the text) is not suggested', () => {
    expect(suggestDocDate('限你于二〇二五年八月一日前履行。二〇二五年六月三日', '2025-07-01')?.date).toBe('2025-06-03');
    expect(suggestDocDate('限你于二〇二五年八月一日前履行。', '2025-07-01')).toBeNull();
  });
});

describe('generated documents', () => {
  it('are filed by one table (审批表 and 报请函/移送函 in the 副卷 approvals) and dated from their text', async () => {
    const file = (title: string, volume: '正卷' | '副卷') => fileIntoEfile(t.app, { caseId, volume, title, fileName: `${title}.pdf`, bytes: textPdf([[title, '二〇二五年六月三十日']]), userId: staff.user.id });
    const row = (id: string | null) => t.app.sqlite.prepare('SELECT volume, section_id AS s, doc_date AS d FROM efile_documents WHERE id = ?').get(Number(id)) as { volume: string; s: string; d: string };
    const form = row(await file('交叉执行报请审批表', '副卷'));
    expect([form.volume, sectionName(form.s), form.d]).toEqual(['副卷', '各类审批表、审批意见', '2025-06-30']);
    const letter = row(await file('报请函', '副卷'));
    expect([letter.volume, sectionName(letter.s)]).toEqual(['副卷', '各类审批表、审批意见']);
    expect(generatedFiling('移送函')).toEqual({ volume: '副卷', section: '各类审批表、审批意见' });
  });

  it('a generated document without a date in its text is dated the day it was made', async () => {
    const { documentId } = await fileGeneratedDocument(t.app, { caseId, volume: '正卷', title: '执行通知书', fileName: '执行通知书.pdf', bytes: textPdf([['执行通知书']]), userId: staff.user.id });
    expect((t.app.sqlite.prepare('SELECT doc_date AS d FROM efile_documents WHERE id = ?').get(documentId) as { d: string }).d).toBe('2025-07-01');
  });
});
