import fs from 'node:fs';
import zlib from 'node:zlib';
import { createHash } from 'node:crypto';
import type yauzl from 'yauzl';
import { yauzlLib } from '../lazyModules';

/**
 * Reading a package without trusting it: the central directory through yauzl with file names left
 * raw (we judge them ourselves, to report each bad one precisely instead of stopping at the first),
 * and entry data read straight from the file by offset, never extracted to a path taken from the zip.
 */
export type RawEntry = {
  name: string;
  /** Name bytes were not valid UTF-8. */
  badName: boolean;
  method: number;
  csize: number;
  usize: number;
  offset: number;
  encrypted: boolean;
  symlink: boolean;
  directory: boolean;
};

export async function readCentralDirectory(file: string): Promise<RawEntry[]> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzlLib().open(file, { lazyEntries: true, decodeStrings: false, validateEntrySizes: false, autoClose: false }, (err, z) => (err || !z ? reject(err) : resolve(z))),
  );
  const out: RawEntry[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (e: yauzl.Entry) => {
        const raw = e.fileName as unknown as Buffer;
        let name: string;
        let badName = false;
        try {
          name = new TextDecoder('utf-8', { fatal: true }).decode(raw);
        } catch {
          name = raw.toString('latin1');
          badName = true;
        }
        const unixMode = (e.externalFileAttributes >>> 16) & 0o170000;
        out.push({
          name,
          badName,
          method: e.compressionMethod,
          csize: e.compressedSize,
          usize: e.uncompressedSize,
          offset: e.relativeOffsetOfLocalHeader,
          encrypted: (e.generalPurposeBitFlag & 1) !== 0,
          symlink: e.versionMadeBy >> 8 === 3 && unixMode === 0o120000,
          directory: name.endsWith('/') || unixMode === 0o040000,
        });
        if (out.length > 200_000) return reject(new Error('包内条目超过 200000 个'));
        zip.readEntry();
      });
      zip.on('end', () => resolve());
      zip.on('error', reject);
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
  return out;
}

const CHUNK = 1 << 20;

/** Where an entry's data starts, after checking its local header names the same file (no two-names trick). */
export async function dataStart(fh: fs.promises.FileHandle, e: RawEntry, fileSize: number): Promise<number> {
  const h = Buffer.alloc(30);
  const { bytesRead } = await fh.read(h, 0, 30, e.offset);
  if (bytesRead < 30 || h.readUInt32LE(0) !== 0x04034b50) throw new Error('本地文件头损坏');
  const n = h.readUInt16LE(26);
  const m = h.readUInt16LE(28);
  const name = Buffer.alloc(n);
  await fh.read(name, 0, n, e.offset + 30);
  if (name.toString('utf8') !== e.name && !e.badName) throw new Error('本地文件头中的文件名与目录不一致');
  const start = e.offset + 30 + n + m;
  if (start + e.csize > fileSize) throw new Error('数据超出文件末尾');
  return start;
}

/**
 * Streams an entry's uncompressed bytes to `sink` (hash, copy …), refusing to produce more than its
 * declared size (a zip bomb that lies about its size stops here). Returns the byte count.
 */
export async function readEntry(
  fh: fs.promises.FileHandle,
  e: RawEntry,
  fileSize: number,
  sink: (chunk: Buffer) => void | Promise<void>,
  signal?: AbortSignal,
): Promise<number> {
  const start = await dataStart(fh, e, fileSize);
  const buf = Buffer.allocUnsafe(CHUNK);
  let left = e.csize;
  let pos = start;
  let produced = 0;
  const inflate = e.method === 8 ? zlib.createInflateRaw() : null;
  if (e.method !== 0 && e.method !== 8) throw new Error(`不支持的压缩方式 ${e.method}`);
  const emit = async (c: Buffer) => {
    produced += c.length;
    if (produced > e.usize) throw new Error('解压后的数据超过声明的大小');
    await sink(c);
  };
  const inflated: Buffer[] = [];
  inflate?.on('data', (c: Buffer) => inflated.push(c));
  while (left > 0) {
    if (signal?.aborted) throw new Error('已取消');
    const { bytesRead } = await fh.read(buf, 0, Math.min(CHUNK, left), pos);
    if (!bytesRead) throw new Error('数据不完整');
    pos += bytesRead;
    left -= bytesRead;
    const chunk = buf.subarray(0, bytesRead);
    if (!inflate) {
      await emit(chunk);
      continue;
    }
    await new Promise<void>((res, rej) => inflate.write(Buffer.from(chunk), (err) => (err ? rej(err) : res())));
    for (const c of inflated.splice(0)) await emit(c);
  }
  if (inflate) {
    await new Promise<void>((res, rej) => {
      inflate.once('error', rej);
      inflate.end(() => res());
    });
    for (const c of inflated.splice(0)) await emit(c);
  }
  return produced;
}

export async function hashEntry(fh: fs.promises.FileHandle, e: RawEntry, fileSize: number, onBytes?: (n: number) => void, signal?: AbortSignal) {
  const h = createHash('sha256');
  const size = await readEntry(fh, e, fileSize, (c) => {
    h.update(c);
    onBytes?.(c.length);
  }, signal);
  return { size, sha256: h.digest('hex') };
}
