import fs from 'node:fs';
import { expect, it } from 'vitest';
import { BUNDLED_SERVER as bundled, startBundledServer } from '../../support/bundledServer';

/** Libraries only document work needs; each costs tens to hundreds of ms to load (docs/benchmarks.md, cold start). */
const HEAVY = ['pdfkit', 'pdf-lib', 'docx', 'exceljs', 'file-type', 'utif2', '@napi-rs/canvas', 'tesseract.js', 'pdfjs-dist', 'fontkit', '@pdf-lib/fontkit', 'yauzl'];

// Prints every module the process resolves (import and require alike) on stderr.
const HOOK =
  'data:text/javascript,' +
  encodeURIComponent(
    `import { registerHooks } from 'node:module';
     registerHooks({ resolve(s, c, next) { const r = next(s, c); process.stderr.write('XDESK_RESOLVED ' + r.url + '\\n'); return r; } });`,
  );

/**
 * Cold start (issue 2): opening the app must not pay for generating documents. The bundled server
 * is started on an empty data folder and asked what the first-run page asks (the page, then
 * auth.status with the token the page carries); no document library may have been loaded by then
 * (src/core/lazyModules.ts).
 */
it('browser mode starts and answers the first page without loading any document library', async () => {
  expect(fs.existsSync(bundled), 'out/main/server.js is missing: run `npm run build` first').toBe(true);
  const server = await startBundledServer(['--import', HOOK]);
  try {
    const url = server.url;
    // The page as the browser gets it: with the session cookie and its CSRF token written in, which
    // its first call (auth.status) uses without asking GET /api/csrf.
    const page = await fetch(url);
    expect(page.status).toBe(200);
    const cookie = String(page.headers.get('set-cookie')).split(';')[0]!;
    const token = /<meta name="xdesk-csrf" content="([A-Za-z0-9_-]{20,})"/.exec(await page.text())?.[1];
    expect(token, 'the built index.html lost its xdesk-csrf slot').toBeTruthy();
    const status = await fetch(`${url}api/call/auth.status`, {
      method: 'POST',
      headers: { Cookie: cookie, 'X-CSRF-Token': token!, Origin: url.replace(/\/$/, ''), 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(await status.json()).toMatchObject({ ok: true, value: { initialized: false } });

    const resolved = server.stderr().split('\n').filter((l) => l.startsWith('XDESK_RESOLVED ')).map((l) => l.slice('XDESK_RESOLVED '.length));
    // The hook really saw the start-up (better-sqlite3 is always loaded), so an empty result below means something.
    expect(resolved.some((u) => u.includes('/node_modules/better-sqlite3/'))).toBe(true);
    const heavy = resolved.filter((u) => HEAVY.some((h) => u.includes(`/node_modules/${h}/`)));
    expect(heavy).toEqual([]);
  } finally {
    server.stop();
  }
});
