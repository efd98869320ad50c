import type PDFDocument from 'pdfkit';
import { fontBytes } from '../approvals/documents/fonts';

type Doc = InstanceType<typeof PDFDocument>;

/**
 * PDF furniture of GB/T 9704-2012 shared by the letters, the 审批表 and the weekly report: the page
 * (A4, 版心 156 × 225 mm, top 37 mm, left 28 mm), the embedded faces (Noto Serif SC for 仿宋 and
 * 小标宋, Noto Sans SC Bold for 黑体: the official faces are not redistributable) and page numbers.
 */
export const MM = 72 / 25.4;
export const PAGE = { top: 37 * MM, left: 28 * MM, width: 156 * MM, height: 225 * MM, right: 26 * MM, bottom: 35 * MM };
export const RED = '#e60012';

export function registerFonts(doc: Doc): void {
  doc.registerFont('serif', fontBytes('serif'));
  doc.registerFont('serifBold', fontBytes('serifBold'));
  doc.registerFont('sansBold', fontBytes('sansBold'));
}

/**
 * "— n —" in 4号 (14 pt), 7 mm below the text block, odd pages at the right and even pages at the left,
 * one character in (GB/T 9704 §7.5). `firstNumbered`: false leaves page 1 without a number (信函格式
 * §10.1) while the count still starts there. Needs `bufferPages: true`.
 */
export function stampPageNumbers(doc: Doc, firstNumbered = true): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    if (i === 0 && !firstNumbered) continue;
    doc.switchToPage(i);
    const m = doc.page.margins;
    const bottom = m.bottom;
    const y = doc.page.height - bottom + 7 * MM;
    const text = `— ${i + 1} —`;
    doc.page.margins.bottom = 0;
    doc.font('serif').fontSize(14).fillColor('black');
    const w = doc.widthOfString(text);
    const odd = (i + 1) % 2 === 1;
    const x = odd ? doc.page.width - m.right - 14 - w : m.left + 14;
    doc.text(text, x, y, { lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}
