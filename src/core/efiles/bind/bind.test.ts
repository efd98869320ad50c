import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCanvas } from '@napi-rs/canvas';
import { Document, Packer, Paragraph } from 'docx';
import { PDFDict, PDFDocument, PDFName, PDFNumber } from 'pdf-lib';
import { testCore, type TestCore } from '../../../../test/support/core';
import { seedCase, textPdf } from '../../../../test/support/efiles';
import { updateSettings } from '../../settings/settings';
import { fileGeneratedDocument } from '../fileGenerated';
import { extractPdfText } from '../text/pdfText';
import { openDownload } from '../../files/downloads';
import { bindVolume } from './bindVolume';
import { lastDateIn } from './catalogueFacts';

let t: TestCore;
afterEach(() => t?.cleanup());

function scanJpeg(): Buffer {
  const c = createCanvas(620, 877);
  const g = c.getContext('2d');
  g.fillStyle = '#f4f1ea';
  g.fillRect(0, 0, 620, 877);
  g.fillStyle = '#333';
  g.fillRect(80, 120, 460, 8);
  return c.toBuffer('image/jpeg');
}

async function docxBytes(): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('执行和解协议')] }] }));
}

async function fixture() {
  t = testCore({ now: '2026-11-23T06:00:00Z' });
  updateSettings(t.app, { ocrEnabled: false });
  const a = t.as('staff', '甲承办');
  const c = seedCase(t.app, a.user.id, 303);
  const file = (title: string, fileName: string, bytes: Buffer, sectionName: string, volume: '正卷' | '副卷' = '正卷') =>
    fileGeneratedDocument(t.app, { caseId: c.id, volume, sectionName, title, fileName, bytes, userId: a.user.id, docDate: '2025-03-10' });
  // Filed out of catalogue order on purpose: the binding follows sections, not filing order.
  await file('查封裁定书', '查封裁定书.pdf', textPdf([['查封裁定书', '第一页'], ['第二页']]), '查封、扣押、冻结、扣划裁定书及协助执行通知书');
  await file('执行通知书', '执行通知书.pdf', textPdf([['执行通知书']]), '受理通知书、执行通知书、报告财产令及送达回证');
  await file('现场照片', '现场.jpg', scanJpeg(), '财产查控材料');
  await file('执行和解协议', '和解协议.docx', await docxBytes(), '执行和解协议及笔录');
  await file('执行措施审批表', '审批表.pdf', textPdf([['执行措施审批表']]), '各类审批表、审批意见', '副卷');
  return { a, c };
}

