import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { TestCore, Caller } from '../../support/core';
import { storeBytes } from '../../../src/core/efiles/store';
import { insertDocument } from '../../../src/core/efiles/documents';
import { setExchangeDeps } from '../../../src/core/exchange/deps';
import { readCentralDirectory, readEntry } from '../../../src/core/exchange/zipEntries';
import { writeZip, type ZipInput } from '../../../src/core/exchange/zipWrite';

/** Fakes of the report and binding modules (their own tests cover them): recognisable bytes. */
export function fakeDeps(): () => void {
  return setExchangeDeps({
    weeklyReportFiles: async (_app, { week }) => ({
      week,
      files: (['docx', 'xlsx', 'pdf'] as const).map((kind) => ({ kind, fileName: `周报-${week}.${kind}`, bytes: Buffer.from(`%${kind.toUpperCase()} weekly report ${week}`) })),
    }),
    bindVolume: async (_app, { caseId, volume, outPath }) => {
      fs.writeFileSync(outPath, Buffer.from(`%PDF-1.7 bound ${volume} of case ${caseId}\n`));
      return { path: outPath, pages: 1, sha256: '' };
    },
  });
}

/** A case with two 正卷 documents and one 副卷 document, handled by `handler`. */
export async function caseWithDocuments(t: TestCore, handler: Caller, caseNo = '（2025）鄂0505执100号') {
  const { id } = await handler.run('ledger.edit.saveCase', { caseNo, filedOn: '2025-01-10', handlerId: handler.user.id });
  const add = (volume: '正卷' | '副卷', sectionId: string, title: string, text: string) => {
    const blob = storeBytes(t.app, Buffer.from(text));
    t.app.sqlite.transaction(() =>
      insertDocument(t.app, {
        caseId: id, volume, sectionId, title, name: `${title}.pdf`, size: blob.size, sha256: blob.sha256, mime: 'application/pdf', kind: 'pdf', pages: 1,
        docDate: '2025-03-04', source: 'import', userId: handler.user.id,
      }),
    )();
  };
  add('正卷', '正卷-1', '执行立案审批表', '%PDF-1.7 doc one');
  add('正卷', '正卷-2', '执行裁定书/查封', '%PDF-1.7 doc two');
  add('副卷', '副卷-1', '合议庭评议笔录', '%PDF-1.7 secret minutes');
  return { caseId: id, caseNo };
}

/** Runs an export job to its end through the contract and returns the package file. */
export async function exportAndWait(t: TestCore, c: Caller, input: Parameters<Caller['run']>[1] & object) {
  const { jobId } = await c.run('exchange.export.start', input as never);
  for (;;) {
    const s = await c.run('exchange.export.status', { jobId });
    if (s.state !== 'running') {
      if (s.state !== 'done') throw new Error(s.error ?? s.state);
      const file = path.join(t.dir, 'tmp', 'downloads', `${s.result!.download.token}.bin`);
      expect(fs.existsSync(file)).toBe(true);
      return { status: s, file };
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** All entries of a zip, name → bytes (test packages are small). */
export async function readZip(file: string): Promise<{ name: string; data: Buffer }[]> {
  const list = await readCentralDirectory(file);
  const fh = await fs.promises.open(file, 'r');
  const size = (await fh.stat()).size;
  const out: { name: string; data: Buffer }[] = [];
  for (const e of list) {
    const parts: Buffer[] = [];
    await readEntry(fh, e, size, (c) => void parts.push(Buffer.from(c)));
    out.push({ name: e.name, data: Buffer.concat(parts) });
  }
  await fh.close();
  return out;
}

export async function writeEntries(file: string, entries: { name: string; data: Buffer; deflate?: boolean }[]): Promise<string> {
  await writeZip(file, entries.map((e): ZipInput => ({ name: e.name, data: { buffer: e.data }, deflate: e.deflate })));
  return file;
}
