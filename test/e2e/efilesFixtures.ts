import PDFDocument from 'pdfkit';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import path from 'node:path';

/**
 * Generated, fictional documents for the e-files UI tests: a small text PDF in Chinese (with a
 * real text layer, so find and search work) and a long "scan" (one JPEG per page, no text), as a
 * scanner's output would be.
 */
export const FONT = path.resolve(import.meta.dirname, '../../node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');

function toBuffer(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/** A text PDF: one entry per page, each a list of paragraphs. */
export function textPdf(pages: string[][], title = '测试文书'): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 72, autoFirstPage: false, info: { Title: title } });
  doc.registerFont('cjk', FONT);
  pages.forEach((paras) => {
    doc.addPage();
    doc.font('cjk').fontSize(14);
    for (const p of paras) doc.text(p, { paragraphGap: 10 });
  });
  return toBuffer(doc);
}

let fontReady = false;
/** A scan: `n` pages, each a greyish JPEG (150 dpi by default) with a heading and lines, no text layer. */
export function scanPdf(n: number, opts: { dpi?: number; quality?: number } = {}): Promise<Buffer> {
  if (!fontReady) {
    GlobalFonts.registerFromPath(FONT, 'NotoSansSCFixture');
    fontReady = true;
  }
  const k = (opts.dpi ?? 150) / 150;
  const W = Math.round(1240 * k);
  const H = Math.round(1754 * k);
  const canvas = createCanvas(W, H);
  const ctx = canvas.getContext('2d');
  const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false });
  for (let i = 1; i <= n; i++) {
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = '#f4f1ea';
    ctx.fillRect(0, 0, W, H);
    ctx.setTransform(k, 0, 0, k, 0, 0);
    ctx.fillStyle = '#222';
    ctx.font = '56px NotoSansSCFixture';
    ctx.fillText(`扫描件 第 ${i} 页`, 140, 200);
    ctx.font = '30px NotoSansSCFixture';
    for (let l = 0; l < 36; l++) ctx.fillText(`（${i}-${l + 1}）本院在执行申请执行人与被执行人纠纷一案中，依法查询被执行人财产。`, 140, 300 + l * 40);
    const jpeg = canvas.toBuffer('image/jpeg', opts.quality ?? 60);
    doc.addPage();
    doc.image(jpeg, 0, 0, { width: doc.page.width, height: doc.page.height });
  }
  return toBuffer(doc);
}
