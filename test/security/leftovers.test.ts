import fs from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openCore } from '../../src/core/app';
import { backupTo } from '../../src/core/db/backup';
import { testCore, tempDir } from '../support/core';
import { bureauLedger } from '../support/ledgerWorkbooks';
import { runCli } from '../support/child';

/**
 * Issue 12 §12: leftovers. Staged uploads hold ID numbers; export scratch folders, `.part-*`
 * packages and `.partial-*` backups are half-made files. Each is removed when its operation ends or
 * fails, and whatever a killed process left is swept when a host starts with the folder to itself.
 */
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
const files = (dir: string): string[] =>
  fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)) : [];

it('`import-ledger --dry-run` leaves no copy of the workbook (names, ID numbers) in the data folder', async () => {
  const t = testCore();
  dirs.push(t.dir);
  t.as('admin');
  t.app.close();
  const src = tempDir();
  dirs.push(src);
  const wb = path.join(src, '台账.xlsx');
  fs.writeFileSync(wb, await bureauLedger());
  const r = await runCli(['--data', t.dir, 'import-ledger', wb, '--dry-run']);
  expect(r.stderr).toBe('');
  expect(files(path.join(t.dir, 'tmp'))).toEqual([]);
});

it('a host that starts with the folder to itself sweeps what killed processes left; not while another host runs', () => {
  const dir = tempDir();
  dirs.push(dir);
  openCore({ dataDir: dir }).close();
  const left = [
    'tmp/uploads/AAAAAAAAAAAAAAAAAAAAAA.bin',
    'tmp/uploads/AAAAAAAAAAAAAAAAAAAAAA.json',
    'tmp/uploads/BBBBBBBBBBBBBBBBBBBBBB.part',
    'tmp/exchange/0123456789abcdef/ledger.xlsx',
    'tmp/downloads/鄂0505_上报包_2025-W10_第1版.zip.part-0123456789ab',
    'efiles/tmp/0123456789abcdef01234567.part',
    'backups/full-2025.partial-999999/desk.sqlite',
    'backups/db-2025.sqlite.partial-999999',
  ];
  const plant = () => {
    for (const f of left) {
      fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      fs.writeFileSync(path.join(dir, f), '420505196001010011 张三');
    }
  };
  const other = openCore({ dataDir: dir });
  plant();
  const second = openCore({ dataDir: dir });
  // Another host is running: its uploads and exports may be in flight, so nothing is touched.
  for (const f of left) expect(fs.existsSync(path.join(dir, f)), f).toBe(true);
  second.close();
  other.close();
  const alone = openCore({ dataDir: dir });
  alone.close();
  for (const f of left) expect(fs.existsSync(path.join(dir, f)), f).toBe(false);
  expect(fs.existsSync(path.join(dir, 'desk.sqlite'))).toBe(true);
});

it('a backup that fails removes its .partial file', async () => {
  const t = testCore();
  dirs.push(t.dir);
  t.as('admin');
  const out = path.join(tempDir(), 'occupied');
  dirs.push(path.dirname(out));
  // The target name is taken by a non-empty folder: the final rename fails.
  fs.mkdirSync(path.join(out, 'x'), { recursive: true });
  await expect(backupTo(t.app, out)).rejects.toThrow();
  expect(fs.readdirSync(path.dirname(out))).toEqual(['occupied']);
  t.cleanup();
});
