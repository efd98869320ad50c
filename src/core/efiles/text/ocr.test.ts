import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { PDFDocument } from 'pdf-lib';
import { testCore, type TestCore } from '../../../../test/support/core';
import { seedCase } from '../../../../test/support/efiles';
import { fileGeneratedDocument } from '../fileGenerated';
import { ocrIdle, resumeOcr } from './ocrRunner';
import { stageBytes } from '../../files/uploads';

/**
 * Real OCR, offline (tesseract.js + the installed chi_sim model), on generated images of Chinese
 * text. Slow by nature (~2–5 s per test on 2 cores), kept to what proves the pipeline: an image and
 * a scanned PDF page become searchable, the queue survives a restart, and OCR can be switched off.
 */
let t: TestCore;
afterEach(async () => {
  if (t) await ocrIdle(t.app);
  t?.cleanup();
});

GlobalFonts.registerFromPath(createRequire(import.meta.url).resolve('@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf'), 'OcrTestSerif');

function scan(lines: string[]): Buffer {
  const c = createCanvas(1240, 160 + lines.length * 90);
  const g = c.getContext('2d');
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, c.width, c.height);
  g.fillStyle = '#111111';
  g.font = '52px OcrTestSerif';
  lines.forEach((l, i) => g.fillText(l, 60, 120 + i * 90));
  return c.toBuffer('image/png');
}

async function scannedPdf(png: Buffer): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const img = await doc.embedPng(png);
  const page = doc.addPage([595.28, 841.89]);
  page.drawImage(img, { x: 0, y: 841.89 - img.height * (595.28 / img.width), width: 595.28, height: img.height * (595.28 / img.width) });
  return Buffer.from(await doc.save());
}

const status = (id: number) => (t.app.sqlite.prepare('SELECT status FROM efile_text_status WHERE document_id = ?').get(id) as { status: string } | undefined)?.status;

