import PDFDocument from 'pdfkit';
import path from 'node:path';
import type { CoreApp } from '../../src/core/app';
import { ensureYichangCourts } from './yichangCourts';

/** Fixtures for the e-file tests: a fictional case, and small generated documents. */
const FONT = path.resolve(import.meta.dirname, '../../node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');

let seq = 100;
export function seedCase(app: CoreApp, handlerId: number | null, n = ++seq): { id: number; caseNo: string } {
  ensureYichangCourts(app);
  const now = new Date().toISOString();
  const caseNo = `（2025）鄂0505执${n}号`;
  const r = app.sqlite
    .prepare(
      `INSERT INTO cases (case_no, year, court_code, type_code, seq, cause, filed_on, handler_id, created_at, updated_at)
       VALUES (?, 2025, '鄂0505', '执', ?, '民间借贷纠纷', '2025-03-04', ?, ?, ?)`,
    )
    .run(caseNo, n, handlerId, now, now);
  const id = Number(r.lastInsertRowid);
  app.sqlite.prepare("INSERT INTO parties (case_id, side, kind, name) VALUES (?, '申请执行人', '自然人', '李某某'), (?, '被执行人', '自然人', '张某')").run(id, id);
  return { id, caseNo };
}

/** A text PDF made synchronously (pdfkit pushes everything on end()). One entry per page. */
export function textPdf(pages: string[][], opts: { userPassword?: string; ownerPassword?: string; title?: string } = {}): Buffer {
  const doc = new PDFDocument({ size: 'A4', margin: 72, autoFirstPage: false, info: { Title: opts.title ?? '测试文书' }, userPassword: opts.userPassword, ownerPassword: opts.ownerPassword });
  doc.registerFont('cjk', FONT);
  for (const paras of pages) {
    doc.addPage();
    doc.font('cjk').fontSize(14);
    for (const p of paras) doc.text(p);
  }
  doc.end();
  const chunks: Buffer[] = [];
  let c: Buffer | null;
  while ((c = doc.read() as Buffer | null) !== null) chunks.push(c);
  return Buffer.concat(chunks);
}
