import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { testCore, type TestCore } from '../../../test/support/core';
import { seedCase, textPdf } from '../../../test/support/efiles';
import { fileGeneratedDocument } from '../../core/efiles/fileGenerated';
import { updateSettings } from '../../core/settings/settings';

const root = path.resolve(import.meta.dirname, '../../..');
let t: TestCore;
let caseNo = '';
const cli = (...args: string[]) =>
  spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'src/cli/main.ts', '--data', t.dir, ...args], { cwd: root, encoding: 'utf8' });

beforeAll(async () => {
  t = testCore();
  updateSettings(t.app, { ocrEnabled: false }); // text PDFs only; keep tesseract out of this test
  const c = seedCase(t.app, null, 515);
  caseNo = c.caseNo;
  await fileGeneratedDocument(t.app, { caseId: c.id, volume: '正卷', title: '查封裁定书', fileName: '查封.pdf', bytes: textPdf([['查封裁定书', caseNo, '查封被执行人张某房产。'], ['第二页']]), userId: 0 });
});
afterAll(() => t.cleanup());

it('search finds a 2-character word and a 案号 fragment, as text and as JSON', () => {
  const r = cli('search', '查封', '--json');
  expect(r.status, r.stderr).toBe(0);
  const out = JSON.parse(r.stdout);
  expect(out.hits[0]).toMatchObject({ caseNo, title: '查封裁定书', page: 1 });
  const human = cli('search', '鄂0505执515', '--case', caseNo);
  expect(human.stdout).toContain('「查封裁定书」 第 1 页');
  expect(human.stdout).toContain('【');
  expect(cli('search', '拘留').stdout).toContain('没有找到「拘留」');
}, 120_000); // each CLI run starts tsx (~2 s, far more on a loaded machine)

it('efile bind writes the bound volume where asked', async () => {
  const out = path.join(t.dir, 'bound', '正卷.pdf');
  const r = cli('efile', 'bind', caseNo, '--volume', '正卷', '--out', out);
  expect(r.status, r.stderr).toBe(0);
  // The file holds 卷皮, 卷内目录, the documents, 备考表 and 卷底; the CLI reports the file's own page count.
  const pages = (await PDFDocument.load(fs.readFileSync(out))).getPageCount();
  expect(pages).toBe(6);
  expect(r.stdout).toContain(`共 ${pages} 页`);
  const bad = cli('efile', 'bind', caseNo, '--volume', '副卷', '--out', out);
  expect(bad.status).not.toBe(0);
  expect(bad.stderr).toContain('还没有文件');
}, 120_000);
