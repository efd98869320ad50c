import { afterEach, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../../../../test/support/core';
import { seedCase, textPdf } from '../../../../test/support/efiles';
import { updateSettings } from '../../settings/settings';
import { fileGeneratedDocument } from '../fileGenerated';
import { putPage } from './pages';
import { correctCaseNumbers } from './caseNoOcr';

/** Issue 14: OCR reads 鄂 as 哪 in scanned 案号; the stored text is corrected and search tolerates old pages. */
let t: TestCore;
afterEach(() => t?.cleanup());

describe('correcting 案号 in OCR text', () => {
  it('puts the province back where OCR misread it, in every way a 案号 comes out of a scan', () => {
    expect(correctCaseNumbers('（2024）哪0505执123号')).toBe('（2024）鄂0505执123号');
    expect(correctCaseNumbers('案号：(2025) 哪 0505 执恢 7 号')).toBe('案号：(2025) 鄂 0505 执恢 7 号');
    expect(correctCaseNumbers('2023哪05执异9号，（2024）哪0502民初88号')).toBe('2023鄂05执异9号，（2024）鄂0502民初88号');
    expect(correctCaseNumbers('（2024）粵0305执1号')).toBe('（2024）粤0305执1号');
  });

  it('leaves 哪 alone where it is the word, and 案号 that are right', () => {
    expect(correctCaseNumbers('被执行人去哪里了？哪0505号房')).toBe('被执行人去哪里了？哪0505号房');
    expect(correctCaseNumbers('（2024）鄂0505执123号')).toBe('（2024）鄂0505执123号');
    expect(correctCaseNumbers('2024年哪0505执')).toBe('2024年哪0505执'); // 年 breaks the pattern: not a 案号
  });
});

describe('searching a 案号 that OCR misread', () => {
  it('finds a page stored with 哪0505执 (read before the correction existed) by the 案号 as typed', async () => {
    t = testCore();
    updateSettings(t.app, { ocrEnabled: false });
    const a = t.as('staff', '甲承办');
    const c = seedCase(t.app, a.user.id, 303);
    const doc = await fileGeneratedDocument(t.app, { caseId: c.id, volume: '正卷', title: '执行笔录（扫描）', fileName: '笔录.pdf', bytes: textPdf([['扫描件']]), userId: a.user.id });
    t.app.sqlite.transaction(() => putPage(t.app, doc.documentId, 1, '执行笔录 （2025）哪0505执303号 被执行人到庭', 'ocr'))();
    for (const q of ['（2025）鄂0505执303号', '鄂0505执303', '2025鄂0505']) {
      const r = await a.run('efiles.search', { q });
      expect(r.hits.map((h) => h.docId), q).toEqual([doc.documentId]);
    }
    const hit = (await a.run('efiles.search', { q: '鄂0505执303' })).hits[0]!;
    expect(hit.snippet).toContain('«哪0505执303»');
    // the misreading is not a wildcard: another court's 案号 is still not found
    expect((await a.run('efiles.search', { q: '鄂0502执303' })).total).toBe(0);
  });
});
