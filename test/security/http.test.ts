import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/server';
import { SessionIds } from '../../src/server/sessionIds';
import { SessionStore, MAX_SESSIONS } from '../../src/core/auth/sessions';
import { testCore, type TestCore } from '../support/core';
import { httpRequest } from '../support/http';

/**
 * Issue 12 §13: malformed requests are answered (400), never an internal error; the tables the server
 * keeps per visitor are bounded and expire; deeply nested JSON is refused before it is parsed.
 */
let t: TestCore;
let s: RunningServer;
beforeAll(async () => {
  t = testCore();
  fs.writeFileSync(path.join(t.dir, 'index.html'), '<!doctype html><title>x</title>');
  s = await startServer({ app: t.app, rendererDir: t.dir });
});
afterAll(async () => {
  await s.close();
  t.cleanup();
});

async function session() {
  const r = await httpRequest(s.port, '/api/csrf');
  return { cookie: String(r.headers['set-cookie']).split(';')[0]!, csrf: JSON.parse(r.body.toString()).value.csrf as string };
}

describe('malformed percent-encoding (issue 12 §13)', () => {
  it('a bad escape in the path is a 400, not a 500', async () => {
    for (const p of ['/%E0%A4%A', '/assets/%zz.js', '/%', '/%C0%AF']) {
      const r = await httpRequest(s.port, p);
      expect(r.status, p).toBe(400);
    }
  });

  it('a bad escape in the cookie does not break the request', async () => {
    const r = await httpRequest(s.port, '/api/csrf', { headers: { Cookie: 'xdesk_sid=%E0%A4%A; other=%' } });
    expect(r.status).toBe(200);
  });

  it('a bad escape in a file route or query answers below 500', async () => {
    const { cookie, csrf } = await session();
    for (const p of [`/api/file/download/%E0%A4%A?csrf=${csrf}`, `/api/file/efile/1?csrf=%E0%A4%A`, `/api/call/auth.status%`]) {
      const r = await httpRequest(s.port, p, { method: p.includes('/call/') ? 'POST' : 'GET', headers: { Cookie: cookie, 'X-CSRF-Token': csrf } });
      expect(r.status, p).toBeLessThan(500);
    }
  });
});

describe('deep JSON (issue 12 §13)', () => {
  it('a body nested deeper than 64 levels is refused before parsing, with a Chinese message', async () => {
    const { cookie, csrf } = await session();
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const r = await httpRequest(s.port, '/api/call/auth.status', { method: 'POST', headers: { Cookie: cookie, 'X-CSRF-Token': csrf, 'Content-Type': 'application/json' }, body: deep });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body.toString()).error.message).toContain('嵌套');
    // Brackets inside strings are text, not nesting.
    const text = JSON.stringify({ q: '['.repeat(1000) });
    const ok = await httpRequest(s.port, '/api/call/auth.status', { method: 'POST', headers: { Cookie: cookie, 'X-CSRF-Token': csrf, 'Content-Type': 'application/json' }, body: text });
    expect(ok.status).toBe(200);
  });
});

describe('bounded, expiring tables (issue 12 §13)', () => {
  it('issued session ids: beyond the limit the least recently used goes, and the bound session with it', () => {
    let now = 0;
    const dropped: string[] = [];
    const ids = new SessionIds({ max: 3, idleMs: 1000, now: () => now, onDrop: (sid) => dropped.push(sid) });
    const a = ids.issue();
    const b = ids.issue();
    ids.issue();
    expect(ids.known(a.sid)).not.toBeNull(); // a used again: b is now the oldest
    ids.issue();
    expect(ids.size).toBe(3);
    expect(ids.known(b.sid)).toBeNull();
    expect(dropped).toEqual([b.sid]);
    now = 5000;
    expect(ids.known(a.sid)).toBeNull();
  });

  it('a flood of cookie-less requests does not grow the table past its limit', async () => {
    // The real server's limit is 10 000; 200 requests must each get an id, and old ones expire from the front.
    const ids = new SessionIds({ max: 50 });
    for (let i = 0; i < 200; i++) ids.issue();
    expect(ids.size).toBe(50);
  });

  it('sessions: a day unused ends them; more than the limit drops the least recently used', () => {
    let now = Date.parse('2026-01-01T00:00:00Z');
    const store = new SessionStore(() => new Date(now));
    store.bind('k1', 1);
    now += 25 * 3_600_000;
    expect(store.peek('k1', 15)).toBeNull();
    for (let i = 0; i < MAX_SESSIONS + 5; i++) store.bind(`s${i}`, i);
    expect(store.size).toBe(MAX_SESSIONS);
    expect(store.peek('s0', 15)).toBeNull();
    expect(store.peek(`s${MAX_SESSIONS + 4}`, 15)).not.toBeNull();
  });
});
