import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from './server';
import { testCore, type TestCore } from '../../test/support/core';
import { httpRequest } from '../../test/support/http';
import { createDownload } from '../core/files/downloads';
import { readStaged } from '../core/files/uploads';

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

const request = (path: string, opts: { method?: string; headers?: Record<string, string>; body?: Buffer } = {}) => httpRequest(s.port, path, opts);

/** A browser session logged in as a user of `role`. */
async function loggedIn(role: 'clerk' | 'leader') {
  const r = await request('/api/csrf');
  const cookie = String(r.headers['set-cookie']).split(';')[0]!;
  const csrf = JSON.parse(r.body.toString()).value.csrf as string;
  const u = t.as(role);
  t.app.sessions.bind(decodeURIComponent(cookie.split('=')[1]!), u.user.id);
  return { cookie, csrf, user: u.user };
}
const origin = () => `http://127.0.0.1:${s.port}`;
const upload = (sess: { cookie: string; csrf: string }, body: Buffer, forCall = 'ledger.import.preview', csrf = sess.csrf) =>
  request(`/api/file/upload?for=${forCall}&name=${encodeURIComponent('台账.xlsx')}`, {
    method: 'POST',
    headers: { Cookie: sess.cookie, 'X-CSRF-Token': csrf, Origin: origin(), 'Content-Type': 'application/octet-stream' },
    body,
  });

describe('upload route', () => {
  it('stages the body under an upload id for the user allowed to make the call', async () => {
    const sess = await loggedIn('clerk');
    const r = await upload(sess, Buffer.from('PK\u0003\u0004 some bytes'));
    const body = JSON.parse(r.body.toString());
    expect(body).toMatchObject({ ok: true, value: { name: '台账.xlsx', size: 15 } });
    const staged = readStaged(t.app, sess.user, body.value.uploadId);
    expect(staged.bytes.toString()).toBe('PK\u0003\u0004 some bytes');
  });

  it('refuses without the CSRF token, without login, and for a role the call does not allow', async () => {
    const sess = await loggedIn('clerk');
    expect((await upload(sess, Buffer.from('x'), 'ledger.import.preview', 'wrong')).status).toBe(403);
    const anon = await request('/api/csrf');
    const anonSess = { cookie: String(anon.headers['set-cookie']).split(';')[0]!, csrf: JSON.parse(anon.body.toString()).value.csrf };
    expect(JSON.parse((await upload(anonSess, Buffer.from('x'))).body.toString()).error.code).toBe('UNAUTHENTICATED');
    const leader = await loggedIn('leader');
    expect(JSON.parse((await upload(leader, Buffer.from('x'))).body.toString()).error.code).toBe('FORBIDDEN');
    expect(JSON.parse((await upload(sess, Buffer.from('x'), 'no.such.call')).body.toString()).error.code).toBe('INVALID_INPUT');
  });

  it('refuses a body over the limit', async () => {
    const sess = await loggedIn('clerk');
    const r = await upload(sess, Buffer.alloc(101 * 1024 * 1024, 1));
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body.toString()).error.message).toMatch(/超过 100 MB/);
  });
});

describe('download route', () => {
  it('serves a generated file to its owner with the CSRF token in the query, and to nobody else', async () => {
    const sess = await loggedIn('clerk');
    const d = createDownload(t.app, sess.user, { name: '导出台账.xlsx', bytes: Buffer.from('hello'), mime: 'application/octet-stream' });
    const ok = await request(`/api/file/download/${d.token}?csrf=${sess.csrf}`, { headers: { Cookie: sess.cookie } });
    expect(ok.status).toBe(200);
    expect(ok.body.toString()).toBe('hello');
    expect(String(ok.headers['content-disposition'])).toContain(`filename*=UTF-8''${encodeURIComponent('导出台账.xlsx')}`);
    expect((await request(`/api/file/download/${d.token}`, { headers: { Cookie: sess.cookie } })).status).toBe(403);
    const other = await loggedIn('clerk');
    expect((await request(`/api/file/download/${d.token}?csrf=${other.csrf}`, { headers: { Cookie: other.cookie } })).status).toBe(404);
  });
});
