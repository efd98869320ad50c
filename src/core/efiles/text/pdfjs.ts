import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * pdf.js in Node (the legacy build: no DOM, no browser worker). Loaded lazily because it is large
 * and only text extraction and OCR rendering need it. CMaps and standard font data come from the
 * installed package, so Chinese PDFs with predefined CMaps (UniGB-UCS2-H …) decode offline.
 */
type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let loaded: Promise<PdfJs> | null = null;

export function pdfjs(): Promise<PdfJs> {
  loaded ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return loaded;
}

const pkgDir = () => path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/**
 * A PDF for pdf.js: bytes in memory (small files), or a file pdf.js reads by byte ranges, only the
 * parts it needs (large scans: opening one, counting its pages or rendering one page never loads
 * the whole file). Callers choose with `pdfInput`.
 */
export type PdfInput = Uint8Array | { file: string };

/** Files up to this size are read whole (one read is faster than many ranges); larger ones by range. */
export const PDF_IN_MEMORY_BYTES = 16 * 1024 * 1024;
/**
 * Range granularity. Small, because opening a document walks the page tree and reads a chunk
 * around every page object (scans interleave them with megabytes of image data); contiguous chunks
 * are fetched in one read, so a page image still costs one read.
 */
const RANGE_CHUNK = 8 * 1024;

/** The input for `file`: its bytes when small, else a ranged reader of the file. */
export async function pdfInput(file: string): Promise<PdfInput> {
  const size = (await fs.promises.stat(file)).size;
  if (size > PDF_IN_MEMORY_BYTES) return { file };
  const b = await fs.promises.readFile(file);
  // pdf.js takes over (detaches) the buffer it is given: hand it the file's own buffer, never a
  // slice of Node's shared pool (files under 4 KB may come from it), which would break others.
  return b.byteOffset === 0 && b.byteLength === b.buffer.byteLength ? new Uint8Array(b.buffer) : new Uint8Array(b);
}

/** Options for getDocument that keep pdf.js offline and quiet. */
export function docOptions() {
  const dir = pkgDir();
  return {
    // pdf.js reads these with fs.readFile(base + name) in Node: plain paths ending in a separator.
    cMapUrl: path.join(dir, 'cmaps') + path.sep,
    cMapPacked: true,
    standardFontDataUrl: path.join(dir, 'standard_fonts') + path.sep,
    isEvalSupported: false,
    useSystemFonts: false,
    verbosity: 0,
  };
}

/**
 * pdf.js's loading task for a PDF. A file is served through a range transport that answers each
 * request with one positioned read (pdf.js's own Node file stream opens a stream per range and is
 * several times slower); nothing is read ahead of what pdf.js asks for.
 */
export async function openPdf(src: PdfInput, extra: { stopAtErrors?: boolean } = {}) {
  const lib = await pdfjs();
  if (src instanceof Uint8Array) return lib.getDocument({ ...docOptions(), ...extra, data: src });
  const file = src.file;
  const range = new lib.PDFDataRangeTransport((await fs.promises.stat(file)).size, null);
  range.requestDataRange = (begin: number, end: number) => {
    // A fresh buffer per range: pdf.js queues the chunk and copies it later, so none can be reused.
    readRange(file, begin, end, new Uint8Array(end - begin)).then(
      (bytes) => range.onDataRange(begin, bytes),
      () => range.abort(),
    );
  };
  return lib.getDocument({ ...docOptions(), ...extra, range, disableAutoFetch: true, disableStream: true, rangeChunkSize: RANGE_CHUNK });
}

async function readRange(file: string, begin: number, end: number, into: Uint8Array): Promise<Uint8Array> {
  const h = await fs.promises.open(file, 'r');
  try {
    const bytes = into.subarray(0, end - begin);
    let got = 0;
    while (got < bytes.length) {
      const { bytesRead } = await h.read(bytes, got, bytes.length - got, begin + got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    return bytes.subarray(0, got);
  } finally {
    await h.close();
  }
}
