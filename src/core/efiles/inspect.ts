import fs from 'node:fs';
import path from 'node:path';
import type { PDFDocument } from 'pdf-lib';
import type yauzl from 'yauzl';
import type { EfileDocument } from '../../contract/calls/efiles';
import { DomainError, fail } from '../errors';
import { loadFileType, pdfLib, utif, yauzlLib } from '../lazyModules';
import { openPdf, pdfInput } from './text/pdfjs';
import { readPdfText, UnreadablePdf } from './text/pdfText';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * What a file really is, decided from its bytes (file-type, then a look inside zips for OFD and
 * Office files), never from its name; whether it is usable (a corrupt or encrypted PDF, a
 * truncated image, an empty file are refused with a Chinese message naming the file); and its
 * page count. Only small files are read whole (PDFs up to PDF_PARSE_WHOLE_BYTES for pdf-lib's full
 * parse, TIFFs up to IN_MEMORY_LIMIT to count their pages); a larger PDF is checked by its head and
 * tail and opened by pdf.js (by byte ranges above PDF_IN_MEMORY_BYTES: page count, first page, and
 * its text in windows of pages), and images by their end marker, so a 2 GB scan is never read into
 * memory.
 */
export type Inspected = {
  kind: EfileDocument['kind'];
  mime: string;
  /** Short Chinese name of the type, for messages. */
  label: string;
  pages: number | null;
  /** Title from the PDF's metadata, if any. */
  title: string | null;
  /** Text of the first page (PDFs with a text layer), for the section suggestion. */
  text: string;
  /**
   * PDFs inspected with `allText`: the text layer of every page, which the import hands to the
   * index after its commit, so the file is read by pdf.js once, not twice. Absent when pdf.js
   * could not read a PDF that pdf-lib could (the index then tries again and records why).
   */
  pageTexts?: string[];
  notes: string[];
};

export const IN_MEMORY_LIMIT = 64 * 1024 * 1024;
/** PDFs up to this size get pdf-lib's full parse (it copies every stream: cheap only for small files). */
export const PDF_PARSE_WHOLE_BYTES = 4 * 1024 * 1024;

const LABEL: Record<string, string> = { pdf: 'PDF', jpg: 'JPEG 图片', png: 'PNG 图片', tif: 'TIFF 图片', docx: 'Word 文档（DOCX）', xlsx: 'Excel 表格（XLSX）', ofd: 'OFD 版式文件' };
const EXT_OF: Record<string, string[]> = { pdf: ['pdf'], jpg: ['jpg', 'jpeg', 'jpe'], png: ['png'], tif: ['tif', 'tiff'], docx: ['docx'], xlsx: ['xlsx'], ofd: ['ofd'] };
const ENCRYPTED = '是加密的 PDF（设有打开密码或权限限制），无法阅览、检索和组卷。请先取得未加密的版本再导入';
const refuse = (name: string, why: string): never => fail('INVALID_INPUT', `「${name}」${why}`, 'file');

type Source = { bytes: Buffer; file?: undefined } | { file: string; bytes?: undefined };

export function inspectBytes(bytes: Buffer, name: string): Promise<Inspected> {
  return inspect({ bytes }, name, bytes.length);
}

export function inspectFile(file: string, name: string, opts: { allText?: boolean } = {}): Promise<Inspected> {
  return inspect({ file }, name, fs.statSync(file).size, opts.allText === true);
}

