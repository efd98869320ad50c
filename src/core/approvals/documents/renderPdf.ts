import type PDFDocument from 'pdfkit';
import { pdfkit } from '../../lazyModules';
import { MM, PAGE, RED, registerFonts, stampPageNumbers } from '../../gbt9704/pdfPage';
import { titleLines } from '../../gbt9704/titleLines';
import type { ApprovalForm, Letter } from './model';

type Doc = InstanceType<typeof PDFDocument>;

function newDoc(title: string, top = PAGE.top): Doc {
  const PDFKit = pdfkit();
  const doc = new PDFKit({
    size: 'A4',
    margins: { top, left: PAGE.left, right: PAGE.right, bottom: PAGE.bottom },
    bufferPages: true,
    info: { Title: title, Creator: '交叉执行工作台', Producer: '交叉执行工作台' },
    lang: 'zh-CN',
  });
  registerFonts(doc);
  return doc;
}

function finish(doc: Doc, firstNumbered = true): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    stampPageNumbers(doc, firstNumbered);
    doc.end();
  });
}

const bottomLimit = (doc: Doc) => doc.page.height - doc.page.margins.bottom;

/**
 * 交叉执行报请审批表 as a ruled two-column table; a row that does not fit starts a new page. The
 * generation note sits in the last page's foot margin, so it never spills onto a page of its own.
 */
export async function renderFormPdf(form: ApprovalForm): Promise<Buffer> {
  const top = 25 * MM;
  const doc = newDoc(form.title, top);
  doc.font('sansBold').fontSize(16).text(form.court, PAGE.left, top, { width: PAGE.width, align: 'center' });
  doc.moveDown(0.3);
  doc.font('serifBold').fontSize(22).text(form.title, { width: PAGE.width, align: 'center' });
  doc.moveDown(0.4);
  doc.font('serif').fontSize(10.5).text(form.serial, { width: PAGE.width, align: 'right' });
  doc.moveDown(0.3);

  const labelW = 30 * MM;
  const valueW = PAGE.width - labelW;
  const pad = 5;
  let y = doc.y;
  for (const row of form.rows) {
    doc.font('serif').fontSize(12);
    const valueH = doc.heightOfString(row.value || ' ', { width: valueW - 2 * pad, lineGap: 3 });
    const signH = row.signer || row.date ? 20 : 0;
    doc.font('sansBold').fontSize(12);
    const labelH = doc.heightOfString(row.label, { width: labelW - 2 * pad });
    const h = Math.max(valueH + signH, labelH, 16) + 2 * pad + 4;
    if (y + h > bottomLimit(doc)) {
      doc.addPage();
      y = top;
    }
    doc.lineWidth(0.8).rect(PAGE.left, y, labelW, h).stroke().rect(PAGE.left + labelW, y, valueW, h).stroke();
    doc.font('sansBold').fontSize(12).text(row.label, PAGE.left + pad, y + (h - labelH) / 2, { width: labelW - 2 * pad, align: 'center' });
    doc.font('serif').fontSize(12).text(row.value || ' ', PAGE.left + labelW + pad, y + pad + 2, { width: valueW - 2 * pad, lineGap: 3 });
    if (signH) {
      const sign = [row.signer ? `签名：${row.signer}` : '', row.date ?? ''].filter(Boolean).join('    ');
      doc.font('serif').fontSize(12).text(sign, PAGE.left + labelW + pad, y + h - pad - 16, { width: valueW - 2 * pad - 6, align: 'right' });
    }
    y += h;
  }
  const bottom = doc.page.margins.bottom;
  doc.page.margins.bottom = 0;
  doc.font('serif').fontSize(9).fillColor('#555').text(form.footer, PAGE.left, doc.page.height - bottom + 1.5 * MM, { width: PAGE.width, lineBreak: false });
  doc.page.margins.bottom = bottom;
  doc.fillColor('black');
  return finish(doc);
}

/** A red double line 170 mm long, centred (信函格式 §10.1): `thickFirst` 上粗下细 under the 标志, else 上细下粗 at the foot. */
function doubleLine(doc: Doc, y: number, thickFirst: boolean): void {
  const x0 = 20 * MM;
  const x1 = 190 * MM;
  const [a, b] = thickFirst ? [2, 0.75] : [0.75, 2];
  doc.save().strokeColor(RED);
  doc.lineWidth(a).moveTo(x0, y).lineTo(x1, y).stroke();
  doc.lineWidth(b).moveTo(x0, y + 3).lineTo(x1, y + 3).stroke();
  doc.restore();
}