describe('OCR (tesseract.js, offline chi_sim)', () => {
  it('recognises an image and a scanned PDF page in the background; the text becomes searchable', async () => {
    t = testCore();
    const a = t.as('staff', '甲承办');
    const c = seedCase(t.app, a.user.id, 401);
    const img = await fileGeneratedDocument(t.app, { caseId: c.id, volume: '正卷', title: '拘留决定书（扫描）', fileName: '拘留.png', bytes: scan(['决定对被执行人张某', '司法拘留十五日']), userId: a.user.id });
    const pdf = await fileGeneratedDocument(t.app, {
      caseId: c.id,
      volume: '正卷',
      title: '查封笔录（扫描）',
      fileName: '查封.pdf',
      bytes: await scannedPdf(scan(['查封被执行人房产一处', '张贴封条'])),
      userId: a.user.id,
    });
    expect(['queued', 'running']).toContain(status(img.documentId));
    await ocrIdle(t.app);
    expect(status(img.documentId)).toBe('done');
    expect(status(pdf.documentId)).toBe('done');
    const detain = await a.run('efiles.search', { q: '拘留' });
    expect(detain.hits.map((h) => [h.docId, h.page, h.fromOcr])).toEqual([[img.documentId, 1, true]]);
    const seal = await a.run('efiles.search', { q: '查封' });
    expect(seal.hits.map((h) => [h.docId, h.page])).toEqual([[pdf.documentId, 1]]);
    expect((await a.run('efiles.search', { q: '封条' })).total).toBe(1);
    expect(await a.run('efiles.ocr.status', {})).toMatchObject({ enabled: true, queued: 0, running: 0, done: 2, failed: 0 });
  }, 90_000);

  it('can be switched off (pages wait in the queue) and resumes pages left running by a crash', async () => {
    t = testCore();
    const admin = t.as('admin');
    const a = t.as('staff', '甲承办');
    const c = seedCase(t.app, a.user.id, 402);
    await admin.run('efiles.ocr.setEnabled', { enabled: false });
    const img = await fileGeneratedDocument(t.app, { caseId: c.id, volume: '正卷', title: '送达回证', fileName: '回证.png', bytes: scan(['送达回证', '受送达人张某']), userId: a.user.id });
    await ocrIdle(t.app);
    expect(status(img.documentId)).toBe('off');
    expect(await a.run('efiles.ocr.status', {})).toMatchObject({ enabled: false, queued: 1 });
    expect((await a.run('efiles.search', { q: '回证' })).total).toBe(0);
    // A crash mid-page leaves it 'running'; the next start puts it back and finishes it.
    t.app.sqlite.prepare("UPDATE efile_ocr_queue SET status = 'running'").run();
    await admin.run('efiles.ocr.setEnabled', { enabled: true });
    resumeOcr(t.app);
    await ocrIdle(t.app);
    expect(status(img.documentId)).toBe('done');
    expect((await a.run('efiles.search', { q: '受送达人' })).hits.map((h) => h.docId)).toEqual([img.documentId]);
  }, 90_000);

  it('corrects a 案号 whose province OCR misread (哪 for 鄂) before it is stored, so the typed 案号 finds the scan', async () => {
    t = testCore();
    const a = t.as('staff', '甲承办');
    const c = seedCase(t.app, a.user.id, 403);
    // The scan itself carries the misreading, so the test does not depend on how tesseract reads 鄂 today.
    const img = await fileGeneratedDocument(t.app, { caseId: c.id, volume: '正卷', title: '执行笔录（扫描）', fileName: '笔录.png', bytes: scan(['（2025）哪0505执77号', '执行笔录']), userId: a.user.id });
    await ocrIdle(t.app);
    const text = (t.app.sqlite.prepare('SELECT text FROM efile_pages WHERE document_id = ?').get(img.documentId) as { text: string }).text.replace(/\s/g, '');
    expect(text).toContain('鄂0505执77');
    expect(text).not.toContain('哪');
    expect((await a.run('efiles.search', { q: '（2025）鄂0505执77号' })).hits.map((h) => h.docId)).toEqual([img.documentId]);
  }, 90_000);

  it('a scan nothing could place at import is catalogued from its OCR text; one a person placed stays', async () => {
    t = testCore();
    const admin = t.as('admin');
    const a = t.as('staff', '甲承办');
    const c = seedCase(t.app, a.user.id, 404);
    await admin.run('efiles.ocr.setEnabled', { enabled: false });
    const put = async (name: string, lines: string[]) =>
      (await a.run('efiles.import', { caseId: c.id, uploadId: (await stageBytes(t.app, a.user, 'efiles.import', name, scan(lines))).uploadId, volume: '正卷' })).document;
    const ruling = await put('扫描0007.png', ['执行裁定书', '查封被执行人房产一处']);
    const chosen = await put('扫描0008.png', ['执行裁定书', '查封被执行人车辆一辆']);
    const section = (id: number) => (t.app.sqlite.prepare('SELECT s.name FROM efile_documents d JOIN efile_sections s ON s.id = d.section_id WHERE d.id = ?').get(id) as { name: string }).name;
    expect(section(ruling.id)).toBe('财产查控材料'); // no text yet: the fallback
    await a.run('efiles.update', { id: chosen.id, sectionId: '正卷-13' }); // a person's choice
    await admin.run('efiles.ocr.setEnabled', { enabled: true });
    resumeOcr(t.app);
    await ocrIdle(t.app);
    expect(section(ruling.id)).toBe('查封、扣押、冻结、扣划裁定书及协助执行通知书');
    expect(section(chosen.id)).toBe('中止、终结、终结本次执行程序裁定书');
    const audit = t.app.sqlite.prepare(`SELECT summary FROM audit_log WHERE call = 'efiles.autoCatalogue'`).all() as { summary: string }[];
    expect(audit.map((x) => x.summary)).toEqual([expect.stringContaining('文字识别后自动编目：财产查控材料 → 查封、扣押、冻结、扣划裁定书及协助执行通知书')]);
  }, 90_000);
});
