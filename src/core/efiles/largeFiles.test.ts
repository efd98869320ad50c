import fs from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { testCore, type TestCore } from '../../../test/support/core';
import { seedCase } from '../../../test/support/efiles';
import { writeJpeg, writeScanPdf } from '../../../test/support/scanFixture';
import { stageFile } from '../files/uploads';
import { updateSettings } from '../settings/settings';
import { PDF_IN_MEMORY_BYTES } from './text/pdfjs';
import { extractPdfText } from './text/pdfText';
import { blobPath } from './store';

// Files above PDF_IN_MEMORY_BYTES are never read whole: pdf.js opens them by byte ranges for the
// page count and the first page, the text is read in windows of pages, and the staged upload is
// moved into the store rather than copied. (Memory itself is measured by `npm run bench -- efilesImport`.)
let t: TestCore;
afterEach(() => t?.cleanup());
const MB = 2 ** 20;

async function setup() {
  t = testCore();
  updateSettings(t.app, { ocrEnabled: false });
  const staff = t.as('staff');
  const c = seedCase(t.app, staff.user.id);
  const importFile = async (file: string) =>
    staff.call('efiles.import', { caseId: c.id, uploadId: (await stageFile(t.app, staff.user, 'efiles.import', file)).uploadId, volume: '正卷' });
  return { importFile };
}

it('a large scan gets its page count and text status from ranged reads, and its staged file becomes the blob', async () => {
  const { importFile } = await setup();
  const file = path.join(t.dir, '卷宗扫描件.pdf');
  writeScanPdf(file, 40 * MB, { pages: 20, text: (p) => (p === 17 ? 'CASE 0505 SEIZURE ORDER PAGE 17' : '') });
  expect(fs.statSync(file).size).toBeGreaterThan(PDF_IN_MEMORY_BYTES);
  const r = await importFile(file);
  if (!r.ok) throw new Error(r.error.message);
  expect(r.value.document).toMatchObject({ kind: 'pdf', pages: 20, size: fs.statSync(file).size });
  expect(fs.readFileSync(blobPath(t.app, r.value.document.sha256)).equals(fs.readFileSync(file))).toBe(true);
  // The staging folder is empty again: the upload was moved, not copied and left behind.
  expect(fs.readdirSync(path.join(t.dir, 'tmp', 'uploads')).filter((f) => !f.startsWith('.'))).toEqual([]);
  // Page 17 has a text layer; the other 19 are scans queued for OCR.
  const queued = t.app.sqlite.prepare('SELECT COUNT(*) AS n FROM efile_ocr_queue WHERE document_id = ?').get(r.value.document.id) as { n: number };
  expect(queued.n).toBe(19);
  const page = t.app.sqlite.prepare('SELECT page, text FROM efile_pages WHERE document_id = ?').all(r.value.document.id) as { page: number; text: string }[];
  expect(page).toEqual([{ page: 17, text: expect.stringContaining('SEIZURE ORDER PAGE 17') }]);
});

it('text read in windows keeps every page in its place', async () => {
  t = testCore();
  const file = path.join(t.dir, 'long.pdf');
  // 60 pages of ~1 MB: several windows of pages.
  writeScanPdf(file, 60 * MB, { pages: 60, text: (p) => `PAGE NUMBER ${p} OF SIXTY` });
  const pages = await extractPdfText({ file });
  expect(pages).toHaveLength(60);
  pages.forEach((text, i) => expect(text).toContain(`PAGE NUMBER ${i + 1} OF SIXTY`));
});

it('refuses a large PDF that is cut short or whose structure pdf.js cannot read; a large photo is checked by its end marker', async () => {
  const { importFile } = await setup();
  const good = path.join(t.dir, 'good.pdf');
  writeScanPdf(good, 20 * MB);
  const cut = path.join(t.dir, '中断的扫描件.pdf');
  fs.copyFileSync(good, cut);
  fs.truncateSync(cut, fs.statSync(good).size - 4096);
  const cutR = await importFile(cut);
  expect(cutR.ok).toBe(false);
  if (!cutR.ok) expect(cutR.error.message).toContain('「中断的扫描件.pdf」不完整');
  // No "startxref" before %%EOF: refused before pdf.js would scan the whole file to rebuild it.
  const junk = path.join(t.dir, '乱码.pdf');
  fs.writeFileSync(junk, Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(17 * MB, 0x41), Buffer.from('\n%%EOF\n')]));
  const junkR = await importFile(junk);
  expect(junkR.ok).toBe(false);
  if (!junkR.ok) expect(junkR.error.message).toBe('「乱码.pdf」已损坏：缺少交叉引用表的位置（startxref），无法读取 PDF 结构');
  // Head and tail in order, nothing readable in between: pdf.js (the viewer's reader) gives up.
  const hollow = path.join(t.dir, '空壳.pdf');
  fs.writeFileSync(hollow, Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(MB, 0x20), Buffer.from('\nstartxref\n9\n%%EOF\n')]));
  const hollowR = await importFile(hollow);
  expect(hollowR.ok).toBe(false);
  if (!hollowR.ok) expect(hollowR.error.message).toBe('「空壳.pdf」已损坏，无法读取 PDF 结构');
  const photo = path.join(t.dir, '现场照片.jpg');
  writeJpeg(photo, 20 * MB);
  expect((await importFile(photo)).ok).toBe(true);
  fs.truncateSync(photo, 20 * MB - 100);
  const cutPhoto = await importFile(photo);
  expect(cutPhoto.ok).toBe(false);
  if (!cutPhoto.ok) expect(cutPhoto.error.message).toContain('缺少结束标记');
  expect((t.app.sqlite.prepare('SELECT COUNT(*) AS n FROM efile_documents').get() as { n: number }).n).toBe(1);
});
