import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createHash, randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { DomainError } from '../errors';

/**
 * A small streaming ZIP writer for upward packages. Why not yazl: every byte of a multi-GB package
 * passes here once, and we need its SHA-256 (for the manifest) and CRC-32 (for the zip) in the
 * same pass; yazl's pure-JS CRC and five-stage pipe run at a fraction of `zip -0`'s speed. This
 * writer reads 1 MiB at a time, hashes with OpenSSL and native zlib.crc32, and writes straight
 * to the file: memory stays flat whatever the package size.
 *
 * Files are STORED (PDFs, images, DOCX and XLSX are already compressed); small generated buffers
 * (JSON) may be deflated. Sizes ≥ 4 GiB and > 65 535 entries use ZIP64. The package is written to
 * `<out>.part-…` and renamed only when complete, so an interrupted export leaves no file under
 * the final name.
 */
export type ZipInput = {
  /** Path inside the zip (already made safe by naming.ts). */
  name: string;
  data: { file: string } | { buffer: Buffer } | { stream: () => Readable; size?: number };
  /** Deflate (only for buffers; everything else is stored). */
  deflate?: boolean;
};
export type Written = { name: string; size: number; sha256: string };
export type WriteOptions = {
  signal?: AbortSignal;
  onProgress?: (doneBytes: number) => void;
  mtime?: Date;
  /** Called after the inputs are written, with their sizes and hashes; returns the entries to append (manifest, signature). */
  finish?: (written: Written[]) => ZipInput[] | Promise<ZipInput[]>;
  /**
   * Called once the package is complete and on disk, just before it takes its final name: the
   * caller records it here (history row + audit), so a package under its final name is always
   * recorded. Throwing removes the package.
   */
  beforeRename?: (done: { size: number; sha256: string; written: Written[] }) => void;
};

const CHUNK = 1 << 20;
const MAX32 = 0xffffffff;
const crc32: (data: Buffer, value?: number) => number = (zlib as unknown as { crc32: (d: Buffer, v?: number) => number }).crc32;

type CdEntry = { name: Buffer; method: number; crc: number; csize: number; usize: number; offset: number; descriptor: boolean };

export const CANCELLED = () => new DomainError('INVALID_STATE', '导出已取消，未留下不完整的文件');

