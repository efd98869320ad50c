import { createRequire } from 'node:module';
import path from 'node:path';
import type { Worker as TessWorker } from 'tesseract.js';
import { openPdf, type PdfInput } from './pdfjs';

/**
 * OCR with tesseract.js (it runs the recognizer in its own worker thread, so the app stays
 * responsive) and the simplified-Chinese model from @tesseract.js-data/chi_sim. Strictly offline:
 * langPath points at the installed package's data folder and nothing is cached or fetched — without
 * a langPath tesseract.js would download the model from a CDN, which a court's intranet forbids.
 */
const req = createRequire(import.meta.url);

/** The LSTM-only "best_int" model: small (1.7 MB) and what tesseract.js uses for OEM LSTM_ONLY. */
export function chiSimDir(): string {
  return path.join(path.dirname(req.resolve('@tesseract.js-data/chi_sim/package.json')), '4.0.0_best_int');
}

export async function createOcrWorker(): Promise<TessWorker> {
  const { createWorker, OEM } = await import('tesseract.js');
  return createWorker('chi_sim', OEM.LSTM_ONLY, {
    langPath: chiSimDir(),
    gzip: true,
    cacheMethod: 'none',
    errorHandler: () => undefined,
  });
}

/** Text of one image (PNG/JPEG/TIFF bytes). */
export async function recognise(worker: TessWorker, image: Buffer): Promise<string> {
  const r = await worker.recognize(image);
  return r.data.text ?? '';
}

/** Scale at which a PDF page is rendered for OCR: 2.5 × 72 dpi = 180 dpi, enough for 小四 text. */
const OCR_SCALE = 2.5;
/** A page larger than this many pixels is rendered at a lower scale (huge drawings, A0 plans). */
const MAX_PIXELS = 16_000_000;

/** Renders one PDF page to PNG with pdf.js on @napi-rs/canvas (a large scan is read by ranges: that page only). */
export async function renderPdfPage(src: PdfInput, pageNo: number): Promise<Buffer> {
  const { createCanvas } = await import('@napi-rs/canvas');
  const task = await openPdf(src);
  const doc = await task.promise;
  try {
    const page = await doc.getPage(pageNo);
    let vp = page.getViewport({ scale: OCR_SCALE });
    if (vp.width * vp.height > MAX_PIXELS) vp = page.getViewport({ scale: OCR_SCALE * Math.sqrt(MAX_PIXELS / (vp.width * vp.height)) });
    const canvas = createCanvas(Math.ceil(vp.width), Math.ceil(vp.height));
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({ canvasContext: ctx as never, viewport: vp, canvas: canvas as never }).promise;
    page.cleanup();
    return await canvas.encode('png');
  } finally {
    await task.destroy();
  }
}
