import fs from 'node:fs';
import type { PDFDocument, PDFPage } from 'pdf-lib';
import { canvasLib, pdfLib, utif } from '../../lazyModules';

/** A4 in PDF points (GB/T 9704 uses A4 for court documents). */
export const A4: [number, number] = [595.28, 841.89];

export type Loaded =
  | { ok: true; kind: 'pdf'; doc: PDFDocument; pages: number }
  | { ok: true; kind: 'images'; images: { bytes: Buffer; type: 'png' | 'jpg'; width: number; height: number }[]; pages: number }
  | { ok: false; note: string; reason: string };

/** Short note for the 目录's 备注 column and the longer reason for the 备考表. */
const fault = (note: string, reason: string) => ({ ok: false as const, note, reason });
const KIND_FAULTS: Record<string, { ok: false; note: string; reason: string }> = {
  docx: fault('Word，未编页', 'Word 文件不能在本程序中转为 PDF，未编入页码；原件保存在电子卷宗中'),
  xlsx: fault('Excel，未编页', 'Excel 文件不能在本程序中转为 PDF，未编入页码；原件保存在电子卷宗中'),
  ofd: fault('OFD，未编页', 'OFD 版式文件不能在本程序中转换，未编入页码；原件保存在电子卷宗中'),
};

/**
 * Reads one catalogued document for binding: a PDF as it is, an image as pages (JPEG and PNG as
 * they are; TIFF, which PDF cannot embed directly, decoded page by page and re-encoded as PNG).
 * Anything that cannot become pages comes back with the note the 目录 shows instead.
 */
export async function loadForBinding(file: string, d: { kind: string; mime: string }): Promise<Loaded> {
  let bytes: Buffer;
  try {
    bytes = await fs.promises.readFile(file);
  } catch {
    return fault('文件缺失', '存储中找不到此文件，请管理员运行「校验电子卷宗」');
  }
  if (d.kind === 'pdf') {
    try {
      const doc = await pdfLib().PDFDocument.load(bytes, { updateMetadata: false });
      return { ok: true, kind: 'pdf', doc, pages: doc.getPageCount() };
    } catch (e) {
      const encrypted = /encrypt/i.test((e as Error)?.message ?? '');
      return encrypted ? fault('PDF 加密，未编页', 'PDF 已加密，不能编入；原件保存在电子卷宗中') : fault('PDF 损坏，未编页', 'PDF 文件已损坏，不能编入；原件保存在电子卷宗中');
    }
  }
  if (d.kind === 'image' || d.mime.startsWith('image/')) {
    try {
      if (isJpeg(bytes)) {
        const { width, height } = jpegSize(bytes);
        return { ok: true, kind: 'images', images: [{ bytes, type: 'jpg', width, height }], pages: 1 };
      }
      if (isPng(bytes)) return { ok: true, kind: 'images', images: [{ bytes, type: 'png', width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }], pages: 1 };
      if (isTiff(bytes)) {
        const images = await tiffPages(bytes);
        if (images.length) return { ok: true, kind: 'images', images, pages: images.length };
      }
    } catch {
      /* fall through to the note */
    }
    return fault('图片无法转换', '图片格式无法转为 PDF 页面，未编入页码；原件保存在电子卷宗中');
  }
  return KIND_FAULTS[d.kind] ?? fault('未编页', '此类文件不能转为 PDF，未编入页码；原件保存在电子卷宗中');
}

/** Adds an image as one page: A4 in the image's orientation, the image scaled to fit and centred. */
export async function addImagePage(out: PDFDocument, img: { bytes: Buffer; type: 'png' | 'jpg'; width: number; height: number }): Promise<PDFPage> {
  const embedded = img.type === 'jpg' ? await out.embedJpg(img.bytes) : await out.embedPng(img.bytes);
  const landscape = img.width > img.height;
  const [pw, ph] = landscape ? [A4[1], A4[0]] : A4;
  const page = out.addPage([pw, ph]);
  const s = Math.min(pw / img.width, ph / img.height);
  const w = img.width * s;
  const h = img.height * s;
  page.drawImage(embedded, { x: (pw - w) / 2, y: (ph - h) / 2, width: w, height: h });
  return page;
}

const isJpeg = (b: Buffer) => b[0] === 0xff && b[1] === 0xd8;
const isPng = (b: Buffer) => b.length > 24 && b.readUInt32BE(0) === 0x89504e47;
const isTiff = (b: Buffer) => (b[0] === 0x49 && b[1] === 0x49 && b[2] === 0x2a) || (b[0] === 0x4d && b[1] === 0x4d && b[3] === 0x2a);

/** Width and height from a JPEG's SOF marker (pdf-lib reads them too, but we need them before embedding). */
function jpegSize(b: Buffer): { width: number; height: number } {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) {
      i++;
      continue;
    }
    const marker = b[i + 1];
    const len = b.readUInt16BE(i + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) };
    }
    i += 2 + len;
  }
  throw new Error('JPEG without a frame header');
}

async function tiffPages(bytes: Buffer): Promise<{ bytes: Buffer; type: 'png'; width: number; height: number }[]> {
  const { createCanvas } = canvasLib();
  const UTIF = utif();
  const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const ifds = UTIF.decode(ab);
  const out: { bytes: Buffer; type: 'png'; width: number; height: number }[] = [];
  for (const ifd of ifds) {
    UTIF.decodeImage(ab, ifd);
    const w = ifd.width;
    const h = ifd.height;
    if (!w || !h) continue;
    const rgba = UTIF.toRGBA8(ifd);
    const canvas = createCanvas(w, h);
    const ctx = canvas.getContext('2d');
    const data = ctx.createImageData(w, h);
    data.data.set(rgba);
    ctx.putImageData(data, 0, 0);
    out.push({ bytes: await canvas.encode('png'), type: 'png', width: w, height: h });
  }
  return out;
}
