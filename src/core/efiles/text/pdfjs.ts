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

/** Options for getDocument that keep pdf.js offline and quiet. */
export function docOptions(data: Uint8Array) {
  const dir = pkgDir();
  return {
    data,
    // pdf.js reads these with fs.readFile(base + name) in Node: plain paths ending in a separator.
    cMapUrl: path.join(dir, 'cmaps') + path.sep,
    cMapPacked: true,
    standardFontDataUrl: path.join(dir, 'standard_fonts') + path.sep,
    isEvalSupported: false,
    useSystemFonts: false,
    verbosity: 0,
  };
}