async function inspect(src: Source, name: string, size: number, allText = false): Promise<Inspected> {
  if (size === 0) refuse(name, '是空文件（0 字节），没有可导入的内容');
  const { fileTypeFromBuffer, fileTypeFromFile } = await loadFileType();
  const detected = src.bytes ? await fileTypeFromBuffer(src.bytes) : await fileTypeFromFile(src.file);
  let ext = detected?.ext as string | undefined;
  if (ext === 'zip' || ext === 'docx' || ext === 'xlsx') ext = (await zipKind(src)) ?? ext;
  const declared = path.extname(name).slice(1).toLowerCase();
  if (!ext || !LABEL[ext]) {
    const what = detected ? `内容是 ${detected.ext.toUpperCase()} 格式` : '内容无法识别';
    if (declared === 'pdf') refuse(name, `不是有效的 PDF 文件（${what}，可能已损坏或只是改了扩展名）`);
    refuse(name, `的类型不受支持（${what}）。可导入 PDF、JPEG/PNG/TIFF 图片、DOCX/XLSX、OFD`);
  }
  const notes: string[] = [];
  if (declared && !EXT_OF[ext!]!.includes(declared)) notes.push(`「${name}」的扩展名是 .${declared}，但内容是${LABEL[ext!]}，已按${LABEL[ext!]}保存`);
  // An import (allText) reads a PDF with pdf.js only; pdf-lib's parse is for generated documents.
  const wholeUpTo = ext === 'pdf' ? (allText && src.file ? 0 : PDF_PARSE_WHOLE_BYTES) : ext === 'tif' ? IN_MEMORY_LIMIT : 0;
  const bytes = src.bytes ?? (size <= wholeUpTo ? fs.readFileSync(src.file) : null);
  const big = !bytes;
  const base = { label: LABEL[ext!]!, title: null, text: '', notes };
  switch (ext) {
    case 'pdf': {
      if (big) {
        await checkPdfEnds(src.file!, name, size);
        const facts = allText ? await readWholePdf(src.file!, name) : await inspectLargePdf(src.file!, name, size, notes);
        return { ...base, ...facts, kind: 'pdf', mime: 'application/pdf', notes };
      }
      return { ...base, ...(await inspectPdf(bytes, name)), kind: 'pdf', mime: 'application/pdf', notes };
    }
    case 'jpg':
      if (!tailHas(bytes ?? tailOf(src.file!, size, 4096), [0xff, 0xd9], 4096)) refuse(name, '不完整：JPEG 图片缺少结束标记（可能在复制或扫描时中断）');
      return { ...base, kind: 'image', mime: 'image/jpeg', pages: 1 };
    case 'png':
      if (!tailHas(bytes ?? tailOf(src.file!, size, 64), [0x49, 0x45, 0x4e, 0x44], 64)) refuse(name, '不完整：PNG 图片缺少结束块（可能在复制或扫描时中断）');
      return { ...base, kind: 'image', mime: 'image/png', pages: 1 };
    case 'tif': {
      let pages: number | null = null;
      if (bytes) {
        try {
          pages = utif().decode(bytes).length;
        } catch {
          refuse(name, '已损坏：无法读取 TIFF 图片的页面');
        }
        if (!pages) refuse(name, '已损坏：TIFF 图片中没有页面');
      }
      return { ...base, kind: 'image', mime: 'image/tiff', pages };
    }
    case 'docx':
      return { ...base, kind: 'docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', pages: null };
    case 'xlsx':
      return { ...base, kind: 'xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', pages: null };
    case 'ofd':
      notes.push(`「${name}」是 OFD 版式文件：已保存并编入目录，本程序暂不能预览，可下载后用 OFD 阅读器打开`);
      return { ...base, kind: 'ofd', mime: 'application/ofd', pages: null };
  }
  return refuse(name, '的类型不受支持');
}

async function inspectPdf(bytes: Buffer, name: string): Promise<{ pages: number; title: string | null; text: string }> {
  if (bytes.subarray(0, 1024).indexOf('%PDF-') < 0) refuse(name, '不是有效的 PDF 文件（缺少 PDF 文件头）');
  if (!tailHas(bytes, [...Buffer.from('%%EOF')], 2048)) refuse(name, '不完整：PDF 文件缺少结束标记（可能在复制或下载时中断），请取得完整的文件后再导入');
  // The trailer names an /Encrypt dictionary: a password or permission lock (pdf-lib would fail on it later anyway).
  if (bytes.subarray(Math.max(0, bytes.length - 64 * 1024)).indexOf('/Encrypt') >= 0) refuse(name, ENCRYPTED);
  const { pages, title } = await pdfLibFacts(bytes, name);
  return { pages, title, text: await firstPageText(bytes) };
}

