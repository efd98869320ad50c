import { createHash } from 'node:crypto';
import type { JobControl } from '../../jobs/jobs';
import type { CoreApp } from '../../app';
import { fail } from '../../errors';
import { getSettings } from '../../settings/settings';
import { writeFileAtomic } from '../../files/atomicWrite';
import { chinaToday } from '../../ledger/dates';
import { pdfLib } from '../../lazyModules';
import { caseHead } from '../access';
import { blobPath } from '../store';
import { addImagePage, loadForBinding } from './sources';
import { CATALOGUE_ROWS_PER_PAGE, frontAndBackSheets, type CatalogueRow } from './layout';
import { stampPageNumber } from './stamp';
import { catalogueFacts } from './catalogueFacts';
import { cnDate } from '../../approvals/time';
import { addOutline } from './outline';

export type BindInput = { caseId: number; volume: '正卷' | '副卷'; outPath: string; userId: number; job?: Pick<JobControl, 'progress' | 'signal'> };
/** `documents`: every document of the volume (bound or listed with a note), for the 副卷 export audit. */
export type BindResult = { path: string; pages: number; sha256: string; documents: { id: number; title: string }[] };

type DocRow = { id: number; title: string; kind: string; mime: string; sha256: string; doc_date: string | null; created_at: string; doc_no: string | null; author: string | null; section: string };

/**
 * 一键组卷: one PDF for one volume of a case — 卷皮, 卷内目录 with each document's page range, every
 * document in catalogue order (section order, then the order within the section), 备考表; page
 * numbers stamped on every page, continuous from the cover, so the numbers in the 目录 are the
 * PDF's own page numbers; one bookmark per document. Documents that cannot become pages (Word,
 * Excel, OFD, a damaged or encrypted PDF) are listed in the 目录 with a note instead of a page range.
 * The file is written to a temp name beside `outPath`, then renamed, so a reader never sees half a PDF.
 */
