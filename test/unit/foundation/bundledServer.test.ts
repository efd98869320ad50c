import fs from 'node:fs';
import { expect, it } from 'vitest';
import { BUNDLED_SERVER as bundled, startBundledServer } from '../../support/bundledServer';

/**
 * `npm start` falls back to the BUNDLED browser-mode server (out/main/server.js), not the TypeScript
 * sources the other tests use: a dependency that loads from source but not from the bundle (e.g. a
 * JSON module) would break the app only for users. `npm test` builds before the unit tests run.
 */
it('the bundled browser-mode server starts on an empty data folder and serves the first-run page', async () => {
  expect(fs.existsSync(bundled), 'out/main/server.js is missing: run `npm run build` first').toBe(true);
  const server = await startBundledServer();
  try {
    const url = server.url;
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('lang="zh-CN"');
  } finally {
    server.stop();
  }
});
