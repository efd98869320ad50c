import { afterEach, describe, expect, it } from 'vitest';
import { Document, Packer, Paragraph } from 'docx';
import { testCore, type TestCore } from '../../../../test/support/core';
import { seedCase, textPdf } from '../../../../test/support/efiles';
import { updateSettings } from '../../settings/settings';
import { fileGeneratedDocument } from '../fileGenerated';
import { indexDocumentText } from '../text/index';
import { indexTokens, parseQuery } from './grams';
import { makeSnippet } from './snippet';

let t: TestCore;
afterEach(() => t?.cleanup());

describe('bigram query translation', () => {
  it('turns text and queries into the same bigrams, ignoring spaces, line breaks and brackets', () => {
    expect(indexTokens('查封 裁定')).toBe('查封 封裁 裁定 定');
    // a 案号 also matches the spellings OCR misreads it as (text/caseNoOcr.ts)
    expect(parseQuery('（2024）鄂0505执').match).toBe('("20 02 24 4鄂 鄂0 05 50 05 5执" OR "20 02 24 4哪 哪0 05 50 05 5执" OR "20 02 24 4鄠 鄠0 05 50 05 5执" OR "20 02 24 4卾 卾0 05 50 05 5执")');
    expect(parseQuery('鄂州').match).toBe('"鄂州"');
    expect(parseQuery('张某  拘留').match).toBe('"张某" AND "拘留"');
    expect(parseQuery('拘').match).toBe('"拘"*');
    expect(parseQuery('“”，。').match).toBeNull();
    expect(parseQuery('ＡＢ１２').match).toBe('"ab b1 12"'); // full-width folded, lower case
  });

  it('marks the hit in the original text even when a line break splits the word', () => {
    expect(makeSnippet('本院依法查\n封被执行人房产', parseQuery('查封').terms)).toBe('本院依法«查 封»被执行人房产');
  });
});

/** Two cases: A's with a 正卷 ruling (2 pages) and a 副卷 approval form; B's with a notice. */
async function fixture() {
  t = testCore();
  updateSettings(t.app, { ocrEnabled: false });
  const a = t.as('staff', '甲承办');
  const b = t.as('staff', '乙承办');
  const chief = t.as('chief', '局长');
  const c1 = seedCase(t.app, a.user.id, 101);
  const c2 = seedCase(t.app, b.user.id, 202);
  const file = (caseId: number, volume: '正卷' | '副卷', title: string, pages: string[][]) =>
    fileGeneratedDocument(t.app, { caseId, volume, title, fileName: `${title}.pdf`, bytes: textPdf(pages), userId: a.user.id });
  const ruling = await file(c1.id, '正卷', '执行裁定书', [
    ['湖北省宜昌市猇亭区人民法院', '执行裁定书', '（2025）鄂0505执101号', '依法查封被执行人张某名下位于猇亭区的房产一处。'],
    ['第二页', '被执行人拒不履行，本院决定对其拘留十五日，期满释放。'],
  ]);
  const form = await file(c1.id, '副卷', '执行措施审批表', [['执行措施审批表', '拟对被执行人张某采取司法拘留措施，请局长审批。']]);
  const notice = await file(c2.id, '正卷', '执行通知书', [['执行通知书', '（2025）鄂0505执202号', '如逾期不履行，本院将依法查封、扣押你的财产。']]);
  return { a, b, chief, c1, c2, ruling: ruling.documentId, form: form.documentId, notice: notice.documentId };
}

