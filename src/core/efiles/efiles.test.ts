import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCanvas } from '@napi-rs/canvas';
import UTIF from 'utif2';
import { testCore, type Caller, type TestCore } from '../../../test/support/core';
import { seedCase, textPdf } from '../../../test/support/efiles';
import { stageBytes } from '../files/uploads';
import { blobPath } from './store';
import { fileGeneratedDocument } from './fileGenerated';

let t: TestCore;
afterEach(() => t?.cleanup());

const stage = (c: Caller, name: string, bytes: Buffer) => stageBytes(t.app, c.user, 'efiles.import', name, bytes);
const blobs = () => {
  const dir = path.join(t.dir, 'efiles', 'blobs');
  return fs.existsSync(dir) ? fs.readdirSync(dir).flatMap((d) => fs.readdirSync(path.join(dir, d))) : [];
};
const tmpFiles = () => {
  const dir = path.join(t.dir, 'efiles', 'tmp');
  return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
};
const rows = () => (t.app.sqlite.prepare('SELECT COUNT(*) AS n FROM efile_documents').get() as { n: number }).n;
const audits = (like: string) => t.app.sqlite.prepare('SELECT summary FROM audit_log WHERE summary LIKE ? ORDER BY id').all(`%${like}%`) as { summary: string }[];

function jpeg(): Buffer {
  const c = createCanvas(200, 280);
  const g = c.getContext('2d');
  g.fillStyle = '#eee';
  g.fillRect(0, 0, 200, 280);
  return c.toBuffer('image/jpeg');
}

