import fs from 'node:fs';
import { afterEach, expect, it } from 'vitest';
import { testCore, type TestCore } from '../../../../test/support/core';
import { seedCase, textPdf } from '../../../../test/support/efiles';
import { updateSettings } from '../../settings/settings';
import { fileGeneratedDocument } from '../fileGenerated';
import { blobPath } from '../store';
import { indexMissingText } from './catchUp';
import { clearDocumentText } from './pages';
import { ocrIdle, resumeOcr } from './ocrRunner';

let t: TestCore;
afterEach(async () => {
  if (t) await ocrIdle(t.app);
  t?.cleanup();
});

/** Documents filed, then their text rows removed: what a CLI `demo` that exited before indexing leaves. */
async function unindexed() {
  t = testCore();
  updateSettings(t.app, { ocrEnabled: false });
  const staff = t.as('staff');
  const c = seedCase(t.app, staff.user.id);
  const file = (title: string, fileName: string, bytes: Buffer) => fileGeneratedDocument(t.app, { caseId: c.id, volume: '正卷', title, fileName, bytes, userId: staff.user.id });
  const ruling = (await file('查封裁定书', '查封裁定书.pdf', textPdf([['执行裁定书', '依法查封被执行人张某名下房产一处。']]))).documentId;
  const notice = (await file('执行通知书', '执行通知书.pdf', textPdf([['执行通知书', '对被执行人予以拘留。']]))).documentId;
  // An OFD has no text: it must not be picked again and again.
  const ofd = (await file('送达地址确认书', '确认书.ofd', await ofdBytes())).documentId;
  for (const id of [ruling, notice, ofd]) {
    clearDocumentText(t.app, id);
    t.app.sqlite.prepare('DELETE FROM efile_text_docs WHERE document_id = ?').run(id);
  }
  return { staff, ruling, notice };
}

async function ofdBytes(): Promise<Buffer> {
  const { default: yazl } = await import('yazl');
  const z = new yazl.ZipFile();
  z.addBuffer(Buffer.from('<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"/>'), 'OFD.xml');
  z.end();
  const chunks: Buffer[] = [];
  for await (const ch of z.outputStream as AsyncIterable<Buffer>) chunks.push(ch);
  return Buffer.concat(chunks);
}

const hits = async (staff: Awaited<ReturnType<typeof unindexed>>['staff'], q: string) => (await staff.run('efiles.search', { q, limit: 50 })).hits.map((h) => h.title);

it('indexes documents that have no text row, once; search then finds them', async () => {
  const { staff, ruling } = await unindexed();
  expect(await hits(staff, '查封')).toEqual([]);
  expect(await indexMissingText(t.app)).toBe(2);
  expect(await hits(staff, '查封')).toEqual(['查封裁定书']);
  expect(await hits(staff, '拘留')).toEqual(['执行通知书']);
  expect(t.app.sqlite.prepare('SELECT state FROM efile_text_docs WHERE document_id = ?').get(ruling)).toEqual({ state: 'indexed' });
  // Nothing left: a second run indexes nothing (the OFD is not retried).
  expect(await indexMissingText(t.app)).toBe(0);
});

it('a document whose file is missing is recorded as unreadable instead of being retried forever', async () => {
  const { ruling } = await unindexed();
  const sha = (t.app.sqlite.prepare('SELECT sha256 FROM efile_documents WHERE id = ?').get(ruling) as { sha256: string }).sha256;
  fs.rmSync(blobPath(t.app, sha));
  expect(await indexMissingText(t.app)).toBe(2);
  expect(t.app.sqlite.prepare('SELECT state FROM efile_text_docs WHERE document_id = ?').get(ruling)).toEqual({ state: 'unreadable' });
  expect(await indexMissingText(t.app)).toBe(0);
});

it('hosts start it with resumeOcr; concurrent callers share one run', async () => {
  const { staff } = await unindexed();
  resumeOcr(t.app);
  const [a, b] = await Promise.all([indexMissingText(t.app), indexMissingText(t.app)]);
  expect(a).toBe(b);
  expect(await hits(staff, '查封')).toEqual(['查封裁定书']);
});
