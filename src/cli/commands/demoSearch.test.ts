import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, expect, it } from 'vitest';
import { openCore } from '../../core/app';
import { updateSettings } from '../../core/settings/settings';
import { tempDir } from '../../../test/support/core';

// `demo` then `search`: the CLI exits right after the demo transaction, so the demo's documents
// must be indexed before it does (and `search` indexes any left over) — otherwise the demo's
// search finds nothing.
const root = path.resolve(import.meta.dirname, '../../..');
const dir = tempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const cli = (...args: string[]) =>
  spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'src/cli/main.ts', '--data', dir, ...args], { cwd: root, encoding: 'utf8' });

it('after `demo`, `search` finds the demo documents (2-character words and a 案号 fragment)', () => {
  // OCR off: the scans stay queued; the text PDFs are what this is about, and tesseract stays out.
  const app = openCore({ dataDir: dir });
  updateSettings(app, { ocrEnabled: false });
  app.close();

  const demo = cli('demo');
  expect(demo.status, demo.stderr).toBe(0);
  const indexed = openCore({ dataDir: dir });
  const counts = indexed.sqlite
    .prepare("SELECT (SELECT COUNT(*) FROM efile_documents WHERE kind = 'pdf') AS pdfs, (SELECT COUNT(*) FROM efile_text_docs t JOIN efile_documents d ON d.id = t.document_id WHERE d.kind = 'pdf') AS indexed")
    .get() as { pdfs: number; indexed: number };
  indexed.close();
  expect(counts.pdfs).toBeGreaterThan(0);
  expect(counts.indexed).toBe(counts.pdfs);

  const seal = cli('search', '查封', '--json');
  expect(seal.status, seal.stderr).toBe(0);
  const titles = (JSON.parse(seal.stdout) as { hits: { title: string }[] }).hits.map((h) => h.title);
  expect(titles).toContain('查封裁定书');
  expect(cli('search', '拘留').stdout).toContain('拘留决定书');
  expect(cli('search', '鄂0505执').stdout).not.toContain('没有找到');
}, 180_000); // each CLI run starts tsx; the demo generates its PDFs and scans
