import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { tempDir } from '../../support/core';

const root = path.resolve(import.meta.dirname, '../../..');
const bundled = path.join(root, 'out/main/server.js');

/**
 * `npm start` falls back to the BUNDLED browser-mode server (out/main/server.js), not the TypeScript
 * sources the other tests use: a dependency that loads from source but not from the bundle (e.g. a
 * JSON module) would break the app only for users. `npm test` builds before the unit tests run.
 */
it('the bundled browser-mode server starts on an empty data folder and serves the first-run page', async () => {
  expect(fs.existsSync(bundled), 'out/main/server.js is missing: run `npm run build` first').toBe(true);
  const dir = tempDir('xdesk-bundle-');
  const child = spawn(process.execPath, [bundled, '--data', dir], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(d.toString());
        if (m) resolve(m[0]);
      });
      child.on('exit', (code) => reject(new Error(`server exited (${code}): ${err}`)));
    });
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('lang="zh-CN"');
  } finally {
    child.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
