import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import { median, ms, type Bench } from './harness';

const root = path.resolve(import.meta.dirname, '../..');

/** Spawns browser mode on an empty data folder and resolves with the URL once it listens. */
function startServer(dir: string): Promise<{ url: string; stop: () => void }> {
  return new Promise((resolve, reject) => {
    // The bundled browser-mode server, exactly what `npm start` falls back to.
    const child = spawn(process.execPath, ['out/main/server.js', '--data', dir], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.on('data', (d: Buffer) => {
      const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(d.toString());
      if (m) resolve({ url: m[0], stop: () => child.kill() });
    });
    child.on('error', reject);
  });
}

export const coldStartBench: Bench = {
  name: 'browser mode cold start (empty data folder → first-run page visible)',
  run: async () => {
    if (!fs.existsSync(path.join(root, 'out/main/server.js'))) spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' });
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
    const toListen: number[] = [];
    const toPage: number[] = [];
    const bareNode: number[] = [];
    // Where the time goes: opening a tab (Playwright's new context + page), then goto → page visible.
    const openTab: number[] = [];
    const gotoToVisible: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      spawnSync(process.execPath, ['-e', '0']);
      bareNode.push(performance.now() - t0);

      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xdesk-cold-'));
      const start = performance.now();
      const server = await startServer(dir);
      toListen.push(performance.now() - start);
      const beforeTab = performance.now();
      const page = await browser.newPage();
      const beforeGoto = performance.now();
      openTab.push(beforeGoto - beforeTab);
      await page.goto(server.url);
      await page.getByText('首次使用：创建管理员账户').waitFor();
      toPage.push(performance.now() - start);
      gotoToVisible.push(performance.now() - beforeGoto);
      await page.close();
      server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
    await browser.close();
    const [l, p, n, t, g] = [toListen, toPage, bareNode, openTab, gotoToVisible].map((a) => median(a.sort((x, y) => x - y)));
    return [
      { name: 'process start → listening (median of 5)', figure: ms(l), baseline: `bare \`node -e 0\` ${ms(n)}`, ratio: `${(l / n).toFixed(1)}×` },
      { name: 'process start → first-run page rendered (median of 5)', figure: ms(p), target: '≤ 1000 ms', pass: p <= 1000 },
      { name: '  of which: opening a tab in the running browser', figure: ms(t) },
      { name: '  of which: goto → first-run page visible', figure: ms(g) },
    ];
  },
};
