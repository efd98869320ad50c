import type PDFDocument from 'pdfkit';
import { pdfkit } from '../../lazyModules';
import { fontBytes } from '../../approvals/documents/fonts';

/**
 * The sheets a bound volume adds around its documents: 卷皮 (cover), 卷内目录 (index) and 备考表
 * (record sheet), on A4 in the layout of paper enforcement files (《人民法院执行文书立卷归档办法
 * （试行）》 法发〔2006〕11号 asks for cover, index and record sheet; the exact form is local practice).
 * Drawn with pdfkit, whose CJK font subsetting is reliable (pdf-lib's subsetter drops glyphs of
 * Noto Serif SC), then copied into the bound PDF.
 */
type Doc = InstanceType<typeof PDFDocument>;

/** Dates on the sheets are written out (2025年3月10日); `pages` counts the documents' pages only. */
export type CoverInfo = {
  courtName: string;
  volume: '正卷' | '副卷';
  caseNo: string;
  cause: string;
  applicants: string;
  debtors: string;
  amount: string;
  handler: string;
  clerk: string;
  filedOn: string;
  closedOn: string;
  closure: string;
  retention: string;
  volumeNo: string;
  documents: number;
  pages: number;
  boundOn: string;
};
/** `date` is YYYY-MM-DD; the 目录 prints it as 8 digits (20250310), as archive catalogues do. */
export type CatalogueRow = { no: number; docNo: string; author: string; title: string; date: string; pages: string; note: string };
export type RecordInfo = { documents: number; pages: number; unbound: { title: string; reason: string }[]; boundBy: string; boundOn: string; caseNo: string; volume: string };

export const CATALOGUE_ROWS_PER_PAGE = 20;
const W = 595.28;
const COLS = [
  { title: '序号', w: 28 },
  { title: '文号', w: 104 },
  { title: '责任者', w: 64 },
  { title: '文件题名', w: 143 },
  { title: '日期', w: 52 },
  { title: '页号', w: 42 },
  { title: '备注', w: 50 },
];

/** Cover, the catalogue pages, the record sheet and the back cover (卷底), as one PDF (page order is relied on). */
export function frontAndBackSheets(cover: CoverInfo, rows: CatalogueRow[], record: RecordInfo): Promise<Buffer> {
  const doc = new (pdfkit())({ size: 'A4', margin: 0, autoFirstPage: false, info: { Title: `${cover.caseNo} ${cover.volume}` } });
  doc.registerFont('serif', fontBytes('serif'));
  const done = collect(doc);
  drawCover(doc, cover);
  const pages = Math.max(1, Math.ceil(rows.length / CATALOGUE_ROWS_PER_PAGE));
  for (let i = 0; i < pages; i++) drawCatalogue(doc, rows.slice(i * CATALOGUE_ROWS_PER_PAGE, (i + 1) * CATALOGUE_ROWS_PER_PAGE), i + 1, pages, cover.caseNo, cover.volume);
  drawRecordSheet(doc, record);
  drawBackCover(doc, cover);
  doc.end();
  return done;
}

function collect(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

function centred(doc: Doc, text: string, size: number, y: number): void {
  doc.font('serif').fontSize(size).fillColor('black').text(text, 0, y, { width: W, align: 'center', lineBreak: false });
}

/** Text in a bordered cell, vertically centred, cut to the lines that fit. */
function cell(doc: Doc, text: string, size: number, x: number, y: number, w: number, h: number, align: 'left' | 'center', maxLines: number): void {
  doc.lineWidth(0.8).rect(x, y, w, h).stroke();
  doc.font('serif').fontSize(size);
  const lineH = doc.currentLineHeight(true);
  const fit = fitLines(doc, text, w - 8, maxLines);
  const th = fit.length * lineH;
  let ty = y + (h - th) / 2;
  for (const l of fit) {
    doc.text(l, x + 4, ty, { width: w - 8, align, lineBreak: false });
    ty += lineH;
  }
}

/** Breaks text into at most `maxLines` lines of `width`, character by character (Chinese has no spaces). */
function fitLines(doc: Doc, text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  const chars = [...text.replace(/\s+/g, ' ')];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (line && doc.widthOfString(line + ch) > width) {
      if (lines.length === maxLines - 1) {
        while (line && doc.widthOfString(line + '…') > width) line = line.slice(0, -1);
        lines.push(line + '…');
        return lines;
      }
      lines.push(line);
      line = ch === ' ' ? '' : ch;
    } else line += ch;
  }
  if (line || !lines.length) lines.push(line);
  return lines;
}