describe('一键组卷 (bindVolume)', () => {
  it('binds cover + 目录 + documents in catalogue order + 备考表, with page ranges, page numbers and bookmarks', async () => {
    const { a, c } = await fixture();
    const out = path.join(t.dir, 'out', '正卷.pdf');
    const r = await bindVolume(t.app, { caseId: c.id, volume: '正卷', outPath: out, userId: a.user.id });
    const bytes = fs.readFileSync(out);
    const pdf = await PDFDocument.load(bytes);
    // cover 1 + catalogue 1 + 执行通知书 1 + 照片 1 + 查封裁定书 2 + (Word: not bound) + 备考表 1 + 卷底 1
    expect(pdf.getPageCount()).toBe(8);
    expect(r.pages).toBe(8);
    const text = await extractPdfText(new Uint8Array(bytes));
    const flat = text.map((p) => p.replace(/\s+/g, ''));
    expect(flat[0]).toContain('执行案件卷宗');
    expect(flat[0]).toContain('（2025）鄂0505执303号');
    // The page count is the documents' pages: the cover, catalogue, 备考表 and 卷底 are not numbered (issue 13).
    expect(flat[0]).toContain('共4件4页');
    expect(flat[0]).toContain('保管期限长期');
    expect(flat[0]).toMatch(/立卷日期2026年11月23日/);
    const cat = flat[1];
    expect(cat).toContain('卷内目录');
    expect(cat).toContain('文号责任者文件题名日期页号备注');
    // Rows in catalogue order: number, 文号 (none recorded), 责任者 (the court for generated documents),
    // title, date as 8 digits, page range (the Word file with a note instead). No 备考表 row: it has no page number.
    expect(cat).toContain(
      ['1宜昌市猇亭区人民法院执行通知书202503101', '2宜昌市猇亭区人民法院现场照片202503102', '3宜昌市猇亭区人民法院查封裁定书202503103-4', '4宜昌市猇亭区人民法院执行和解协议20250310—Word，未编页'].join(''),
    );
    expect(cat).not.toContain('备考表');
    expect(flat[4]).toContain('查封裁定书');
    expect(flat[6]).toContain('备考表');
    expect(flat[6]).toContain('执行和解协议');
    expect(flat[6]).toContain('立卷人：甲承办');
    expect(flat[7]).toContain('卷底');
    // Page numbers on the documents' pages only, from 1 (the number is the last text drawn on the page).
    [2, 3, 4, 5].forEach((i) => expect(text[i]!.trim().endsWith(String(i - 1)), `page ${i + 1}`).toBe(true));
    [0, 1, 6, 7].forEach((i) => expect(/\d$/.test(text[i]!.trim()) && text[i]!.trim().endsWith(String(i + 1)), `page ${i + 1} unnumbered`).toBe(false));
    // Bookmarks: 卷皮, 卷内目录, three bound documents, 备考表, 卷底.
    const outlines = pdf.catalog.lookup(PDFName.of('Outlines'), PDFDict);
    expect((outlines.get(PDFName.of('Count')) as PDFNumber).asNumber()).toBe(7);
    expect(r.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(fs.readdirSync(path.dirname(out))).toEqual(['正卷.pdf']); // no temp file left behind
  });

  it('efiles.bind: 副卷 only for the handler/chief/admin, audited, offered as a download', async () => {
    const { a, c } = await fixture();
    const other = t.as('staff', '乙承办');
    const refused = await other.call('efiles.bind', { caseId: c.id, volume: '副卷' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe('FORBIDDEN');
    const d = await a.run('efiles.bind', { caseId: c.id, volume: '副卷' });
    expect(d.name).toBe('（2025）鄂0505执303号_副卷.pdf');
    expect(d.pages).toBe(5);
    const file = openDownload(t.app, a.user, d.token).file;
    expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    // The binding is audited, and so is each 副卷 document it exported (like a 副卷 view or download).
    const audit = () => (t.app.sqlite.prepare("SELECT summary, record_type AS type, record_id AS id, user_id AS userId FROM audit_log WHERE call = 'efiles.bind' ORDER BY id").all() as { summary: string; type: string; id: string; userId: number }[]);
    const secondaryDoc = t.app.sqlite.prepare("SELECT id FROM efile_documents WHERE volume = '副卷'").get() as { id: number };
    expect(audit()).toHaveLength(2);
    expect(audit()).toEqual(
      expect.arrayContaining([
        { summary: '导出副卷文件「执行措施审批表」（（2025）鄂0505执303号）', type: 'efile', id: String(secondaryDoc.id), userId: a.user.id },
        { summary: '一键组卷：（2025）鄂0505执303号 副卷，共 5 页', type: 'case', id: String(c.id), userId: a.user.id },
      ]),
    );
    // Binding the 正卷 exports no 副卷 document: one more row, for the binding only.
    await a.run('efiles.bind', { caseId: c.id, volume: '正卷' });
    expect(audit()).toHaveLength(3);
    expect(audit().filter((x) => x.summary.startsWith('导出副卷'))).toHaveLength(1);
    const empty = seedCase(t.app, a.user.id, 304);
    const none = await a.call('efiles.bind', { caseId: empty.id, volume: '正卷' });
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.error.message).toContain('还没有文件');
  });

  it('from the command line the 立卷人 is the case handler, never 命令行', async () => {
    const { c } = await fixture();
    const out = path.join(t.dir, 'cli.pdf');
    await bindVolume(t.app, { caseId: c.id, volume: '正卷', outPath: out, userId: 0 });
    const text = (await extractPdfText(new Uint8Array(fs.readFileSync(out)))).map((p) => p.replace(/\s+/g, ''));
    expect(text[6]).toContain('立卷人：甲承办');
    expect(text.join('')).not.toContain('命令行');
  });
});

describe('卷内目录 dates from the text', () => {
  it('reads the last written date of a document, in figures or in Chinese numerals', () => {
    expect(lastDateIn('（2025）鄂0505执1号 … 宜昌市猇亭区人民法院 2025年3月4日')).toBe('2025-03-04');
    expect(lastDateIn('送达日期：2025年3月1日 … 二〇二五年三月二十一日')).toBe('2025-03-21');
    expect(lastDateIn('二〇二四年十二月十日')).toBe('2024-12-10');
    expect(lastDateIn('没有日期')).toBeNull();
  });
});
