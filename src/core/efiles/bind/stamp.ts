import type { PDFFont, PDFPage } from 'pdf-lib';
import { pdfLib } from '../../lazyModules';

/**
 * Stamps the page number in the top right corner as the reader sees it (卷宗 page numbers go in
 * the upper right of each page; 法发〔2006〕11号 asks for continuous numbering, the position is local
 * practice). Scanned pages often carry a /Rotate, so the corner and the text direction follow it.
 */
export function stampPageNumber(page: PDFPage, n: number, font: PDFFont): void {
  const text = String(n);
  const size = 11;
  const m = 18;
  const tw = font.widthOfTextAtSize(text, size);
  const box = page.getCropBox();
  const { x: bx, y: by, width: w, height: h } = box;
  const r = ((page.getRotation().angle % 360) + 360) % 360;
  let x: number;
  let y: number;
  switch (r) {
    case 90:
      x = bx + m + size;
      y = by + h - m - tw;
      break;
    case 180:
      x = bx + m + tw;
      y = by + m + size;
      break;
    case 270:
      x = bx + w - m - size;
      y = by + m + tw;
      break;
    default:
      x = bx + w - m - tw;
      y = by + h - m - size;
  }
  page.drawText(text, { x, y, size, font, rotate: pdfLib().degrees(r) });
}