/** pdf-lib's full parse (the structure binding relies on): page count and title. Its object graph is dropped on return. */
async function pdfLibFacts(bytes: Buffer, name: string): Promise<{ pages: number; title: string | null }> {
  const { PDFDocument: PdfLibDocument, EncryptedPDFError } = pdfLib();
  let doc: PDFDocument;
  try {
    doc = await PdfLibDocument.load(bytes, { updateMetadata: false });
  } catch (e) {
    if (e instanceof EncryptedPDFError || /encrypt/i.test(String((e as Error)?.message))) refuse(name, ENCRYPTED);
    return refuse(name, '已损坏，无法读取 PDF 结构');
  }
  const pages = doc.getPageCount();
  if (pages < 1) refuse(name, '已损坏：PDF 中没有页面');
  let title: string | null = null;
  try {
    title = doc.getTitle()?.trim() || null;
  } catch {
    /* no title */
  }
  return { pages, title };
}

/** The text of page 1 (for the section suggestion); '' for scans or anything pdf.js cannot read quickly. */
async function firstPageText(bytes: Buffer): Promise<string> {
  try {
    const task = await openPdf(new Uint8Array(bytes), { stopAtErrors: false });
    const timer = setTimeout(() => void task.destroy(), 5000);
    try {
      return await pageOneText(await task.promise);
    } finally {
      clearTimeout(timer);
      void task.destroy();
    }
  } catch {
    return '';
  }
}

async function pageOneText(doc: PDFDocumentProxy): Promise<string> {
  const page = await doc.getPage(1);
  const tc = await page.getTextContent();
  page.cleanup();
  return tc.items.map((i) => ('str' in i ? i.str : '')).join('').slice(0, 2000);
}

/**
 * An imported PDF: pdf.js — the viewer's own reader — reads every page's text in one pass (whole
 * when small, by byte ranges in windows of pages when large), which gives the page count, the
 * title, the first page for the section suggestion and the text the index stores after the commit.
 * A file pdf.js cannot read is refused: it could not be viewed either. (pdf-lib, which binding uses,
 * is not loaded for an import; a PDF it cannot copy is listed in the bound volume with a note.)
 */
async function readWholePdf(file: string, name: string): Promise<{ pages: number; title: string | null; text: string; pageTexts: string[] }> {
  try {
    const r = await readPdfText(await pdfInput(file));
    if (r.pages.length < 1) refuse(name, '已损坏：PDF 中没有页面');
    return { pages: r.pages.length, title: r.title, text: r.pages[0]!.slice(0, 2000), pageTexts: r.pages };
  } catch (e) {
    if (e instanceof UnreadablePdf) refuse(name, e.reason === 'encrypted' ? ENCRYPTED : '已损坏，无法读取 PDF 结构');
    throw e;
  }
}

/**
 * A PDF too large to read whole, when only its facts are wanted: pdf.js opens it by byte ranges
 * (cross-reference table, page tree, page 1 — not the page images) for the page count, the title
 * and the first page's text. A file pdf.js cannot open is refused like a small one pdf-lib cannot parse.
 */
