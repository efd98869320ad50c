import fs from 'node:fs';
import path from 'node:path';
import { randomFillSync } from 'node:crypto';

/**
 * Large files for the import benchmark and the large-file tests, as a scanner's output folder looks: a few large scanned PDFs
 * (one JPEG-coded image per page), many small ones, and loose JPEG photos. Page images are random
 * bytes — incompressible like real JPEG data, and nothing in the import decodes them. Every file is
 * a well-formed PDF (correct xref offsets) or has the JPEG start and end markers, so each passes the
 * import's checks exactly as a real file would.
 */
const MB = 2 ** 20;

/**
 * A scan of `size` bytes: pages of about 2 MB (at most 1000; or `opts.pages`), each one image; with
 * `opts.text`, each page also carries that line as a text layer (Helvetica, so ASCII only).
 */
export function writeScanPdf(file: string, size: number, opts: { pages?: number; text?: (page: number) => string } = {}): void {
  const pages = opts.pages ?? Math.max(1, Math.min(1000, Math.round(size / (2 * MB))));
  const fd = fs.openSync(file, 'w');
  let pos = 0;
  const offsets: number[] = [];
  const put = (s: string | Buffer) => {
    const b = typeof s === 'string' ? Buffer.from(s, 'latin1') : s;
    fs.writeSync(fd, b);
    pos += b.length;
  };
  const obj = (n: number, body: string) => {
    offsets[n] = pos;
    put(`${n} 0 obj\n${body}\nendobj\n`);
  };
  put('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n');
  // Objects: 1 catalog, 2 pages, then per page i: page 3+3i, image 4+3i, contents 5+3i.
  obj(1, '<< /Type /Catalog /Pages 2 0 R >>');
  obj(2, `<< /Type /Pages /Count ${pages} /Kids [${Array.from({ length: pages }, (_, i) => `${3 + 3 * i} 0 R`).join(' ')}] >>`);
  const fontObj = 3 + 3 * pages;
  const font = opts.text ? ` /Font << /F1 ${fontObj} 0 R >>` : '';
  const overhead = 1200 + pages * 420; // headers, objects and xref, estimated so the file ends near `size`
  const perImage = Math.max(1024, Math.floor((size - overhead) / pages));
  const chunk = Buffer.alloc(MB);
  for (let i = 0; i < pages; i++) {
    const [p, im, c] = [3 + 3 * i, 4 + 3 * i, 5 + 3 * i];
    obj(p, `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 ${im} 0 R >>${font} >> /Contents ${c} 0 R >>`);
    offsets[im] = pos;
    put(`${im} 0 obj\n<< /Type /XObject /Subtype /Image /Width 2480 /Height 3508 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode /Length ${perImage} >>\nstream\n`);
    for (let left = perImage; left > 0; left -= MB) put(randomFillSync(chunk).subarray(0, Math.min(MB, left)));
    put('\nendstream\nendobj\n');
    const line = opts.text?.(i + 1).replace(/[()\\]/g, '');
    const draw = `q 595 0 0 842 0 0 cm /Im0 Do Q${line ? ` BT /F1 18 Tf 72 760 Td (${line}) Tj ET` : ''}`;
    obj(c, `<< /Length ${draw.length} >>\nstream\n${draw}\nendstream`);
  }
  if (opts.text) obj(fontObj, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const count = opts.text ? fontObj + 1 : 3 + 3 * pages;
  const xref = pos;
  put(`xref\n0 ${count}\n0000000000 65535 f \n`);
  for (let n = 1; n < count; n++) put(`${String(offsets[n]).padStart(10, '0')} 00000 n \n`);
  put(`trailer\n<< /Size ${count} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  fs.closeSync(fd);
}

/** A "photo": JPEG start marker and JFIF header, random data, end marker. */
export function writeJpeg(file: string, size: number): void {
  const head = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x48, 0x00, 0x48, 0x00, 0x00]);
  const body = randomFillSync(Buffer.alloc(Math.max(0, size - head.length - 2)));
  // Entropy-coded JPEG data never holds a marker (0xFF is stuffed as FF 00): no 0xFF in the body,
  // so the only end marker is the real one, as in a real photo.
  for (let i = body.indexOf(0xff); i >= 0; i = body.indexOf(0xff, i + 1)) body[i] = 0xfe;
  fs.writeFileSync(file, Buffer.concat([head, body, Buffer.from([0xff, 0xd9])]));
}

/**
 * Writes about `total` bytes of files into `dir`: 40 % in three large scans (20 %, 12 %, 8 %),
 * the rest in scans of 1–16 MB with every fifth file a JPEG photo of 1–4 MB. Returns the paths.
 */
export function writeImportFixture(dir: string, total: number): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  let written = 0;
  const add = (name: string, size: number, jpeg = false) => {
    const f = path.join(dir, name);
    (jpeg ? writeJpeg : writeScanPdf)(f, size);
    written += fs.statSync(f).size;
    files.push(f);
  };
  [0.2, 0.12, 0.08].forEach((share, i) => add(`卷宗扫描件-${i + 1}.pdf`, Math.floor(total * share)));
  const small = [16, 8, 4, 2, 1, 12, 6, 3].map((m) => Math.max(64 * 1024, Math.floor((m * MB * total) / (2 * 2 ** 30))));
  for (let i = 0; written < total; i++) {
    const photo = i % 5 === 4;
    const size = Math.min(total - written, photo ? Math.ceil(small[i % small.length]! / 4) : small[i % small.length]!);
    if (size < 4096) break;
    add(photo ? `现场照片-${String(i).padStart(4, '0')}.jpg` : `执行文书-${String(i).padStart(4, '0')}.pdf`, size, photo);
  }
  return files;
}
