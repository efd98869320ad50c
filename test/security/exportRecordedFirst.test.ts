import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { testCore, type TestCore } from '../support/core';
import { cliPrincipal } from '../../src/cli/context';
import { exportPackage } from '../../src/core/exchange/exportPackage';
import { fakeDeps } from '../unit/exchange/fixtures';

/**
 * Issue 12 §10: an export killed after its package was renamed to the final name, but before the
 * history row and audit were written, left a 第1版 file nobody knew of — and the re-run made a
 * second 第1版. The row and its audit row are now committed before the rename, so whenever a
 * package exists under its final name, its history row does.
 */
let t: TestCore;
let restore: () => void;
beforeEach(() => {
  t = testCore({ now: '2025-03-10T02:00:00Z' });
  restore = fakeDeps();
});
afterEach(() => {
  vi.restoreAllMocks();
  restore();
  t.cleanup();
});

it('the history row and audit row exist at the moment the package appears under its final name', async () => {
  const out = path.join(t.dir, 'out', '上报包.zip');
  const seen: { rows: number; audited: number }[] = [];
  const rename = fs.renameSync;
  vi.spyOn(fs, 'renameSync').mockImplementation((from, to) => {
    if (String(to) === out) {
      seen.push({
        rows: (t.app.sqlite.prepare('SELECT count(*) AS n FROM exchange_exports').get() as { n: number }).n,
        audited: (t.app.sqlite.prepare("SELECT count(*) AS n FROM audit_log WHERE record_type = 'exchange_export'").get() as { n: number }).n,
      });
    }
    return rename(from, to);
  });
  const r = await exportPackage(t.app, cliPrincipal(), { week: '2025-W10', cases: [], includeVolumes: false, includeDocuments: false, includeSecondary: false }, out);
  expect(seen).toEqual([{ rows: 1, audited: 1 }]);
  expect(r.revision).toBe(1);
  // Killed right after the rename (simulated: the process ends here) — the re-run is 第2版, never a second 第1版.
  const again = await exportPackage(t.app, cliPrincipal(), { week: '2025-W10', cases: [], includeVolumes: false, includeDocuments: false, includeSecondary: false }, path.join(t.dir, 'out', '再次.zip'));
  expect(again.revision).toBe(2);
});

it('an export that fails before the rename records nothing and leaves no file', async () => {
  const out = path.join(t.dir, 'out', '上报包.zip');
  const rename = fs.renameSync;
  vi.spyOn(fs, 'renameSync').mockImplementation((from, to) => {
    if (String(to) === out) throw Object.assign(new Error('EIO: i/o error, rename'), { code: 'EIO' });
    return rename(from, to);
  });
  await expect(exportPackage(t.app, cliPrincipal(), { week: '2025-W10', cases: [], includeVolumes: false, includeDocuments: false, includeSecondary: false }, out)).rejects.toThrow('EIO');
  expect(t.app.sqlite.prepare('SELECT count(*) AS n FROM exchange_exports').get()).toEqual({ n: 0 });
  expect(fs.readdirSync(path.dirname(out))).toEqual([]);
});
