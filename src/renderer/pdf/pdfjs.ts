import type * as PdfJs from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

export type { PDFDocumentProxy, PDFPageProxy, PageViewport } from 'pdfjs-dist';

let loading: Promise<typeof PdfJs> | null = null;

/**
 * pdf.js, loaded on first use (it is large and only the viewer needs it) with its worker set up.
 *
 * The worker file is bundled by Vite (`?url`), so it is served from our own origin in browser mode
 * and from the app folder under Electron's file://. Both satisfy the CSP `worker-src 'self' blob:`.
 * Should the browser refuse a module worker from that URL (some file:// setups do), we fetch the
 * file and start it from a blob: URL instead; the worker file has no imports, so that works.
 */
export function loadPdfJs(): Promise<typeof PdfJs> {
  loading ??= (async () => {
    const pdfjs = await import('pdfjs-dist');
    pdfjs.GlobalWorkerOptions.workerPort = await startWorker();
    return pdfjs;
  })();
  return loading;
}

async function startWorker(): Promise<Worker> {
  const url = new URL(workerUrl, document.baseURI).href;
  try {
    return new Worker(url, { type: 'module', name: 'pdfjs' });
  } catch {
    const blob = await (await fetch(url)).blob();
    return new Worker(URL.createObjectURL(new Blob([blob], { type: 'text/javascript' })), { type: 'module', name: 'pdfjs' });
  }
}