function drawCover(doc: Doc, c: CoverInfo): void {
  doc.addPage();
  centred(doc, c.courtName, 22, 90);
  centred(doc, '执  行  案  件  卷  宗', 30, 150);
  centred(doc, c.volume === '正卷' ? '（正    卷）' : '（副    卷）', 18, 205);
  if (c.volume === '副卷') centred(doc, '内部卷宗 · 不对当事人及代理人公开', 11, 238);
  const rows: [string, string][] = [
    ['案    号', c.caseNo],
    ['案    由', c.cause],
    ['申请执行人', c.applicants],
    ['被执行人', c.debtors],
    ['执行标的', c.amount],
    ['承 办 人', c.handler],
    ['书 记 员', c.clerk],
    ['立案日期', c.filedOn],
    ['结案日期', c.closedOn],
    ['结案方式', c.closure],
    ['本卷内容', `共 ${c.documents} 件 ${c.pages} 页`],
    ['立卷日期', c.boundOn],
    ['保管期限', c.retention],
    ['卷    号', c.volumeNo],
  ];
  const x = 80;
  const labelW = 110;
  const w = W - 2 * x;
  const h = 34;
  let y = 262;
  for (const [label, value] of rows) {
    cell(doc, label, 13, x, y, labelW, h, 'center', 1);
    cell(doc, value || '—', value.length > 28 ? 11 : 13, x + labelW, y, w - labelW, h, 'left', 2);
    y += h;
  }
}

function drawCatalogue(doc: Doc, rows: CatalogueRow[], pageNo: number, pageCount: number, caseNo: string, volume: string): void {
  doc.addPage();
  centred(doc, '卷  内  目  录', 22, 56);
  doc.font('serif').fontSize(10.5).fillColor('#555555');
  doc.text(`${caseNo}  ${volume}`, 56, 92, { lineBreak: false });
  if (pageCount > 1) doc.text(`第 ${pageNo} / ${pageCount} 页`, 56, 92, { width: W - 112, align: 'right', lineBreak: false });
  doc.fillColor('black');
  const h = 27;
  let y = 110;
  let x = 56;
  for (const c of COLS) {
    cell(doc, c.title, 10, x, y, c.w, h, 'center', 1);
    x += c.w;
  }
  for (const r of rows) {
    y += h;
    x = 56;
    const vals = [String(r.no), r.docNo, r.author, r.title, r.date.replace(/-/g, ''), r.pages, r.note];
    COLS.forEach((c, i) => {
      // A 文号 (case number) stays on one line: set smaller when the column is too narrow for it.
      cell(doc, vals[i] ?? '', i === 3 ? 10 : i === 1 ? fitSize(doc, vals[i] ?? '', c.w - 8, 9) : i === 2 ? 8.5 : 9.5, x, y, c.w, h, i === 3 ? 'left' : 'center', 2);
      x += c.w;
    });
  }
}

function fitSize(doc: Doc, text: string, width: number, size: number): number {
  doc.font('serif').fontSize(size);
  const w = doc.widthOfString(text);
  return w > width ? Math.floor((size * width * 10) / w) / 10 : size;
}

function drawRecordSheet(doc: Doc, r: RecordInfo): void {
  doc.addPage();
  centred(doc, '备  考  表', 22, 56);
  doc.font('serif').fontSize(10.5).fillColor('#555555').text(`${r.caseNo}  ${r.volume}`, 56, 92, { lineBreak: false });
  doc.fillColor('black');
  const x = 56;
  const w = W - 2 * x;
  doc.lineWidth(0.8).rect(x, 110, w, 612).stroke();
  const paras: string[] = [`本卷共有文件材料 ${r.documents} 件，共 ${r.pages} 页（不含卷皮、卷内目录、本表和卷底），页号自第一份文件起连续编写。`];
  if (r.unbound.length) {
    paras.push(`下列 ${r.unbound.length} 件文件未能转为 PDF 页面，已在卷内目录中注明，原件保存在电子卷宗中：`);
    r.unbound.forEach((u, i) => paras.push(`${i + 1}. ${u.title}：${u.reason}`));
  } else paras.push('卷内文件均已按目录顺序编入本卷。');
  paras.push('本卷按电子卷宗目录顺序组卷（卷皮、卷内目录、文件、备考表、卷底），每件文件设有书签。');
  doc.font('serif').fontSize(12);
  let y = 130;
  for (const p of paras) {
    const hgt = doc.heightOfString(p, { width: w - 32, lineGap: 6 });
    if (y + hgt > 620) {
      doc.text('……（其余见电子卷宗）', x + 16, y, { width: w - 32, lineBreak: false });
      break;
    }
    doc.text(p, x + 16, y, { width: w - 32, lineGap: 6 });
    y += hgt + 10;
  }
  doc.text(`立卷人：${r.boundBy}`, x + 16, 650, { lineBreak: false });
  doc.text('检查人：', x + 260, 650, { lineBreak: false });
  doc.text(`立卷日期：${r.boundOn}`, x + 16, 685, { lineBreak: false });
}

/** 卷底 (back cover): the case and volume, so a loose back sheet can be matched to its volume. */
function drawBackCover(doc: Doc, c: CoverInfo): void {
  doc.addPage();
  centred(doc, '卷      底', 22, 90);
  const x = 80;
  const w = W - 2 * x;
  doc.lineWidth(0.8).rect(x, 150, w, 120).stroke();
  doc.font('serif').fontSize(13).fillColor('black');
  doc.text(`${c.courtName}  ${c.caseNo}  ${c.volume}`, x + 16, 172, { width: w - 32, lineBreak: false });
  doc.text(`本卷共 ${c.documents} 件 ${c.pages} 页    保管期限：${c.retention}`, x + 16, 205, { width: w - 32, lineBreak: false });
  doc.text(`立卷日期：${c.boundOn}`, x + 16, 238, { width: w - 32, lineBreak: false });
}
