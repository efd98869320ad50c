import { createRequire } from 'node:module';
import type ExcelJSModule from 'exceljs';
import type PDFKitDocument from 'pdfkit';
import type * as PdfLibModule from 'pdf-lib';
import type * as FileTypeModule from 'file-type';
import type UTIFModule from 'utif2';
import type * as CanvasModule from '@napi-rs/canvas';
import type YauzlModule from 'yauzl';

/**
 * Heavy document libraries loaded on first use rather than at start-up, so the window (or browser
 * mode) is up quickly (docs/benchmarks.md, cold start): measured alone, exceljs takes about half a
 * second to load, pdfkit and pdf-lib ~80 ms each, docx ~20 ms. Nothing at start-up needs them.
 *
 * Libraries that ship CommonJS are required synchronously: some callers cannot await (the demo
 * step draws its PDFs inside the demo transaction; pdf-lib helpers are plain functions), and Node's
 * ESM import of pdf-lib, utif2 and @napi-rs/canvas resolves to the very same CommonJS file, so the
 * module is never loaded twice. pdfkit ships both builds; it is only ever required here (never
 * imported elsewhere), so one copy is loaded. Types come from `import type` only.
 *
 * docx is used at module level by its two renderers (src/core/approvals/documents/renderDocx.ts,
 * src/core/reports/docx.ts), so those modules themselves are imported on first use by their callers.
 */
const requireLib = createRequire(import.meta.url);

let excel: Promise<typeof ExcelJSModule> | null = null;
export function loadExcelJS(): Promise<typeof ExcelJSModule> {
  excel ??= import('exceljs').then((m) => ((m as { default?: typeof ExcelJSModule }).default ?? (m as unknown as typeof ExcelJSModule)));
  return excel;
}

/** pdfkit's document class (CJS build: `module.exports` is the class). */
export function pdfkit(): typeof PDFKitDocument {
  return requireLib('pdfkit') as typeof PDFKitDocument;
}

/** pdf-lib (its package entry is CommonJS in every resolution mode). */
export function pdfLib(): typeof PdfLibModule {
  return requireLib('pdf-lib') as typeof PdfLibModule;
}

/** utif2 (TIFF decoding; CommonJS). */
export function utif(): typeof UTIFModule {
  return requireLib('utif2') as typeof UTIFModule;
}

/** @napi-rs/canvas (native; CommonJS, so `import()` elsewhere gets the same instance). */
export function canvasLib(): typeof CanvasModule {
  return requireLib('@napi-rs/canvas') as typeof CanvasModule;
}

/** yauzl (zip reading; CommonJS): only imports, binding and package checks open zips. */
export function yauzlLib(): typeof YauzlModule {
  return requireLib('yauzl') as typeof YauzlModule;
}

/** file-type is ESM only, so it is imported (its functions are async anyway). */
let fileType: Promise<typeof FileTypeModule> | null = null;
export function loadFileType(): Promise<typeof FileTypeModule> {
  fileType ??= import('file-type');
  return fileType;
}
