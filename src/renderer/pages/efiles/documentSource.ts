import type { Result } from '../../../contract/result';
import { CallFailed } from '../../../contract/client';
import { isDesktop } from '../../api/transport';
import type { PdfSource, RangeReader } from '../../pdf/document';
import { efiles } from './efilesApi';
import { fileUrl } from './upload';

/**
 * Where the viewer gets a stored document's bytes. Browser mode: the same-origin route
 * GET /api/file/efile/<id> (HTTP ranges for pdf.js, `&download=1` to save). Electron has no HTTP:
 * the preload's `readEfile` reads byte ranges through the main process (pdf.js range transport, so a
 * 300-page scan is never copied whole) and `saveEfile` saves the original through the native dialog.
 * Both ends are checked and audited by the same core function (openSessionDocument).
 */
type EfileBridge = {
  readEfile?: (id: number, begin: number, end: number) => Promise<Result<{ length: number; bytes: Uint8Array }>>;
  saveEfile?: (id: number) => Promise<Result<{ saved: string | null }>>;
};

export type DocumentBytes = {
  pdf: PdfSource;
  /** An <img> source (Electron: a blob: URL of the whole image, released by `dispose`). */
  image: () => Promise<string>;
  /** "下载原文件": a link in the browser, the native save dialog in Electron. */
  download: { href: string } | { save: () => Promise<string | null> };
  dispose: () => void;
};

/** pdf.js reads 64 KB chunks; the first read also tells the length. */
const FIRST_READ = 64 * 1024;
/** The core returns at most 16 MB per read (MAX_RANGE_BYTES in src/core/efiles/content.ts). */
const WHOLE_READ = 16 * 1024 * 1024;

const bridge = (): EfileBridge | undefined => (isDesktop() ? (window.xdesk as unknown as EfileBridge) : undefined);

const unwrap = <T>(r: Result<T>): T => {
  if (!r.ok) throw new CallFailed(r.error);
  return r.value;
};

export async function openDocumentBytes(id: number): Promise<DocumentBytes> {
  const b = bridge();
  if (b?.readEfile && b.saveEfile) return desktopBytes(id, b.readEfile, b.saveEfile);
  const url = await fileUrl(efiles.contentPath(id));
  return { pdf: { url }, image: async () => url, download: { href: `${url}&download=1` }, dispose: () => undefined };
}

async function desktopBytes(id: number, readEfile: NonNullable<EfileBridge['readEfile']>, saveEfile: NonNullable<EfileBridge['saveEfile']>): Promise<DocumentBytes> {
  const read = async (begin: number, end: number) => unwrap(await readEfile(id, begin, end));
  const first = await read(0, FIRST_READ);
  const ranges: RangeReader = {
    length: first.length,
    initial: first.bytes,
    read: async (begin, end) => (await read(begin, end)).bytes,
  };
  let objectUrl: string | null = null;
  return {
    pdf: { ranges, key: `efile:${id}` },
    image: async () => {
      if (objectUrl) return objectUrl;
      const parts: Uint8Array[] = [first.bytes];
      for (let at = first.bytes.length; at < first.length; ) {
        const chunk = (await read(at, Math.min(first.length, at + WHOLE_READ))).bytes;
        if (chunk.length === 0) break;
        parts.push(chunk);
        at += chunk.length;
      }
      objectUrl = URL.createObjectURL(new Blob(parts as BlobPart[]));
      return objectUrl;
    },
    download: { save: async () => unwrap(await saveEfile(id)).saved },
    dispose: () => {
      if (objectUrl) URL.revokeObjectURL(objectUrl);
      objectUrl = null;
    },
  };
}
