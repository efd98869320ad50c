import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { createCanvas } from '@napi-rs/canvas';
import { createUser } from '../../src/core/auth/users';
import { updateSettings } from '../../src/core/settings/settings';
import { fileGeneratedDocument } from '../../src/core/efiles/fileGenerated';
import { seedCase } from '../support/efiles';
import { test, expect, login } from './server';
import { scanPdf } from './efilesFixtures';

// The viewer as it runs in Electron, where there is no HTTP: window.xdesk (the preload's bridge) is
// present, so the renderer must read documents only through `readEfile` in ranges (pdf.js range
// transport) and save them through `saveEfile`. No Electron binary can run here, so the bridge is
// played by a script that forwards to the real core behind the browser routes — the same core check
// (openSessionDocument) the Electron main process calls; its own part is unit-tested in
// src/core/efiles/content.test.ts.
const SHOTS = path.resolve(import.meta.dirname, '../../out/test-results/efiles');

const BRIDGE = `(() => {
  let csrf = null;
  const token = async () => (csrf ??= fetch('/api/csrf', { credentials: 'same-origin' }).then((r) => r.json()).then((r) => r.value.csrf));
  window.__reads = [];
  window.__saves = [];
  window.xdesk = {
    call: async (name, input) => {
      const r = await fetch('/api/call/' + name, { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': await token() }, body: JSON.stringify(input ?? {}) });
      // Signing in renews the session id and its CSRF token (src/server/server.ts).
      if (r.headers.get('X-Xdesk-Csrf')) csrf = Promise.resolve(r.headers.get('X-Xdesk-Csrf'));
      return r.json();
    },
    readEfile: async (id, begin, end) => {
      window.__reads.push([id, begin, end]);
      const r = await fetch('/api/file/efile/' + id + '?csrf=' + encodeURIComponent(await token()), { credentials: 'same-origin', headers: { Range: 'bytes=' + begin + '-' + (end - 1) } });
      if (r.status !== 206) return r.json();
      const length = Number((r.headers.get('Content-Range') || '').split('/')[1]);
      return { ok: true, value: { length, bytes: new Uint8Array(await r.arrayBuffer()) } };
    },
    saveEfile: async (id) => {
      window.__saves.push(id);
      return { ok: true, value: { saved: '/home/张承办/下载/' + id + '.pdf' } };
    },
  };
})();`;

type Reads = [number, number, number][];
const reads = (page: Page) => page.evaluate(() => (window as unknown as { __reads: Reads }).__reads);

function photo(): Buffer {
  const c = createCanvas(600, 840);
  const g = c.getContext('2d');
  g.fillStyle = '#efe9dc';
  g.fillRect(0, 0, 600, 840);
  g.fillStyle = '#7a1f1f';
  g.fillRect(60, 80, 480, 12);
  return c.toBuffer('image/jpeg');
}

test('in Electron the viewer reads a document by ranges through the bridge and saves it through the native dialog', async ({ page, server }) => {
  test.setTimeout(180_000);
  fs.mkdirSync(SHOTS, { recursive: true });
  updateSettings(server.app, { ocrEnabled: false });
  const zhang = createUser(server.app, { username: 'zhang', displayName: '张承办', role: 'staff', password: 'password123' });
  const c = seedCase(server.app, zhang.id, 4321);
  const scan = await scanPdf(40);
  const pdf = await fileGeneratedDocument(server.app, { caseId: c.id, volume: '副卷', title: '执行方案（扫描件）', fileName: '执行方案.pdf', bytes: scan, userId: zhang.id });
  const img = await fileGeneratedDocument(server.app, { caseId: c.id, volume: '正卷', title: '现场照片', fileName: '现场.jpg', bytes: photo(), userId: zhang.id });

  await page.addInitScript(BRIDGE);
  await login(page, server.url, 'zhang', 'password123');

  // A 40-page scan: page 1 is drawn from the first ranges, without reading the whole file.
  await page.goto(`${server.url}#/efiles/doc/${pdf.documentId}`);
  await expect(page.getByTestId('pdf-page-count')).toHaveText('/ 40 页');
  await expect(page.locator('.xd-pdf-page[data-page="1"][data-drawn="true"]')).toBeVisible();
  const first = await reads(page);
  expect(first[0]).toEqual([pdf.documentId, 0, 64 * 1024]);
  const bytesRead = first.reduce((n, [, b, e]) => n + Math.min(e, scan.length) - b, 0);
  expect(bytesRead).toBeLessThan(scan.length / 2);
  // The 副卷 document was viewed: one audit entry, however many ranges the viewer read.
  const viewAudits = () => (server.app.sqlite.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE call = 'efiles.view'").get() as { n: number }).n;
  expect(viewAudits()).toBe(1);

  // Jumping to the last page reads more ranges, still through the bridge.
  await page.getByLabel('页码').fill('40');
  await page.getByLabel('页码').press('Enter');
  await expect(page.locator('.xd-pdf-page[data-page="40"][data-drawn="true"]')).toBeVisible();
  expect((await reads(page)).length).toBeGreaterThan(first.length);
  await page.screenshot({ path: path.join(SHOTS, 'desktop-bridge-pdf.png') });

  // 下载原文件: the native save dialog (saveEfile), not a browser download.
  await page.getByRole('button', { name: '下载原文件' }).click();
  await expect(page.getByText(`已保存到 /home/张承办/下载/${pdf.documentId}.pdf`)).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __saves: number[] }).__saves)).toEqual([pdf.documentId]);

  // An image: read whole through the bridge into a blob: URL (Electron cannot fetch a file route).
  await page.goto(`${server.url}#/efiles/doc/${img.documentId}`);
  const image = page.getByRole('img', { name: '现场照片' });
  await expect(image).toBeVisible();
  expect(await image.getAttribute('src')).toMatch(/^blob:/);
  expect((await reads(page)).some(([id]) => id === img.documentId)).toBe(true);
  await page.screenshot({ path: path.join(SHOTS, 'desktop-bridge-image.png') });
});