async function inspectLargePdf(file: string, name: string, size: number, notes: string[]): Promise<{ pages: number | null; title: string | null; text: string }> {
  const task = await openPdf({ file });
  // A huge, oddly built file may take long to open: then it is filed without a page count.
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    void task.destroy();
  }, 30_000);
  try {
    const doc = await task.promise;
    if (doc.numPages < 1) refuse(name, '已损坏：PDF 中没有页面');
    const info = (await doc.getMetadata().catch(() => null))?.info as { Title?: unknown } | undefined;
    const title = typeof info?.Title === 'string' ? info.Title.trim() || null : null;
    return { pages: doc.numPages, title, text: await pageOneText(doc).catch(() => '') };
  } catch (e) {
    if (timedOut) {
      notes.push(`「${name}」很大（${Math.round(size / 1024 / 1024)} MB），未统计页数`);
      return { pages: null, title: null, text: '' };
    }
    if ((e as { name?: string })?.name === 'PasswordException') refuse(name, ENCRYPTED);
    if (e instanceof DomainError) throw e;
    return refuse(name, '已损坏，无法读取 PDF 结构');
  } finally {
    clearTimeout(timer);
    void task.destroy();
  }
}

/** The last `n` bytes of a file. */
function tailOf(file: string, size: number, n: number): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const b = Buffer.alloc(Math.min(n, size));
    fs.readSync(fd, b, 0, b.length, size - b.length);
    return b;
  } finally {
    fs.closeSync(fd);
  }
}

/** A PDF's head and tail only (header, end marker, encryption), nothing else read. */
async function checkPdfEnds(file: string, name: string, size: number): Promise<void> {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(Math.min(size, 64 * 1024));
    fs.readSync(fd, head, 0, head.length, 0);
    if (head.subarray(0, 1024).indexOf('%PDF-') < 0) refuse(name, '不是有效的 PDF 文件（缺少 PDF 文件头）');
    // A linearized file keeps its first trailer (and so its /Encrypt entry) near the start.
    if (head.indexOf('/Encrypt') >= 0) refuse(name, ENCRYPTED);
    const tail = Buffer.alloc(Math.min(size, 64 * 1024));
    fs.readSync(fd, tail, 0, tail.length, size - tail.length);
    if (!tailHas(tail, [...Buffer.from('%%EOF')], 2048)) refuse(name, '不完整：PDF 文件缺少结束标记（可能在复制或下载时中断）');
    if (tail.indexOf('/Encrypt') >= 0) refuse(name, ENCRYPTED);
    // Every PDF ends with "startxref <offset> %%EOF". Without it pdf.js would rebuild the
    // cross-reference table by scanning the whole file (about a second per MB): refused at once.
    if (!tailHas(tail, [...Buffer.from('startxref')], 4096)) refuse(name, '已损坏：缺少交叉引用表的位置（startxref），无法读取 PDF 结构');
  } finally {
    fs.closeSync(fd);
  }
}

function tailHas(bytes: Buffer, marker: number[], within: number): boolean {
  const start = Math.max(0, bytes.length - within);
  return bytes.subarray(start).indexOf(Buffer.from(marker)) >= 0;
}

/** Zips: OFD (OFD.xml at the root), DOCX (word/), XLSX (xl/); null for any other zip. */
function zipKind(src: Source): Promise<'ofd' | 'docx' | 'xlsx' | null> {
  return new Promise((resolve) => {
    const done = (err: Error | null, zip?: yauzl.ZipFile) => {
      if (err || !zip) return resolve(null);
      let found: 'ofd' | 'docx' | 'xlsx' | null = null;
      zip.on('entry', (e: yauzl.Entry) => {
        const n = e.fileName;
        if (n === 'OFD.xml' || n.toLowerCase() === 'ofd.xml') found = 'ofd';
        else if (!found && n.startsWith('word/')) found = 'docx';
        else if (!found && n.startsWith('xl/')) found = 'xlsx';
        if (found === 'ofd') {
          zip.close();
          return resolve(found);
        }
        zip.readEntry();
      });
      zip.on('end', () => resolve(found));
      zip.on('error', () => resolve(null));
      zip.readEntry();
    };
    if (src.bytes) yauzlLib().fromBuffer(src.bytes, { lazyEntries: true }, done);
    else yauzlLib().open(src.file!, { lazyEntries: true }, done);
  });
}