export async function bindVolume(app: CoreApp, input: BindInput): Promise<BindResult> {
  const head = caseHead(app, input.caseId);
  const c = app.sqlite.prepare('SELECT cause, filed_on, closed_on, closure_type, amount_due_fen FROM cases WHERE id = ?').get(input.caseId) as {
    amount_due_fen: number | null;
    cause: string | null;
    filed_on: string | null;
    closed_on: string | null;
    closure_type: string | null;
  };
  const parties = app.sqlite.prepare('SELECT side, name FROM parties WHERE case_id = ? ORDER BY id').all(input.caseId) as { side: string; name: string }[];
  const docs = app.sqlite
    .prepare(
      `SELECT d.id, d.title, d.kind, d.mime, d.sha256, d.doc_date, d.created_at, d.doc_no, d.author, s.name AS section
       FROM efile_documents d JOIN efile_sections s ON s.id = d.section_id
       WHERE d.case_id = ? AND d.volume = ? AND d.deleted_at IS NULL
       ORDER BY s.sort_order, d.sort_order, d.id`,
    )
    .all(input.caseId, input.volume) as DocRow[];
  if (docs.length === 0) fail('NOT_FOUND', `${head.caseNo} 的${input.volume}还没有文件，无法组卷`, 'volume');

  const { PDFDocument, StandardFonts } = pdfLib();
  const out = await PDFDocument.create();
  const digits = await out.embedFont(StandardFonts.Helvetica);
  // Cover and catalogue come first but are drawn last (they need the page ranges), and are inserted
  // in front at the end. Page numbers count the documents' pages only, from 1: the 卷皮, 卷内目录,
  // 备考表 and 卷底 carry no number (法发〔2006〕11号 / court filing practice: 页号 are for 卷内文件).
  const catalogueCount = Math.max(1, Math.ceil(docs.length / CATALOGUE_ROWS_PER_PAGE));
  const lead = 1 + catalogueCount;
  const court = getSettings(app).courtName;

  const rows: CatalogueRow[] = [];
  const bookmarks: { title: string; pageIndex: number }[] = [
    { title: '卷皮', pageIndex: 0 },
    { title: '卷内目录', pageIndex: 1 },
  ];
  const unbound: { title: string; reason: string }[] = [];
  let bound = 0;
  // Steps: each document, then the sheets and numbering (1), then writing the file (1).
  const steps = docs.length + 2;
  for (const [i, d] of docs.entries()) {
    input.job?.signal.throwIfAborted();
    input.job?.progress({ done: i, total: steps, step: `正在装订第 ${i + 1}/${docs.length} 份：${d.title}` });
    const first = out.getPageCount();
    const loaded = await loadForBinding(blobPath(app, d.sha256), d);
    if (loaded.ok && loaded.kind === 'pdf') {
      const copied = await out.copyPages(loaded.doc, loaded.doc.getPageIndices());
      for (const p of copied) out.addPage(p);
    } else if (loaded.ok) {
      for (const img of loaded.images) await addImagePage(out, img);
    }
    const added = out.getPageCount() - first;
    const no = rows.length + 1;
    const facts = catalogueFacts(app, d, court);
    if (loaded.ok && added > 0) {
      bound++;
      rows.push({ no, title: d.title, ...facts, pages: added === 1 ? `${first + 1}` : `${first + 1}-${first + added}`, note: '' });
      bookmarks.push({ title: d.title, pageIndex: lead + first });
    } else {
      const reason = loaded.ok ? '文件没有页面' : loaded.reason;
      rows.push({ no, title: d.title, ...facts, pages: '—', note: loaded.ok ? '无页面' : loaded.note });
      unbound.push({ title: d.title, reason });
    }
  }
  const pages = out.getPageCount();
  const total = lead + pages + 2;
  bookmarks.push({ title: '备考表', pageIndex: total - 2 }, { title: '卷底', pageIndex: total - 1 });

  input.job?.signal.throwIfAborted();
  input.job?.progress({ done: docs.length, total: steps, step: '正在生成卷皮、卷内目录、备考表和页码' });
  const boundOn = chinaToday(app.now());
  const boundBy = binderName(app, input.userId, head.handlerName);
  const by = (side: string) => parties.filter((p) => p.side === side).map((p) => p.name).join('、');
  const sheets = await frontAndBackSheets(
    {
      courtName: court,
      volume: input.volume,
      caseNo: head.caseNo,
      cause: c.cause ?? '',
      applicants: by('申请执行人'),
      debtors: by('被执行人'),
      amount: c.amount_due_fen === null ? '' : `${(c.amount_due_fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元`,
      handler: head.handlerName ?? '',
      clerk: clerkName(app, input.userId),
      filedOn: c.filed_on ? cnDate(c.filed_on) : '',
      closedOn: c.closed_on ? cnDate(c.closed_on) : '',
      closure: c.closure_type ?? '',
      retention: getSettings(app).volumeRetention,
      volumeNo: `${input.volume}第1册（共1册）`,
      documents: docs.length,
      pages,
      boundOn: cnDate(boundOn),
    },
    rows,
    { documents: docs.length, pages, unbound, boundBy, boundOn: cnDate(boundOn), caseNo: head.caseNo, volume: input.volume },
  );
  const sheetDoc = await PDFDocument.load(sheets);
  const copied = await out.copyPages(sheetDoc, sheetDoc.getPageIndices());
  copied.slice(0, lead).forEach((p, i) => out.insertPage(i, p));
  out.addPage(copied[copied.length - 2]);
  out.addPage(copied[copied.length - 1]);
  if (out.getPageCount() !== total) throw new Error(`bound ${out.getPageCount()} pages, expected ${total}`);

  out.getPages().forEach((p, i) => {
    if (i >= lead && i < lead + pages) stampPageNumber(p, i - lead + 1, digits);
  });
  addOutline(out, bookmarks);
  out.setTitle(`${head.caseNo} ${input.volume}`, { showInWindowTitleBar: true });
  out.setSubject(`执行案件卷宗（${input.volume}），共 ${docs.length} 件 ${pages} 页（不含卷皮、卷内目录、备考表和卷底），其中 ${bound} 件编入页面`);
  out.setProducer('交叉执行工作台');
  out.setCreator('交叉执行工作台 一键组卷');
  out.setCreationDate(app.now());
  out.setModificationDate(app.now());
  out.setLanguage('zh-CN');

  input.job?.signal.throwIfAborted();
  input.job?.progress({ done: docs.length + 1, total: steps, step: `正在写入卷宗 PDF（共 ${total} 页）` });
  const bytes = await out.save({ useObjectStreams: true });
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  writeFileAtomic(input.outPath, bytes);
  return { path: input.outPath, pages: total, sha256, documents: docs.map((d) => ({ id: d.id, title: d.title })) };
}

/**
 * The 立卷人 is a person: the user who binds; from the command line (no signed-in user) the case's
 * handler, whose volume it is — never the name of a program.
 */
function binderName(app: CoreApp, userId: number, handlerName: string | null): string {
  const u = userId > 0 ? (app.sqlite.prepare('SELECT display_name AS n FROM users WHERE id = ?').get(userId) as { n: string } | undefined) : undefined;
  return u?.n ?? handlerName ?? '';
}

/** The 书记员 on the cover: the binder when a clerk binds, else the bureau's only active clerk (if there is exactly one). */
function clerkName(app: CoreApp, userId: number): string {
  const me = app.sqlite.prepare("SELECT display_name AS n FROM users WHERE id = ? AND role = 'clerk'").get(userId) as { n: string } | undefined;
  if (me) return me.n;
  const clerks = app.sqlite.prepare("SELECT display_name AS n FROM users WHERE role = 'clerk' AND disabled = 0 LIMIT 2").all() as { n: string }[];
  return clerks.length === 1 ? clerks[0]!.n : '';
}
