import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Writing a file so that a reader (or a crash) never sees half of it: bytes go to a temp file in
 * the target's own folder (so the rename cannot cross file systems), are fsynced, and only then is
 * the temp file renamed over the target and the folder synced. One implementation for the e-file
 * store, bound volumes, signing keys and CLI exports.
 */

/** Creates `file` (must not exist), writes all of `bytes`, fsyncs and closes it; removes it on failure. */
export function writeDurably(file: string, bytes: Uint8Array | string, mode = 0o666): void {
  const data = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
  const fd = fs.openSync(file, 'wx', mode);
  try {
    // writeSync may write less than asked (large buffers); loop until everything is out.
    for (let off = 0; off < data.length; ) off += fs.writeSync(fd, data, off, data.length - off);
    fs.fsyncSync(fd);
  } catch (e) {
    fs.closeSync(fd);
    fs.rmSync(file, { force: true });
    throw e;
  }
  fs.closeSync(fd);
}

/** fsyncs a file already written (e.g. by a stream) before it is renamed into place. */
export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** `fsyncFile` off the main thread, so it can overlap other work (the import starts it before inspecting). */
export async function fsyncFileAsync(file: string): Promise<void> {
  const h = await fs.promises.open(file, 'r+');
  try {
    await h.sync();
  } finally {
    await h.close();
  }
}

/** Makes a rename in `dir` durable on POSIX; Windows cannot open folders, and NTFS journals renames. */
export function syncDir(dir: string): void {
  if (process.platform === 'win32') return;
  let fd: number | null = null;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    /* best effort: some file systems refuse fsync on a folder */
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

/** Moves a complete, fsynced temp file to `target` (replacing it) and syncs the folder; removes the temp file on failure. */
export function renameDurably(temp: string, target: string): void {
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.renameSync(temp, target);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    throw e;
  }
  syncDir(path.dirname(target));
}

/** A temp name beside `target`, hidden and unique, so two writers never share one. */
export const tempBeside = (target: string) => path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.part`);

/** temp beside the target → write → fsync → rename → sync folder. `mode` applies from creation (keys). */
export function writeFileAtomic(target: string, bytes: Uint8Array | string, opts: { mode?: number } = {}): void {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temp = tempBeside(target);
  writeDurably(temp, bytes, opts.mode);
  // umask may have narrowed the mode on creation; a key file must end up exactly as asked.
  if (opts.mode !== undefined) fs.chmodSync(temp, opts.mode);
  renameDurably(temp, target);
}
