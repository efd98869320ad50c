import { docOptions, pdfjs } from './pdfjs';

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
 */
export async function extractPdfText(bytes: Uint8Array): Promise<string[]> {
  const lib = await pdfjs();
  const task = lib.getDocument(docOptions(bytes));
  let doc;
  try {
    doc = await task.promise;
  } catch (e) {
    const name = (e as { name?: string })?.name;
    if (name === 'PasswordException') throw new UnreadablePdf('encrypted', 'PDF 已加密，无法读取文字');
    throw new UnreadablePdf('corrupt', `PDF 已损坏，无法读取文字（${(e as Error)?.message ?? e}）`);
  }
  try {
    const pages: string[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
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
    return pages;
  } finally {
    await task.destroy();
  }
}

export function hasTextLayer(text: string): boolean {
  let n = 0;
  for (const ch of text) if (/[\p{L}\p{N}]/u.test(ch) && ++n >= MIN_TEXT_CHARS) return true;
  return false;
}
