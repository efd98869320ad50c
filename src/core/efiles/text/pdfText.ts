import fs from 'node:fs';
import { openPdf, type PdfInput } from './pdfjs';

/** Fewer letters/digits than this on a page: treat it as a scan without a text layer (page numbers, stamps). */
export const MIN_TEXT_CHARS = 8;

export class UnreadablePdf extends Error {
  constructor(public readonly reason: 'encrypted' | 'corrupt', message: string) {
    super(message);
  }
}

/**
 * The text layer of every page of a PDF, in page order (index 0 = page 1). Line ends that pdf.js
 * reports become newlines; items on one line are joined without spaces (Chinese has none, and the
 * index ignores spaces anyway). Throws UnreadablePdf for an encrypted or corrupt file.
 *
 * A file read by ranges is read in windows of pages: pdf.js keeps every range it has loaded until
 * the document is closed, and reading a scan's text loads its page images (to see that they are
 * images), so the document is closed and opened again every WINDOW_BYTES of pages — memory stays
 * flat for a 2 GB scan. Each opening walks the whole page tree (one read per page), so the window
 * is a trade — importing a 400 MB scan (200 pages) took 5.8 s at 194 MB peak RSS with 12 MB
 * windows, 3.9 s / 239 MB with 32 MB, 3.2 s / 254 MB with 48 MB. A very long scan still pays
 * pages × openings (docs/benchmarks.md).
 */
const WINDOW_BYTES = 24 * 1024 * 1024;
const OPEN_MS = 30_000;

export async function extractPdfText(src: PdfInput): Promise<string[]> {
  return (await readPdfText(src)).pages;
}

/** `extractPdfText` plus the title from the document's metadata (read on the first opening). */
export async function readPdfText(src: PdfInput): Promise<{ pages: string[]; title: string | null }> {
  const open = async () => {
    const task = await openPdf(src);
    // A damaged cross-reference table makes pdf.js scan the whole file to rebuild it (about a
    // second per MB): past OPEN_MS the file counts as unreadable.
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      void task.destroy();
    }, OPEN_MS);
    try {
      return { task, doc: await task.promise };
    } catch (e) {
      void task.destroy();
      if (timedOut) throw new UnreadablePdf('corrupt', 'PDF 结构损坏，读取超时');
      const name = (e as { name?: string })?.name;
      if (name === 'PasswordException') throw new UnreadablePdf('encrypted', 'PDF 已加密，无法读取文字');
      throw new UnreadablePdf('corrupt', `PDF 已损坏，无法读取文字（${(e as Error)?.message ?? e}）`);
    } finally {
      clearTimeout(timer);
    }
  };
  let { task, doc } = await open();
  const total = doc.numPages;
  const info = (await doc.getMetadata().catch(() => null))?.info as { Title?: unknown } | undefined;
  const title = typeof info?.Title === 'string' ? info.Title.trim() || null : null;
  const perWindow = src instanceof Uint8Array ? total : Math.max(1, Math.floor(WINDOW_BYTES / ((await fs.promises.stat(src.file)).size / total)));
  try {
    const pages: string[] = [];
    for (let i = 1; i <= total; i++) {
      if (i > 1 && (i - 1) % perWindow === 0) {
        await task.destroy();
        ({ task, doc } = await open());
      }
      const page = await doc.getPage(i);
      try {
        const tc = await page.getTextContent();
        let s = '';
        for (const it of tc.items) {
          if (!('str' in it)) continue;
          s += it.str;
          if (it.hasEOL) s += '\n';
        }
        pages.push(s);
      } catch {
        pages.push(''); // one bad page: leave it to OCR rather than lose the document
      } finally {
        page.cleanup();
      }
    }
    return { pages, title };
  } finally {
    await task.destroy();
  }
}

export function hasTextLayer(text: string): boolean {
  let n = 0;
  for (const ch of text) if (/[\p{L}\p{N}]/u.test(ch) && ++n >= MIN_TEXT_CHARS) return true;
  return false;
}