/**
 * 报请函 / 移送函 in the 信函格式 of GB/T 9704-2012 §10.1: the red 发文机关标志 30 mm from the top of
 * the page, red double lines under it and 20 mm above the foot of the first page, the 发文字号 at the
 * right under the line, the 2号 title two lines lower (broken only between its parts), 3号 body on a
 * 22-line grid, 附件 lines, the signature centred over the date (右空四字, room for the seal), the
 * 附注 with the contact, and no page number on the first page.
 */
export async function renderLetterPdf(letter: Letter): Promise<Buffer> {
  const doc = newDoc(letter.title);
  // 22 lines on the 225 mm block: 28.95 pt per line whatever the face's own line height.
  doc.font('serif').fontSize(16);
  const pitch = PAGE.height / 22;
  const gap = pitch - doc.currentLineHeight(true);
  const body = { width: PAGE.width, lineGap: gap, align: 'justify' as const };
  const line = () => (doc.y += pitch);

  doc.font('serifBold').fontSize(28).fillColor(RED);
  const markTop = 30 * MM;
  // pdfkit places the line box; its ascender sits ~0.12 em below that, so lift it to put the glyph tops at 30 mm.
  doc.text(letter.court, PAGE.left, markTop - 0.12 * 28, { width: PAGE.width, align: 'center', characterSpacing: 4, lineBreak: false });
  const ruleY = markTop + 28 * 0.9 + 4 * MM;
  doubleLine(doc, ruleY, true);
  doubleLine(doc, doc.page.height - 20 * MM, false);
  doc.fillColor('black').font('serif').fontSize(16);
  // 发文字号: flush right with the text block, 7/8 of a 3号 character below the line.
  doc.text(letter.docNo, PAGE.left, ruleY + 3 + 16 * 0.875, { width: PAGE.width, align: 'right', lineBreak: false });
  doc.y = ruleY + 3 + 16 * 0.875 + pitch;
  line();
  line();
  doc.font('serifBold').fontSize(22);
  let y = doc.y;
  for (const l of titleLines(letter.titleParts, PAGE.width / 22)) {
    doc.text(l, PAGE.left, y, { width: PAGE.width, align: 'center', lineBreak: false });
    y += 22 * 1.5;
  }
  doc.y = y + pitch - 22 * 1.5;
  line();
  doc.font('serif').fontSize(16).text(`${letter.addressee}：`, PAGE.left, doc.y, body);
  for (const p of letter.paragraphs) doc.text(p, PAGE.left, doc.y, { ...body, indent: 32 });
  if (letter.attachments.length) {
    line();
    const many = letter.attachments.length > 1;
    letter.attachments.forEach((a, i) => {
      // 附件：1. 名称 — later names aligned under the first name (GB/T 9704 §7.3.3).
      const lead = i === 0 ? '附件：' : '';
      const num = many ? `${i + 1}. ` : '';
      doc.font('serif').fontSize(16);
      const x = PAGE.left + 32 + doc.widthOfString('附件：');
      const y = doc.y;
      if (lead) doc.text(lead, PAGE.left + 32, y, { lineBreak: false });
      doc.text(`${num}${a}`, x, y, { width: PAGE.left + PAGE.width - x, lineGap: gap });
    });
  }
  // Signature block needs four lines; keep it with the last lines of text.
  if (doc.y + 4 * pitch > bottomLimit(doc)) doc.addPage();
  line();
  line();
  const dateW = doc.widthOfString(letter.signDate);
  const dateX = PAGE.left + PAGE.width - 64 - dateW;
  const courtW = doc.widthOfString(letter.court);
  doc.text(letter.court, dateX + dateW / 2 - courtW / 2, doc.y, { lineBreak: false });
  line();
  doc.text(letter.signDate, dateX, doc.y, { lineBreak: false });
  line();
  doc.text(`（${letter.contact}）`, PAGE.left + 32, doc.y, { width: PAGE.width - 32, lineGap: gap });
  return finish(doc, false);
}
