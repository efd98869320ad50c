import fs from 'node:fs';
import path from 'node:path';

/**
 * What operations leave behind when their process is killed (issue 12 §12): staged uploads (a
 * workbook's names and ID numbers), export scratch folders, `.part-*` packages, e-file temp files,
 * `.partial-*` backups and restore temps. Each operation removes its own on success and failure;
 * this sweeps the rest when a host starts with the data folder to itself (no other live host, see
 * db/hostLock.ts), when nothing in these places can belong to a running operation.
 */
const WHOLE_FOLDERS = ['tmp/uploads', 'tmp/exchange', 'tmp/exchange-view', 'tmp/downloads', 'efiles/tmp'];
const PARTIAL = /\.partial-\d+$|\.restore-\d+$|\.part-[0-9a-f]+$/;

export function sweepLeftovers(dataDir: string): string[] {
  const removed: string[] = [];
  const rm = (p: string) => {
    fs.rmSync(p, { recursive: true, force: true });
    removed.push(path.relative(dataDir, p));
  };
  for (const rel of WHOLE_FOLDERS) {
    const dir = path.join(dataDir, rel);
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir)) rm(path.join(dir, name));
  }
  for (const rel of ['.', 'backups']) {
    const dir = path.join(dataDir, rel);
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir)) if (PARTIAL.test(name)) rm(path.join(dir, name));
  }
  return removed;
}
