import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { testCore, type TestCore } from '../../../test/support/core';
import { seedCase, textPdf } from '../../../test/support/efiles';
import { blobPath } from '../../core/efiles/store';

const root = path.resolve(import.meta.dirname, '../../..');
let t: TestCore;
let caseNo = '';
const cli = (...args: string[]) =>
  spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'src/cli/main.ts', '--data', t.dir, ...args], { cwd: root, encoding: 'utf8' });

beforeAll(() => {
  t = testCore();
  caseNo = seedCase(t.app, null).caseNo;
  const scans = path.join(t.dir, 'scanner-out', '第一批');
  fs.mkdirSync(scans, { recursive: true });
  fs.writeFileSync(path.join(scans, '01 执行通知书.pdf'), textPdf([['执行通知书']]));
  fs.writeFileSync(path.join(scans, '02 查封裁定书.pdf'), textPdf([['查封裁定书'], ['第二页']]));
  fs.writeFileSync(path.join(scans, '03 坏文件.pdf'), 'not a pdf');
  fs.writeFileSync(path.join(scans, '.DS_Store'), 'x');
});
afterAll(() => t.cleanup());

it('efile import takes a whole folder, reports each failure and goes on; verify finds a missing file', () => {
  const r = cli('efile', 'import', caseNo, path.join(t.dir, 'scanner-out'), '--json');
  expect(r.status, r.stderr).toBe(2);
  const out = JSON.parse(r.stdout);
  expect(out).toMatchObject({ imported: 2, failed: 1 });
  expect(out.results.find((x: { ok: boolean }) => !x.ok).reason).toContain('「03 坏文件.pdf」不是有效的 PDF');
  const rows = t.app.sqlite.prepare('SELECT title, pages, sha256 FROM efile_documents ORDER BY id').all() as { title: string; pages: number; sha256: string }[];
  expect(rows.map((x) => [x.title, x.pages])).toEqual([['执行通知书', 1], ['查封裁定书', 2]]);

  expect(cli('efile', 'verify').status).toBe(0);
  fs.rmSync(blobPath(t.app, rows[0]!.sha256));
  const v = cli('efile', 'verify');
  expect(v.status).toBe(3);
  expect(v.stdout).toContain('缺失');
  expect(v.stdout).toContain('执行通知书');
}, 180_000); // three CLI processes; slow when the shared 2-core machine is busy
