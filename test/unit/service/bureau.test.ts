import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSelfSignedCertificate } from '../../../src/server/bureau/x509';
import { certificateFingerprint, fingerprintMatches, normalizeFingerprint } from '../../../src/server/bureau/fingerprint';
import { bureauCertificate } from '../../../src/server/bureau/certificate';
import { BureauConfigError, CONFIG_FILE, loadBureauConfig } from '../../../src/server/bureau/config';
import { startBureauServer, type RunningBureau } from '../../../src/server/bureau/serve';
import { startServer, type RunningServer } from '../../../src/server/server';
import { notify } from '../../../src/core/notifications/notifications';
import { testCore, tempDir, type TestCore } from '../../support/core';

type Res = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

/** One HTTPS request to 127.0.0.1, with the Host header a workstation would send. */
function tlsRequest(port: number, p: string, o: { method?: string; headers?: Record<string, string>; body?: string; host?: string } = {}): Promise<Res> {
  return new Promise((resolve, reject) => {
    const req = https.request({ host: '127.0.0.1', port, path: p, method: o.method ?? 'GET', rejectUnauthorized: false, headers: { Host: `${o.host ?? '127.0.0.1'}:${port}`, ...o.headers } }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(o.body);
  });
}

describe('bureau certificate', () => {
  it('is a valid self-signed X.509 certificate naming the configured hosts', () => {
    const { certPem } = makeSelfSignedCertificate({ commonName: 'xdesk.court.local', hostNames: ['xdesk.court.local', '10.1.2.3', '::1'], days: 730 });
    const c = new X509Certificate(certPem);
    expect(c.verify(c.publicKey)).toBe(true);
    expect(c.checkHost('xdesk.court.local')).toBe('xdesk.court.local');
    expect(c.checkIP('10.1.2.3')).toBe('10.1.2.3');
    expect(c.checkIP('0:0:0:0:0:0:0:1')).toBeTruthy();
    expect(c.checkHost('evil.example')).toBeUndefined();
    expect(c.ca).toBe(false);
    const days = (new Date(c.validTo).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(729);
    expect(days).toBeLessThan(731);
  });

  it('is made once at first start, kept across restarts, and renewed under the same key (same fingerprint) for a new host name', () => {
    const dir = tempDir();
    const cfg = loadBureauConfig(dir, ['--host-name', 'xdesk.court.local', '--port', '0', '--listen', '127.0.0.1']);
    const first = bureauCertificate(dir, cfg);
    expect(first.source).toBe('bureau');
    expect(fs.statSync(path.join(dir, 'tls/bureau-key.pem')).mode & 0o077).toBe(0);
    const again = bureauCertificate(dir, cfg);
    expect(again.cert).toBe(first.cert);
    const renamed = bureauCertificate(dir, { ...cfg, hostNames: ['xdesk.court.local', '10.9.8.7'] });
    expect(renamed.cert).not.toBe(first.cert);
    expect(new X509Certificate(renamed.cert).checkIP('10.9.8.7')).toBe('10.9.8.7');
    expect(renamed.fingerprint).toBe(first.fingerprint);
    // Near expiry it is renewed, still under the pinned key.
    const later = bureauCertificate(dir, { ...cfg, hostNames: ['xdesk.court.local', '10.9.8.7'] }, new Date(Date.now() + 715 * 86_400_000));
    expect(later.cert).not.toBe(renamed.cert);
    expect(later.fingerprint).toBe(first.fingerprint);
  });

  it("uses an administrator's certificate, refusing a key that does not match it", () => {
    const dir = tempDir();
    const a = makeSelfSignedCertificate({ commonName: 'a', hostNames: ['a.court'], days: 30 });
    const b = makeSelfSignedCertificate({ commonName: 'b', hostNames: ['b.court'], days: 30 });
    fs.writeFileSync(path.join(dir, 'a.pem'), a.certPem);
    fs.writeFileSync(path.join(dir, 'a.key'), a.keyPem);
    fs.writeFileSync(path.join(dir, 'b.key'), b.keyPem);
    const base = { listen: '0.0.0.0', port: 8443, hostNames: ['a.court'] };
    const ok = bureauCertificate(dir, { ...base, certFile: path.join(dir, 'a.pem'), keyFile: path.join(dir, 'a.key') });
    expect(ok.source).toBe('administrator');
    expect(ok.fingerprint).toBe(certificateFingerprint(a.certPem));
    expect(() => bureauCertificate(dir, { ...base, certFile: path.join(dir, 'a.pem'), keyFile: path.join(dir, 'b.key') })).toThrow('私钥与证书不匹配');
    expect(fs.existsSync(path.join(dir, 'tls'))).toBe(false);
  });

  it('fingerprints are compared however a person typed them', () => {
    const { certPem } = makeSelfSignedCertificate({ commonName: 'x', hostNames: ['x'], days: 1 });
    const fp = certificateFingerprint(certPem);
    expect(fp).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(fingerprintMatches(certPem, fp.toLowerCase().replace(/:/g, ' '))).toBe(true);
    expect(fingerprintMatches(certPem, `SHA256:${fp.replace(/:/g, '')}`)).toBe(true);
    expect(fingerprintMatches(certPem, fp.replace(/^../, '00'))).toBe(fp.startsWith('00'));
    expect(normalizeFingerprint('12:34')).toBeNull();
  });
});

describe('bureau configuration', () => {
  it('is written at the first start and read afterwards; flags win for one run', () => {
    const dir = tempDir();
    const first = loadBureauConfig(dir, ['--host-name', 'xdesk.court.local,10.1.2.3', '--port', '9443']);
    expect(first).toEqual({ listen: '0.0.0.0', port: 9443, hostNames: ['xdesk.court.local', '10.1.2.3'], certFile: null, keyFile: null });
    expect(JSON.parse(fs.readFileSync(path.join(dir, CONFIG_FILE), 'utf8'))).toEqual(first);
    expect(loadBureauConfig(dir, [])).toEqual(first);
    expect(loadBureauConfig(dir, ['--port', '9444']).port).toBe(9444);
    expect(loadBureauConfig(dir, []).port).toBe(9443);
  });

  it('refuses bad values with a Chinese message naming the setting', () => {
    const dir = tempDir();
    expect(() => loadBureauConfig(dir, ['--listen', 'everywhere'])).toThrow(/监听地址「everywhere」无效/);
    expect(() => loadBureauConfig(dir, ['--port', '70000'])).toThrow(/端口「70000」无效/);
    expect(() => loadBureauConfig(dir, ['--host-name', 'bad_name!'])).toThrow(/主机名「bad_name!」无效/);
    expect(() => loadBureauConfig(dir, ['--cert', 'x.pem'])).toThrow(BureauConfigError);
    expect(fs.existsSync(path.join(dir, CONFIG_FILE))).toBe(false);
  });
});

describe('bureau server over TLS', () => {
  let t: TestCore;
  let s: RunningServer;
  beforeAll(async () => {
    t = testCore();
    fs.writeFileSync(path.join(t.dir, 'index.html'), '<html><head><meta name="xdesk-csrf" content="" /></head></html>');
    const { certPem, keyPem } = makeSelfSignedCertificate({ commonName: 'xdesk.court.local', hostNames: ['xdesk.court.local', '127.0.0.1'], days: 30 });
    s = await startServer({ app: t.app, rendererDir: t.dir, hostNames: ['xdesk.court.local'], tls: { cert: certPem, key: keyPem } });
  });
  afterAll(async () => {
    await s.close();
    t.cleanup();
  });

  async function session(host = 'xdesk.court.local') {
    const r = await tlsRequest(s.port, '/api/csrf', { host });
    return { cookie: String(r.headers['set-cookie']).split(';')[0]!, setCookie: String(r.headers['set-cookie']), csrf: JSON.parse(r.body).value.csrf as string };
  }

  it('answers to the configured host names only, with a Secure cookie and https Origin', async () => {
    expect(s.url).toMatch(/^https:\/\/127\.0\.0\.1:/);
    const { cookie, setCookie, csrf } = await session();
    expect(setCookie).toMatch(/; Secure/);
    const headers = { Cookie: cookie, 'X-CSRF-Token': csrf, 'Content-Type': 'application/json' };
    const ok = await tlsRequest(s.port, '/api/call/auth.status', { method: 'POST', host: 'xdesk.court.local', headers: { ...headers, Origin: `https://xdesk.court.local:${s.port}` }, body: '{}' });
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true });
    const plain = await tlsRequest(s.port, '/api/call/auth.status', { method: 'POST', host: 'xdesk.court.local', headers: { ...headers, Origin: `http://xdesk.court.local:${s.port}` }, body: '{}' });
    expect(plain.status).toBe(403);
    const rebound = await tlsRequest(s.port, '/', { host: 'attacker.example' });
    expect(rebound.status).toBe(421);
  });

  it('pushes "notifications" to the notified user only, over server-sent events', async () => {
    const chief = t.as('chief');
    const staff = t.as('staff');
    const c = await session();
    const st = await session();
    t.app.sessions.bind(c.cookie.split('=')[1]!, chief.user.id);
    t.app.sessions.bind(st.cookie.split('=')[1]!, staff.user.id);
    // Not signed in: no stream.
    const anon = await session();
    expect((await tlsRequest(s.port, `/api/events?csrf=${anon.csrf}`, { host: 'xdesk.court.local', headers: { Cookie: anon.cookie } })).status).toBe(401);
    // Without the page's token: refused.
    expect((await tlsRequest(s.port, '/api/events', { host: 'xdesk.court.local', headers: { Cookie: c.cookie } })).status).toBe(403);

    const open = (sess: { cookie: string; csrf: string }) => {
      const seen: string[] = [];
      const req = https.get({ host: '127.0.0.1', port: s.port, path: `/api/events?csrf=${encodeURIComponent(sess.csrf)}`, rejectUnauthorized: false, headers: { Host: `xdesk.court.local:${s.port}`, Cookie: sess.cookie } });
      const ready = new Promise<void>((r) => req.on('response', (res) => (res.on('data', (d) => seen.push(String(d))), r())));
      return { seen, ready, close: () => req.destroy() };
    };
    const chiefStream = open(c);
    const staffStream = open(st);
    await Promise.all([chiefStream.ready, staffStream.ready]);
    t.app.sqlite.transaction(() => notify(t.app, [chief.user.id], { kind: '新请求', title: '张承办 报请审批', link: '/approvals/1' }))();
    // Any answered request makes the server look for new notices (here the staff member's own call).
    await tlsRequest(s.port, '/api/call/auth.status', { method: 'POST', host: 'xdesk.court.local', headers: { Cookie: st.cookie, 'X-CSRF-Token': st.csrf }, body: '{}' });
    await expect.poll(() => chiefStream.seen.join(''), { timeout: 5_000 }).toContain('event: notifications');
    expect(staffStream.seen.join('')).not.toContain('event: notifications');
    // After logout the stream is closed at the next push instead of leaking the next user's notices.
    t.app.sessions.clear(c.cookie.split('=')[1]!);
    t.app.sqlite.transaction(() => notify(t.app, [chief.user.id], { kind: '新请求', title: '再一条' }))();
    await tlsRequest(s.port, '/api/call/auth.status', { method: 'POST', host: 'xdesk.court.local', headers: { Cookie: st.cookie, 'X-CSRF-Token': st.csrf }, body: '{}' });
    await new Promise((r) => setTimeout(r, 300));
    expect(chiefStream.seen.join('').match(/event: notifications/g)).toHaveLength(1);
    chiefStream.close();
    staffStream.close();
  });
});

describe('startBureauServer', () => {
  let b: RunningBureau;
  afterAll(() => b?.close());
  it('starts on the configured address with the bureau certificate and says its fingerprint', async () => {
    const dir = tempDir();
    b = await startBureauServer(['--data', dir, '--listen', '127.0.0.1', '--port', '0', '--host-name', 'xdesk.court.local'], dir);
    expect(b.certificate.source).toBe('bureau');
    expect(b.urls[0]).toMatch(/^https:\/\/xdesk\.court\.local:\d+\/$/);
    const peer = await new Promise<Buffer>((resolve, reject) => {
      const req = https.get({ host: '127.0.0.1', port: Number(new URL(b.url).port), path: '/api/csrf', rejectUnauthorized: false, headers: { Host: `localhost:${new URL(b.url).port}` } }, (res) => {
        resolve((res.socket as import('node:tls').TLSSocket).getPeerCertificate().raw);
        res.resume();
      });
      req.on('error', reject);
    });
    expect(certificateFingerprint(peer)).toBe(b.certificate.fingerprint);
  });
});
