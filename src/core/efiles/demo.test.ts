import fs from 'node:fs';
import { afterEach, expect, it } from 'vitest';
import { testCore, type TestCore } from '../../../test/support/core';
import { loadDemoData } from '../demo/demo';
import { blobPath } from './store';

let t: TestCore;
afterEach(() => t?.cleanup());

it('the demo gives several cases real PDFs (text layer) and scans in both volumes', async () => {
  t = testCore();
  const admin = t.as('admin');
  const t0 = Date.now();
  t.app.sqlite.transaction(() => loadDemoData(t.app, admin.user))();
  const ms = Date.now() - t0;
  const rows = t.app.sqlite.prepare('SELECT case_id, volume, kind, pages, sha256, title FROM efile_documents').all() as { case_id: number; volume: string; kind: string; pages: number; sha256: string; title: string }[];
  const cases = new Set(rows.map((r) => r.case_id));
  expect(cases.size).toBeGreaterThanOrEqual(2);
  expect(rows.some((r) => r.volume === '副卷')).toBe(true);
  expect(rows.some((r) => r.kind === 'image')).toBe(true);
  expect(rows.some((r) => r.title === '拘留决定书')).toBe(true);
  for (const r of rows) expect(fs.existsSync(blobPath(t.app, r.sha256))).toBe(true);
  const p = fs.readFileSync(blobPath(t.app, rows.find((r) => r.title === '查封裁定书')!.sha256));
  expect(p.subarray(0, 5).toString()).toBe('%PDF-');
  console.log(`demo e-files: ${rows.length} documents for ${cases.size} cases in ${ms} ms`);
  await new Promise((r) => setTimeout(r, 50));
}, 120_000);
