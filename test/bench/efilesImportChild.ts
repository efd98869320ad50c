import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { testCore } from '../support/core';
import { ensureYichangCourts } from '../support/yichangCourts';
import { updateSettings } from '../../src/core/settings/settings';
import { stageFile } from '../../src/core/files/uploads';

/**
 * Child process of efilesImport.bench.ts (so its peak RSS is the import's alone), bundled by the
 * bench with esbuild and run by plain Node as the app's hosts run the core (tsx alone would add
 * ~100 MB of transpiled pdf.js and sources to the figure): imports every file
 * of <srcDir> into one case through the core's import path — staged from its path as Electron's
 * dialog and the CLI do (`stageFile`), then the `efiles.import` call through the dispatcher (type
 * check, page count, section suggestion, content-addressed store with fsync, row + audit, text
 * index). OCR is switched off: it is background work after the import, not part of it.
 * Prints one JSON line: { ms, bytes, files, failed, maxRssBytes, setupRssBytes, peakSince }.
 */
const [srcDir] = process.argv.slice(2);
const t = testCore();
try {
  updateSettings(t.app, { ocrEnabled: false });
  const staff = t.as('staff', '张承办');
  ensureYichangCourts(t.app);
  const at = new Date().toISOString();
  const c = {
    id: Number(
      t.app.sqlite
        .prepare(`INSERT INTO cases (case_no, year, court_code, type_code, seq, cause, filed_on, handler_id, created_at, updated_at) VALUES ('（2025）鄂0505执8801号', 2025, '鄂0505', '执', 8801, '民间借贷纠纷', '2025-03-04', ?, ?, ?)`)
        .run(staff.user.id, at, at).lastInsertRowid,
    ),
  };
  const files = fs.readdirSync(srcDir!).sort().map((f) => path.join(srcDir!, f));
  // The peak should be the import's, not the set-up's (creating the user runs scrypt, 32 MB):
  // collect the set-up's garbage (the bench starts this process with --expose-gc), then, on Linux,
  // writing 5 to clear_refs resets the process's peak RSS (VmHWM) to its current RSS.
  (globalThis as { gc?: () => void }).gc?.();
  const setupRssBytes = process.memoryUsage().rss;
  const resetPeak = (() => {
    try {
      fs.writeFileSync('/proc/self/clear_refs', '5');
      return true;
    } catch {
      return false;
    }
  })();
  let bytes = 0;
  const failed: string[] = [];
  const t0 = performance.now();
  for (const f of files) {
    const staged = await stageFile(t.app, staff.user, 'efiles.import', f);
    const r = await staff.call('efiles.import', { caseId: c.id, uploadId: staged.uploadId, volume: '正卷' });
    if (!r.ok || r.value.duplicate) failed.push(`${path.basename(f)}: ${r.ok ? 'duplicate' : r.error.message}`);
    else bytes += r.value.document.size;
  }
  const ms = performance.now() - t0;
  const hwm = resetPeak ? /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1] : undefined;
  const maxRssBytes = hwm ? Number(hwm) * 1024 : process.resourceUsage().maxRSS * 1024;
  console.log(JSON.stringify({ ms, bytes, files: files.length, failed, maxRssBytes, setupRssBytes, peakSince: hwm ? 'import' : 'process start' }));
} finally {
  t.cleanup();
}
