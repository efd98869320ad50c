import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';
import type { TextContent, TextItem } from 'pdfjs-dist/types/src/display/api';
import { loadPdfJs } from './pdfjs';
import type { PageSize } from './layout';
import { pageText, type PageText } from './textSearch';

/**
 * Where the bytes come from: a same-origin URL (browser mode; pdf.js reads by HTTP range when the
 * server allows), bytes in memory, or a reader of byte ranges (Electron, where there is no HTTP:
 * each range goes through the bridge, so a 300-page scan is never copied whole).
 */
export type RangeReader = {
  length: number;
  /** The first bytes, read while finding the length (pdf.js starts from them without asking again). */
  initial?: Uint8Array;
  read: (begin: number, end: number) => Promise<Uint8Array>;
};
export type PdfSource = { url: string } | { data: Uint8Array } | { ranges: RangeReader; key: string };
export type PageTextEntry = { content: TextContent; text: PageText };

/**
 * An open PDF with what the viewer caches about it: page sizes (known for page 1 at once, the rest
 * filled in the background so a 300-page file opens immediately) and each page's text, used by
 * find and by the highlight in the text layer.
 */
export class PdfDoc {
  readonly pageCount: number;
  sizes: PageSize[];
  private texts = new Map<number, Promise<PageTextEntry>>();

  private constructor(readonly pdf: PDFDocumentProxy, first: PageSize) {
    this.pageCount = pdf.numPages;
    this.sizes = Array.from({ length: pdf.numPages }, () => ({ ...first }));
  }

  static async open(source: PdfSource, signal?: AbortSignal): Promise<PdfDoc> {
    const pdfjs = await loadPdfJs();
    const where =
      'url' in source
        ? { url: source.url, withCredentials: true }
        : 'data' in source
          ? { data: source.data }
          : { range: rangeTransport(pdfjs, source.ranges) };
    const task = pdfjs.getDocument({
      ...where,
      // Fetch only what is shown: large scans load by range, page by page, when the server allows it.
      disableAutoFetch: true,
      // Copied into the build by electron.vite.config.ts (pdfjsAssets): CJK CMaps for PDFs with
      // non-embedded Chinese fonts, and the decoders for CCITT/JBIG2/JPEG 2000 scans.
      cMapUrl: assetUrl('cmaps/'),
      cMapPacked: true,
      standardFontDataUrl: assetUrl('standard_fonts/'),
      wasmUrl: assetUrl('wasm/'),
      enableXfa: false,
    });
    signal?.addEventListener('abort', () => void task.destroy());
    const pdf = await task.promise;
    const p1 = await pdf.getPage(1);
    return new PdfDoc(pdf, sizeOf(p1));
  }

  /** Reads every page's size in small batches; calls `onChange` when some differ from page 1. */
  async loadSizes(onChange: () => void, signal: AbortSignal): Promise<void> {
    let changed = false;
    for (let i = 2; i <= this.pageCount && !signal.aborted; i += 20) {
      const batch = [];
      for (let j = i; j < Math.min(i + 20, this.pageCount + 1); j++) batch.push(this.pdf.getPage(j));
      const pages = await Promise.all(batch);
      pages.forEach((p) => {
        const s = sizeOf(p);
        const old = this.sizes[p.pageNumber - 1]!;
        if (Math.abs(old.width - s.width) > 0.5 || Math.abs(old.height - s.height) > 0.5) {
          this.sizes[p.pageNumber - 1] = s;
          changed = true;
        }
      });
    }
    if (changed && !signal.aborted) {
      this.sizes = [...this.sizes];
      onChange();
    }
  }

  /** The text of page `index` (0-based), fetched once. */
  text(index: number): Promise<PageTextEntry> {
    let t = this.texts.get(index);
    if (!t) {
      t = this.pdf
        .getPage(index + 1)
        .then((p) => p.getTextContent())
        .then((content) => ({
          content,
          text: pageText(content.items.filter((i): i is TextItem => 'str' in i).map((i) => i.str)),
        }));
      this.texts.set(index, t);
    }
    return t;
  }

  destroy(): void {
    void this.pdf.loadingTask.destroy();
  }
}

function rangeTransport(pdfjs: typeof import('pdfjs-dist'), r: RangeReader) {
  const t = new pdfjs.PDFDataRangeTransport(r.length, r.initial ?? null);
  t.requestDataRange = (begin: number, end: number) => {
    void r.read(begin, end).then(
      (chunk) => t.onDataRange(begin, chunk),
      () => t.abort(),
    );
  };
  return t;
}

const assetUrl = (dir: string) => new URL(`pdfjs/${dir}`, document.baseURI).href;

/** The page's size in points as displayed (its own /Rotate applied), before the user's rotation. */
function sizeOf(p: PDFPageProxy): PageSize {
  const vp = p.getViewport({ scale: 1 });
  return { width: vp.width, height: vp.height };
}