export async function writeZip(out: string, inputs: ZipInput[], opts: WriteOptions = {}): Promise<{ size: number; sha256: string; written: Written[] }> {
  const tmp = `${out}.part-${randomBytes(6).toString('hex')}`;
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const fh = await fs.promises.open(tmp, 'wx', 0o644);
  let pos = 0;
  let done = 0;
  const cd: CdEntry[] = [];
  const [dosTime, dosDate] = dosDateTime(opts.mtime ?? new Date());
  const buf = Buffer.allocUnsafe(CHUNK);
  // The package's own checksum, computed as it is written (no second pass over GBs).
  const zipHash = createHash('sha256');
  const write = async (b: Buffer) => {
    zipHash.update(b);
    let off = 0;
    while (off < b.length) {
      const { bytesWritten } = await fh.write(b, off, b.length - off, pos);
      off += bytesWritten;
      pos += bytesWritten;
    }
  };
  const check = () => {
    if (opts.signal?.aborted) throw CANCELLED();
  };

  const addBuffer = async (name: string, data: Buffer, deflate: boolean): Promise<Written> => {
    check();
    const nameBuf = Buffer.from(name, 'utf8');
    const body = deflate ? zlib.deflateRawSync(data, { level: 6 }) : data;
    const crc = crc32(data);
    const e: CdEntry = { name: nameBuf, method: deflate ? 8 : 0, crc, csize: body.length, usize: data.length, offset: pos, descriptor: false };
    await write(localHeader(e, dosTime, dosDate, false));
    await write(body);
    cd.push(e);
    done += data.length;
    opts.onProgress?.(done);
    return { name, size: data.length, sha256: createHash('sha256').update(data).digest('hex') };
  };

  const addStream = async (name: string, next: () => Promise<Buffer | null>, declared: number | undefined): Promise<Written> => {
    check();
    const zip64 = declared === undefined || declared >= MAX32;
    const e: CdEntry = { name: Buffer.from(name, 'utf8'), method: 0, crc: 0, csize: 0, usize: 0, offset: pos, descriptor: true };
    await write(localHeader(e, dosTime, dosDate, zip64));
    const hash = createHash('sha256');
    let crc = 0;
    let size = 0;
    for (let chunk = await next(); chunk; chunk = await next()) {
      check();
      hash.update(chunk);
      crc = crc32(chunk, crc);
      await write(chunk);
      size += chunk.length;
      done += chunk.length;
      opts.onProgress?.(done);
    }
    e.crc = crc;
    e.csize = e.usize = size;
    await write(dataDescriptor(e, zip64));
    cd.push(e);
    return { name, size, sha256: hash.digest('hex') };
  };

  const add = async (input: ZipInput): Promise<Written> => {
    const d = input.data;
    if ('buffer' in d) return addBuffer(input.name, d.buffer, !!input.deflate);
    if ('file' in d) {
      const src = await fs.promises.open(d.file, 'r');
      try {
        const size = (await src.stat()).size;
        return await addStream(input.name, async () => {
          const { bytesRead } = await src.read(buf, 0, CHUNK, null);
          return bytesRead ? buf.subarray(0, bytesRead) : null;
        }, size);
      } finally {
        await src.close();
      }
    }
    const it = d.stream()[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
    return addStream(input.name, async () => {
      const r = await it.next();
      return r.done ? null : Buffer.isBuffer(r.value) ? r.value : Buffer.from(r.value);
    }, d.size);
  };

  try {
    const written: Written[] = [];
    for (const input of inputs) written.push(await add(input));
    for (const input of (await opts.finish?.(written)) ?? []) await add(input);
    check();
    await writeCentralDirectory(write, cd, () => pos, dosTime, dosDate);
    await fh.sync();
    await fh.close();
    const sha256 = zipHash.digest('hex');
    opts.beforeRename?.({ size: pos, sha256, written });
    fs.renameSync(tmp, out);
    return { size: pos, sha256, written };
  } catch (e) {
    await fh.close().catch(() => undefined);
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

export async function hashFile(file: string, signal?: AbortSignal): Promise<string> {
  const h = createHash('sha256');
  const fh = await fs.promises.open(file, 'r');
  const b = Buffer.allocUnsafe(CHUNK);
  try {
    for (;;) {
      if (signal?.aborted) throw CANCELLED();
      const { bytesRead } = await fh.read(b, 0, CHUNK, null);
      if (!bytesRead) break;
      h.update(b.subarray(0, bytesRead));
    }
  } finally {
    await fh.close();
  }
  return h.digest('hex');
}

function localHeader(e: CdEntry, time: number, date: number, zip64: boolean): Buffer {
  const extra = zip64 ? Buffer.alloc(20) : Buffer.alloc(0);
  if (zip64) {
    extra.writeUInt16LE(0x0001, 0);
    extra.writeUInt16LE(16, 2); // sizes follow in the data descriptor
  }
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(zip64 ? 45 : 20, 4);
  h.writeUInt16LE(0x0800 | (e.descriptor ? 0x0008 : 0), 6); // UTF-8 names; sizes in descriptor
  h.writeUInt16LE(e.method, 8);
  h.writeUInt16LE(time, 10);
  h.writeUInt16LE(date, 12);
  h.writeUInt32LE(e.descriptor ? 0 : e.crc, 14);
  h.writeUInt32LE(zip64 ? MAX32 : e.descriptor ? 0 : e.csize, 18);
  h.writeUInt32LE(zip64 ? MAX32 : e.descriptor ? 0 : e.usize, 22);
  h.writeUInt16LE(e.name.length, 26);
  h.writeUInt16LE(extra.length, 28);
  return Buffer.concat([h, e.name, extra]);
}

function dataDescriptor(e: CdEntry, zip64: boolean): Buffer {
  if (e.usize >= MAX32 && !zip64) throw new Error(`entry ${e.name.toString()} exceeds 4 GiB without declared size`);
  const d = Buffer.alloc(zip64 ? 24 : 16);
  d.writeUInt32LE(0x08074b50, 0);
  d.writeUInt32LE(e.crc, 4);
  if (zip64) {
    d.writeBigUInt64LE(BigInt(e.csize), 8);
    d.writeBigUInt64LE(BigInt(e.usize), 16);
  } else {
    d.writeUInt32LE(e.csize, 8);
    d.writeUInt32LE(e.usize, 12);
  }
  return d;
}

async function writeCentralDirectory(write: (b: Buffer) => Promise<void>, cd: CdEntry[], pos: () => number, time: number, date: number): Promise<void> {
  const start = pos();
  const parts: Buffer[] = [];
  let pending = 0;
  const flush = async () => {
    if (parts.length) await write(Buffer.concat(parts.splice(0)));
    pending = 0;
  };
  for (const e of cd) {
    const big = [e.usize >= MAX32, e.csize >= MAX32, e.offset >= MAX32];
    const n = big.filter(Boolean).length;
    const extra = Buffer.alloc(n ? 4 + 8 * n : 0);
    if (n) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(8 * n, 2);
      let o = 4;
      if (big[0]) (extra.writeBigUInt64LE(BigInt(e.usize), o), (o += 8));
      if (big[1]) (extra.writeBigUInt64LE(BigInt(e.csize), o), (o += 8));
      if (big[2]) extra.writeBigUInt64LE(BigInt(e.offset), o);
    }
    const h = Buffer.alloc(46);
    h.writeUInt32LE(0x02014b50, 0);
    h.writeUInt16LE(0x0300 | 45, 4); // made by Unix, spec 4.5
    h.writeUInt16LE(n ? 45 : 20, 6);
    h.writeUInt16LE(0x0800 | (e.descriptor ? 0x0008 : 0), 8);
    h.writeUInt16LE(e.method, 10);
    h.writeUInt16LE(time, 12);
    h.writeUInt16LE(date, 14);
    h.writeUInt32LE(e.crc, 16);
    h.writeUInt32LE(big[1] ? MAX32 : e.csize, 20);
    h.writeUInt32LE(big[0] ? MAX32 : e.usize, 24);
    h.writeUInt16LE(e.name.length, 28);
    h.writeUInt16LE(extra.length, 30);
    h.writeUInt32LE(((0o100644 << 16) >>> 0), 38); // regular file, rw-r--r--
    h.writeUInt32LE(big[2] ? MAX32 : e.offset, 42);
    parts.push(h, e.name, extra);
    pending += 46 + e.name.length + extra.length;
    if (pending > CHUNK) await flush();
  }
  await flush();
  const end = pos();
  const size = end - start;
  const zip64 = cd.length >= 0xffff || start >= MAX32 || size >= MAX32;
  if (zip64) {
    const r = Buffer.alloc(56);
    r.writeUInt32LE(0x06064b50, 0);
    r.writeBigUInt64LE(44n, 4);
    r.writeUInt16LE(0x0300 | 45, 12);
    r.writeUInt16LE(45, 14);
    r.writeBigUInt64LE(BigInt(cd.length), 24);
    r.writeBigUInt64LE(BigInt(cd.length), 32);
    r.writeBigUInt64LE(BigInt(size), 40);
    r.writeBigUInt64LE(BigInt(start), 48);
    const loc = Buffer.alloc(20);
    loc.writeUInt32LE(0x07064b50, 0);
    loc.writeBigUInt64LE(BigInt(end), 8);
    loc.writeUInt32LE(1, 16);
    await write(Buffer.concat([r, loc]));
  }
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(zip64 ? 0xffff : cd.length, 8);
  eocd.writeUInt16LE(zip64 ? 0xffff : cd.length, 10);
  eocd.writeUInt32LE(zip64 ? MAX32 : size, 12);
  eocd.writeUInt32LE(zip64 ? MAX32 : start, 16);
  await write(eocd);
}

function dosDateTime(d: Date): [number, number] {
  const y = Math.max(1980, d.getFullYear());
  return [(d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1), ((y - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate()];
}
