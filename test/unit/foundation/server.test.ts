import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../src/server/server';
import { testCore, type TestCore } from '../../support/core';
import { httpRequest } from '../../support/http';

let t: TestCore;
let s: RunningServer;
beforeAll(async () => {
  t = testCore();
  s = await startServer({ app: t.app, rendererDir: t.dir });
});
afterAll(async () => {
  await s.close();
  t.cleanup();
});

/** The body as text: these tests read JSON and HTML. */
async function request(path: string, opts: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}) {
  const r = await httpRequest(s.port, path, opts);
  return { ...r, body: r.body.toString('utf8') };
}

async function session() {
  const r = await request('/api/csrf');
  const cookie = String(r.headers['set-cookie']).split(';')[0]!;
  return { cookie, csrf: JSON.parse(r.body).value.csrf as string, setCookie: String(r.headers['set-cookie']) };
}

const origin = () => `http://127.0.0.1:${s.port}`;

describe('browser-mode server', () => {
  it('an odd request path is answered, not an internal error', async () => {
    fs.writeFileSync(path.join(t.dir, 'index.html'), '<!doctype html><title>x</title>');
    for (const p of ['//', '//etc/passwd', '/%2e%2e/%2e%2e/etc/passwd']) {
      const r = await request(p);
      expect(r.status, p).toBeLessThan(500);
      expect(r.body, p).not.toContain('root:');
    }
  });

  it('sets an HttpOnly SameSite=Strict session cookie and a strict CSP', async () => {
    const { setCookie } = await session();
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const page = await request('/');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('answers calls with a matching CSRF token', async () => {
    const { cookie, csrf } = await session();
    const r = await request('/api/call/auth.status', { method: 'POST', headers: { Cookie: cookie, 'X-CSRF-Token': csrf, Origin: origin(), 'Content-Type': 'application/json' }, body: '{}' });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { initialized: false } });
  });

  it("writes the session's CSRF token into the page, so the page's first call needs no GET /api/csrf", async () => {
    fs.writeFileSync(path.join(t.dir, 'index.html'), '<html><head><meta name="xdesk-csrf" content="" /></head><body></body></html>');
    const page = await request('/');
    expect(page.headers['cache-control']).toBe('no-store');
    const cookie = String(page.headers['set-cookie']).split(';')[0]!;
    const token = /<meta name="xdesk-csrf" content="([^"]+)"/.exec(page.body)?.[1];
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const r = await request('/api/call/auth.status', { method: 'POST', headers: { Cookie: cookie, 'X-CSRF-Token': token!, Origin: origin(), 'Content-Type': 'application/json' }, body: '{}' });
    expect(r.status).toBe(200);
    // The same session gets the same token from GET /api/csrf; another session gets another.
    const again = await request('/api/csrf', { headers: { Cookie: cookie } });
    expect(JSON.parse(again.body).value.csrf).toBe(token);
    const other = await request('/');
    expect(/content="([^"]+)"/.exec(other.body)?.[1]).not.toBe(token);
    // A token from one session does not open another.
    const otherCookie = String(other.headers['set-cookie']).split(';')[0]!;
    const refused = await request('/api/call/auth.status', { method: 'POST', headers: { Cookie: otherCookie, 'X-CSRF-Token': token!, Origin: origin() }, body: '{}' });
    expect(refused.status).toBe(403);
  });

  it('refuses a call without the CSRF token', async () => {
    const { cookie } = await session();
    const r = await request('/api/call/auth.status', { method: 'POST', headers: { Cookie: cookie, Origin: origin() }, body: '{}' });
    expect(r.status).toBe(403);
    expect(JSON.parse(r.body).error.code).toBe('CSRF');
  });

  it('refuses a foreign Origin even with a valid token', async () => {
    const { cookie, csrf } = await session();
    const r = await request('/api/call/auth.setupAdmin', {
      method: 'POST',
      headers: { Cookie: cookie, 'X-CSRF-Token': csrf, Origin: 'http://evil.example' },
      body: JSON.stringify({ username: 'evil', displayName: 'x', password: 'password123' }),
    });
    expect(r.status).toBe(403);
    expect((t.app.sqlite.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n).toBe(0);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const r = await request('/', { headers: { Host: `attacker.example:${s.port}` } });
    expect(r.status).toBe(421);
  });

  it('refuses a body over 10 MB without reading it', async () => {
    const { cookie, csrf } = await session();
    const big = Buffer.alloc(10 * 1024 * 1024 + 10, 0x20);
    const r = await request('/api/call/auth.status', { method: 'POST', headers: { Cookie: cookie, 'X-CSRF-Token': csrf, Origin: origin() }, body: big });
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body).error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers malformed JSON with a Chinese message', async () => {
    const { cookie, csrf } = await session();
    const r = await request('/api/call/auth.status', { method: 'POST', headers: { Cookie: cookie, 'X-CSRF-Token': csrf, Origin: origin() }, body: '{nope' });
    expect(JSON.parse(r.body).error.message).toContain('JSON');
  });
});