describe('e-file search (FTS5 bigrams)', () => {
  it('finds 2-character words (查封, 拘留, 张某) and 案号 fragments, with page and highlighted snippet', async () => {
    const f = await fixture();
    const seal = await f.a.run('efiles.search', { q: '查封' });
    expect(seal.hits.map((h) => h.docId).sort()).toEqual([f.ruling, f.notice].sort());
    const onRuling = seal.hits.find((h) => h.docId === f.ruling)!;
    expect(onRuling).toMatchObject({ page: 1, caseNo: '（2025）鄂0505执101号', volume: '正卷', title: '执行裁定书', fromOcr: false });
    expect(onRuling.snippet).toContain('依法«查封»被执行人');

    const detain = await f.a.run('efiles.search', { q: '拘留' });
    expect(detain.hits.map((h) => [h.docId, h.page])).toEqual(expect.arrayContaining([[f.ruling, 2], [f.form, 1]]));
    expect(detain.total).toBe(2);

    expect((await f.a.run('efiles.search', { q: '张某' })).hits.map((h) => h.docId).sort()).toEqual([f.ruling, f.form].sort());
    for (const q of ['鄂0505执', '0505执101', '（2025）鄂0505执101号', '2025鄂0505执10', '执202']) {
      const r = await f.a.run('efiles.search', { q });
      expect(r.hits.length, q).toBeGreaterThan(0);
    }
    expect((await f.a.run('efiles.search', { q: '执101' })).hits.map((h) => h.docId)).toEqual([f.ruling]);
    // Word order matters, and the single character query works as a prefix.
    expect((await f.a.run('efiles.search', { q: '封查' })).total).toBe(0);
    expect((await f.a.run('efiles.search', { q: '期满释放' })).hits).toHaveLength(1);
    expect((await f.a.run('efiles.search', { q: '拘' })).total).toBe(2);
    // Several words: all must be on the page.
    expect((await f.a.run('efiles.search', { q: '张某 房产' })).hits.map((h) => h.docId)).toEqual([f.ruling]);
    expect((await f.a.run('efiles.search', { q: '张某 扣押' })).total).toBe(0);
  });

  it('searches one case or one volume, and not the recycle bin', async () => {
    const f = await fixture();
    const inCase2 = await f.chief.run('efiles.search', { q: '查封', caseId: f.c2.id });
    expect(inCase2.hits.map((h) => h.docId)).toEqual([f.notice]);
    const main = await f.chief.run('efiles.search', { q: '拘留', caseId: f.c1.id, volume: '正卷' });
    expect(main.hits.map((h) => h.docId)).toEqual([f.ruling]);
    const internal = await f.chief.run('efiles.search', { q: '拘留', caseId: f.c1.id, volume: '副卷' });
    expect(internal.hits.map((h) => h.docId)).toEqual([f.form]);
    await f.a.run('efiles.delete', { id: f.ruling });
    expect((await f.chief.run('efiles.search', { q: '期满释放' })).total).toBe(0);
    await f.a.run('efiles.restore', { id: f.ruling });
    expect((await f.chief.run('efiles.search', { q: '期满释放' })).total).toBe(1);
    const bad = await f.chief.call('efiles.search', { q: '，。！' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toContain('搜索内容');
  });

  it('shows 副卷 hits only to the case handler, the chief and administrators', async () => {
    const f = await fixture();
    const other = await f.b.run('efiles.search', { q: '拘留' });
    expect(other.hits.map((h) => h.docId)).toEqual([f.ruling]);
    expect(other.hits.every((h) => h.volume !== '副卷')).toBe(true);
    const refused = await f.b.call('efiles.search', { q: '拘留', caseId: f.c1.id, volume: '副卷' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe('FORBIDDEN');
    expect((await f.chief.run('efiles.search', { q: '审批' })).hits.map((h) => h.docId)).toEqual([f.form]);
    expect((await f.a.run('efiles.search', { q: '审批' })).hits.map((h) => h.docId)).toEqual([f.form]);
    const clerk = t.as('clerk');
    expect((await clerk.run('efiles.search', { q: '审批' })).total).toBe(0);
  });

  it('finds the text of a Word document (no page: it is not previewed)', async () => {
    const f = await fixture();
    const bytes = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('执行和解协议'), new Paragraph('双方同意分期履行，被执行人每月支付 5000 元。')] }] }));
    const { documentId } = await fileGeneratedDocument(t.app, { caseId: f.c1.id, volume: '正卷', title: '执行和解协议', fileName: '和解.docx', bytes, userId: f.a.user.id });
    const r = await f.a.run('efiles.search', { q: '分期履行' });
    expect(r.hits.map((h) => [h.docId, h.page])).toEqual([[documentId, null]]);
    expect(r.hits[0].snippet).toContain('«分期履行»');
  });

  it('re-indexing replaces a document’s pages instead of doubling them', async () => {
    const f = await fixture();
    await indexDocumentText(t.app, f.ruling);
    await indexDocumentText(t.app, f.ruling);
    expect((await f.a.run('efiles.search', { q: '查封', caseId: f.c1.id })).total).toBe(1);
    const n = t.app.sqlite.prepare('SELECT count(*) AS n FROM efile_pages WHERE document_id = ?').get(f.ruling) as { n: number };
    expect(n.n).toBe(2);
  });
});
