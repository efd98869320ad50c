import type PDFDocument from 'pdfkit';
import { pdfkit } from '../../lazyModules';
import { fontBytes } from './fonts';
import type { ApprovalForm, Letter } from './model';

type Doc = InstanceType<typeof PDFDocument>;

const MM = 72 / 25.4;
// GB/T 9704-2012 §5.2: A4, top margin 37 mm, left 28 mm, text block 156 × 225 mm.
const PAGE = { top: 37 * MM, left: 28 * MM, width: 156 * MM, bottom: 35 * MM };

function newDoc(title: string): Doc {
  const PDFKit = pdfkit();
  const doc = new PDFKit({
    size: 'A4',
    margins: { top: PAGE.top, left: PAGE.left, right: 210 * MM - PAGE.left - PAGE.width, bottom: PAGE.bottom },
    bufferPages: true,
    info: { Title: title, Creator: '交叉执行工作台', Producer: '交叉执行工作台' },
    lang: 'zh-CN',
  });
  doc.registerFont('serif', fontBytes('serif'));
  doc.registerFont('serifBold', fontBytes('serifBold'));
  doc.registerFont('sansBold', fontBytes('sansBold'));
  return doc;
}

function finish(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    // Page numbers "— n —" at the foot (GB/T 9704 §7.5), written once the page count is known.
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc.font('serif').fontSize(14).fillColor('black');
      doc.text(`— ${i + 1} —`, PAGE.left, doc.page.height - 25 * MM, { width: PAGE.width, align: 'center', lineBreak: false });
      doc.page.margins.bottom = bottom;
    }
    doc.end();
  });
}

const bottomLimit = (doc: Doc) => doc.page.height - doc.page.margins.bottom;

/** 交叉执行报请审批表 as a ruled two-column table; a row that does not fit starts a new page. */
export async function renderFormPdf(form: ApprovalForm): Promise<Buffer> {
  const doc = newDoc(form.title);
  const top = 25 * MM;
  doc.page.margins.top = top;
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
      doc.page.margins.top = top;
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
  doc.font('serif').fontSize(9).fillColor('#555').text(form.footer, PAGE.left, y + 8, { width: PAGE.width });
  doc.fillColor('black');
  return finish(doc);
}

/**
 * 报请函 / 移送函 in the official-letter layout (GB/T 9704-2012): red 发文机关标志, 发文字号 and red
 * rule, 2号 title, 3号 body (16 pt) with a two-character first-line indent, signature and date at
 * the right.
 */
export async function renderLetterPdf(letter: Letter): Promise<Buffer> {
  const doc = newDoc(letter.title);
  const red = '#d40000';
  doc.font('serifBold').fontSize(30).fillColor(red).text(letter.court, PAGE.left, PAGE.top, { width: PAGE.width, align: 'center', characterSpacing: 2 });
  doc.moveDown(0.6);
  doc.font('serif').fontSize(16).fillColor('black').text(letter.docNo, { width: PAGE.width, align: 'center' });
  const ruleY = doc.y + 6;
  doc.moveTo(PAGE.left, ruleY).lineTo(PAGE.left + PAGE.width, ruleY).lineWidth(1.5).strokeColor(red).stroke().strokeColor('black');
  doc.y = ruleY + 28;
  doc.font('serifBold').fontSize(22).text(letter.title, PAGE.left, doc.y, { width: PAGE.width, align: 'center', lineGap: 6 });
  doc.moveDown(1);
  const body = { width: PAGE.width, lineGap: 9, align: 'justify' as const };
  doc.font('serif').fontSize(16).text(`${letter.addressee}：`, PAGE.left, doc.y, body);
  for (const p of letter.paragraphs) doc.text(p, { ...body, indent: 32 });
  if (letter.attachments.length) {
    doc.moveDown(1);
    letter.attachments.forEach((a, i) => {
      const prefix = i === 0 ? '附件：' : '　　　';
      doc.text(`${prefix}${letter.attachments.length > 1 ? `${i + 1}. ` : ''}${a}`, { ...body, indent: 32 });
    });
  }
  doc.moveDown(2);
  // Signature block: court name and date right-aligned, four characters from the right edge (GB/T 9704 §7.3.5.1).
  if (doc.y + 90 > bottomLimit(doc)) doc.addPage();
  const sigW = PAGE.width - 64;
  doc.text(letter.court, PAGE.left, doc.y, { width: sigW, align: 'right' });
  doc.text(letter.signDate, { width: sigW, align: 'right' });
  doc.moveDown(1);
  doc.text(`（${letter.contact}）`, PAGE.left, doc.y, { ...body, indent: 32 });
  return finish(doc);
}