describe('e-file store and import', () => {
  it('imports a PDF by its bytes: page count, suggested section, content-addressed blob, audit', async () => {
    t = testCore();
    const staff = t.as('staff', '张承办');
    const c = seedCase(t.app, staff.user.id);
    const pdf = textPdf([['执行裁定书', '本院依法查封被执行人名下房产一处。'], ['第二页'], ['第三页']]);
    const up = await stage(staff, '03_查封裁定书.pdf', pdf);
    const r = await staff.run('efiles.import', { caseId: c.id, uploadId: up.uploadId, volume: '正卷' });
    expect(r.duplicate).toBe(false);
    expect(r.document).toMatchObject({ kind: 'pdf', pages: 3, title: '查封裁定书', fileName: '03_查封裁定书.pdf', volume: '正卷', order: 1 });
    expect(r.suggestion?.reason).toContain('查封');
    expect(r.document.sectionId).toBe(r.suggestion?.sectionId);
    expect(fs.readFileSync(blobPath(t.app, r.document.sha256)).equals(pdf)).toBe(true);
    expect(audits('导入正卷文件「查封裁定书」')).toHaveLength(1);
    // The staged upload is consumed.
    expect((await staff.call('efiles.import', { caseId: c.id, uploadId: up.uploadId, volume: '正卷' })).ok).toBe(false);
  });

  it('stores identical files once; the same file twice in one case is reported, not filed again', async () => {
    t = testCore();
    const staff = t.as('staff');
    const a = seedCase(t.app, staff.user.id);
    const b = seedCase(t.app, staff.user.id);
    const pdf = textPdf([['执行通知书']]);
    const r1 = await staff.run('efiles.import', { caseId: a.id, uploadId: (await stage(staff, '执行通知书.pdf', pdf)).uploadId, volume: '正卷' });
    const r2 = await staff.run('efiles.import', { caseId: b.id, uploadId: (await stage(staff, '通知.pdf', pdf)).uploadId, volume: '正卷' });
    const r3 = await staff.run('efiles.import', { caseId: a.id, uploadId: (await stage(staff, '再来一次.pdf', pdf)).uploadId, volume: '正卷' });
    expect(r2.document.id).not.toBe(r1.document.id);
    expect(r3).toMatchObject({ duplicate: true, document: { id: r1.document.id } });
    expect(r3.notes[0]).toContain('内容完全相同');
    expect(rows()).toBe(2);
    expect(blobs()).toEqual([r1.document.sha256]);
  });

  it('refuses corrupt, encrypted, truncated, empty and unsupported files with a clear message and writes nothing', async () => {
    t = testCore();
    const staff = t.as('staff');
    const c = seedCase(t.app, staff.user.id);
    const good = textPdf([['正常文书']]);
    const cases: [string, Buffer, RegExp][] = [
      ['损坏的文件.pdf', Buffer.from('这不是 PDF 文件'), /「损坏的文件\.pdf」不是有效的 PDF 文件/],
      ['加密.pdf', textPdf([['机密']], { userPassword: 'secret', ownerPassword: 'owner' }), /加密的 PDF/],
      ['截断.pdf', good.subarray(0, Math.floor(good.length * 0.6)), /不完整/],
      ['说明.txt', Buffer.from('纯文本'), /类型不受支持/],
      ['坏图.jpg', jpeg().subarray(0, 300), /不完整/],
    ];
    for (const [name, bytes, msg] of cases) {
      const r = await staff.call('efiles.import', { caseId: c.id, uploadId: (await stage(staff, name, bytes)).uploadId, volume: '正卷' });
      expect(r.ok, name).toBe(false);
      if (!r.ok) expect(r.error.message, name).toMatch(msg);
    }
    await expect(stage(staff, '空.pdf', Buffer.alloc(0))).rejects.toThrow(/空/);
    expect(rows()).toBe(0);
    expect(blobs()).toEqual([]);
    expect(tmpFiles()).toEqual([]);
  });

  it('decides the type from the bytes, keeps odd names safe, counts TIFF pages and lists OFD', async () => {
    t = testCore();
    const staff = t.as('staff');
    const c = seedCase(t.app, staff.user.id);
    const asPdf = await staff.run('efiles.import', { caseId: c.id, uploadId: (await stage(staff, '扫描件.pdf', jpeg())).uploadId, volume: '正卷' });
    expect(asPdf.document).toMatchObject({ kind: 'image', mime: 'image/jpeg', pages: 1 });
    expect(asPdf.notes[0]).toMatch(/扩展名是 \.pdf，但内容是JPEG 图片/);

    const odd = await staff.run('efiles.import', { caseId: c.id, uploadId: (await stage(staff, '..\\..\\etc/01_拘留决定书<张某>\u0007 *?.pdf', textPdf([['拘留决定书']]))).uploadId, volume: '正卷' });
    expect(odd.document.title).toBe('拘留决定书<张某> *?');
    expect(odd.document.fileName).not.toContain('/');
    expect(odd.suggestion?.reason).toContain('拘留决定书');

    const rgba = new Uint8Array(20 * 30 * 4).fill(200);
    const tiff = Buffer.from(UTIF.encodeImage(rgba, 20, 30));
    const tr = await staff.run('efiles.import', { caseId: c.id, uploadId: (await stage(staff, '扫描.tif', tiff)).uploadId, volume: '正卷' });
    expect(tr.document).toMatchObject({ kind: 'image', mime: 'image/tiff', pages: 1 });

    const { default: yazl } = await import('yazl');
    const zip = new yazl.ZipFile();
    zip.addBuffer(Buffer.from('<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"/>'), 'OFD.xml');
    zip.addBuffer(Buffer.from('<Document/>'), 'Doc_0/Document.xml');
    zip.end();
    const chunks: Buffer[] = [];
    for await (const ch of zip.outputStream as AsyncIterable<Buffer>) chunks.push(ch);
    const ofd = await staff.run('efiles.import', { caseId: c.id, uploadId: (await stage(staff, '网络查控反馈.ofd', Buffer.concat(chunks))).uploadId, volume: '正卷' });
    expect(ofd.document).toMatchObject({ kind: 'ofd', ocr: 'none' });
    expect(ofd.notes.join()).toContain('不能预览');
  });

  it('refuses a file over the size limit setting', async () => {
    t = testCore();
    const admin = t.as('admin');
    const staff = t.as('staff');
    const c = seedCase(t.app, staff.user.id);
    const big = Buffer.concat([textPdf([['大文件']]), Buffer.alloc(1024 * 1024 + 10, 0x20)]);
    // Staged before the setting was lowered: the import itself checks again.
    const early = await stage(staff, '大.pdf', big);
    await admin.run('settings.update', { efileMaxFileMb: 1 });
    const r = await staff.call('efiles.import', { caseId: c.id, uploadId: early.uploadId, volume: '正卷' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/超过单个文件 1 MB/);
    // Staged after: refused while staging (every host stages with the call's limit).
    await expect(stage(staff, '大.pdf', big)).rejects.toThrow(/「大.pdf」超过单个文件 1 MB/);
    expect(rows()).toBe(0);
  });
});

describe('catalogue, recycle bin, 副卷 access', () => {
  it('reorders within a section and moves between sections', async () => {
    t = testCore();
    const staff = t.as('staff');
    const c = seedCase(t.app, staff.user.id);
    const ids: number[] = [];
    for (const n of ['执行通知书', '报告财产令', '风险告知书']) ids.push((await staff.run('efiles.import', { caseId: c.id, uploadId: (await stage(staff, `${n}.pdf`, textPdf([[n]]))).uploadId, volume: '正卷' })).document.id);
    const cat = await staff.run('efiles.catalogue', { caseId: c.id });
    const section = cat.documents[0]!.sectionId;
    expect(cat.documents.map((d) => d.sectionId)).toEqual([section, section, section]);
    await staff.run('efiles.reorder', { caseId: c.id, volume: '正卷', sectionId: section, ids: [ids[2]!, ids[0]!] });
    const after = await staff.run('efiles.catalogue', { caseId: c.id });
    expect(after.documents.sort((a, b) => a.order - b.order).map((d) => d.id)).toEqual([ids[2], ids[0], ids[1]]);
    const bad = await staff.call('efiles.reorder', { caseId: c.id, volume: '正卷', sectionId: '正卷-9', ids: [ids[0]!] });
    expect(bad.ok).toBe(false);
    const moved = await staff.run('efiles.update', { id: ids[1]!, sectionId: '正卷-9', docDate: '2025-04-01', title: '报告财产令（改）' });
    expect(moved).toMatchObject({ sectionId: '正卷-9', order: 1, docDate: '2025-04-01', title: '报告财产令（改）' });
    const wrongVolume = await staff.call('efiles.update', { id: ids[1]!, sectionId: '副卷-4' });
    expect(wrongVolume.ok).toBe(false);
  });

  it('shows the 副卷 only to the handler, the chief and administrators, and audits its views', async () => {
    t = testCore();
    const handler = t.as('staff', '张承办');
    const other = t.as('staff', '刘承办');
    const clerk = t.as('clerk');
    const chief = t.as('chief');
    const c = seedCase(t.app, handler.user.id);
    const r = await handler.run('efiles.import', { caseId: c.id, uploadId: (await stage(handler, '交叉执行报请审批表.pdf', textPdf([['审批表']]))).uploadId, volume: '副卷' });
    expect(r.document.sectionId).toBe('副卷-6');
    await handler.run('efiles.import', { caseId: c.id, uploadId: (await stage(handler, '执行通知书.pdf', textPdf([['执行通知书']]))).uploadId, volume: '正卷' });
    for (const u of [other, clerk]) {
      const cat = await u.run('efiles.catalogue', { caseId: c.id });
      expect(cat.secondaryVisible).toBe(false);
      expect(cat.documents.map((d) => d.volume)).toEqual(['正卷']);
      expect(cat.sections.some((s) => s.volume === '副卷')).toBe(false);
      const d = await u.call('efiles.document', { id: r.document.id });
      expect(d.ok).toBe(false);
      if (!d.ok) expect(d.error.code).toBe('FORBIDDEN');
      expect((await u.call('efiles.update', { id: r.document.id, title: 'x' })).ok).toBe(false);
      expect((await u.call('efiles.import', { caseId: c.id, uploadId: (await stage(u, 'a.pdf', textPdf([['内部']]))).uploadId, volume: '副卷' })).ok).toBe(false);
    }
    const seen = await chief.run('efiles.catalogue', { caseId: c.id });
    expect(seen.documents).toHaveLength(2);
    await chief.run('efiles.document', { id: r.document.id });
    expect(audits('查看副卷文件「交叉执行报请审批表」')).toHaveLength(1);
  });

  it('deleting moves to the recycle bin; purging needs an administrator and frees the file', async () => {
    t = testCore();
    const staff = t.as('staff');
    const admin = t.as('admin');
    const c = seedCase(t.app, staff.user.id);
    const r = await staff.run('efiles.import', { caseId: c.id, uploadId: (await stage(staff, '结案通知书.pdf', textPdf([['结案通知书']]))).uploadId, volume: '正卷' });
    await staff.run('efiles.delete', { id: r.document.id });
    expect((await staff.run('efiles.catalogue', { caseId: c.id })).documents).toHaveLength(0);
    expect((await staff.run('efiles.recycleBin', { caseId: c.id })).map((d) => d.id)).toEqual([r.document.id]);
    const refused = await staff.call('efiles.purge', { id: r.document.id });
    expect(refused.ok).toBe(false);
    await staff.run('efiles.restore', { id: r.document.id });
    expect((await staff.run('efiles.catalogue', { caseId: c.id })).documents).toHaveLength(1);
    expect((await admin.call('efiles.purge', { id: r.document.id })).ok).toBe(false); // not in the bin
    await staff.run('efiles.delete', { id: r.document.id });
    expect(await admin.run('efiles.purge', { id: r.document.id })).toEqual({ done: true, fileRemoved: true });
    expect(rows()).toBe(0);
    expect(blobs()).toEqual([]);
    expect(audits('彻底删除')).toHaveLength(1);
  });

  it('verify lists missing and damaged files; sweep removes blobs without rows and temp files', async () => {
    t = testCore();
    const staff = t.as('staff');
    const admin = t.as('admin');
    const c = seedCase(t.app, staff.user.id);
    const a = await staff.run('efiles.import', { caseId: c.id, uploadId: (await stage(staff, '甲.pdf', textPdf([['甲']]))).uploadId, volume: '正卷' });
    const b = await staff.run('efiles.import', { caseId: c.id, uploadId: (await stage(staff, '乙.pdf', textPdf([['乙']]))).uploadId, volume: '正卷' });
    await staff.run('efiles.import', { caseId: c.id, uploadId: (await stage(staff, '丙.pdf', textPdf([['丙']]))).uploadId, volume: '正卷' });
    expect((await admin.run('efiles.verify', {})).problems).toEqual([]);
    fs.rmSync(blobPath(t.app, a.document.sha256));
    fs.appendFileSync(blobPath(t.app, b.document.sha256), 'x');
    const v = await admin.run('efiles.verify', {});
    expect(v.checked).toBe(3);
    expect(v.problems.map((p) => [p.problem, p.documents[0]!.title]).sort()).toEqual([['damaged', '乙'], ['missing', '甲']]);
    // An orphan (as a crash between rename and insert leaves) and a temp file.
    const orphan = blobPath(t.app, 'f'.repeat(64));
    fs.mkdirSync(path.dirname(orphan), { recursive: true });
    fs.writeFileSync(orphan, 'orphan');
    // A temp file left by a crash while storing generated bytes (imports move their staged file instead).
    fs.mkdirSync(path.join(t.dir, 'efiles', 'tmp'), { recursive: true });
    fs.writeFileSync(path.join(t.dir, 'efiles', 'tmp', 'abc.part'), 'half');
    expect((await admin.run('efiles.sweep', {})).orphansRemoved).toBe(0); // too recent: another process may be about to insert its row
    expect(await admin.run('efiles.sweep', { graceMinutes: 0 })).toMatchObject({ orphansRemoved: 1, tempRemoved: 1 });
    expect(fs.existsSync(orphan)).toBe(false);
    expect((await staff.call('efiles.verify', {})).ok).toBe(false);
  });

  it('files generated documents (随案同步生成) into the right volume and section, and bureau records with no case', async () => {
    t = testCore();
    const staff = t.as('staff');
    const c = seedCase(t.app, staff.user.id);
    const form = await fileGeneratedDocument(t.app, { caseId: c.id, volume: '副卷', sectionName: '各类审批表、审批意见', title: '交叉执行报请审批表', fileName: '审批表.pdf', bytes: textPdf([['审批表']]), userId: staff.user.id });
    const letter = await fileGeneratedDocument(t.app, { caseId: c.id, volume: '正卷', title: '移送执行函', fileName: '移送函.pdf', bytes: textPdf([['移送执行函']]), userId: staff.user.id });
    const weekly = await fileGeneratedDocument(t.app, { caseId: null, volume: '局务', sectionName: '周报及统计报表', title: '2025-W10 周报', fileName: '周报.pdf', bytes: textPdf([['周报']]), userId: staff.user.id, docDate: '2025-03-07' });
    const row = (id: number) => t.app.sqlite.prepare('SELECT case_id, volume, section_id, source, pages FROM efile_documents WHERE id = ?').get(id);
    expect(row(form.documentId)).toEqual({ case_id: c.id, volume: '副卷', section_id: '副卷-6', source: 'generated', pages: 1 });
    expect(row(letter.documentId)).toMatchObject({ volume: '正卷' });
    expect(row(weekly.documentId)).toEqual({ case_id: null, volume: '局务', section_id: '局务-1', source: 'generated', pages: 1 });
    expect(audits('随案生成文件')).toHaveLength(3);
    await expect(fileGeneratedDocument(t.app, { caseId: c.id, volume: '局务', title: 'x', fileName: 'x.pdf', bytes: textPdf([['x']]), userId: staff.user.id })).rejects.toThrow(/局务/);
  });
});
