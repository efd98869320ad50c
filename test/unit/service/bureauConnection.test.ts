import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectBureau, loadConnection, onBureauOrigin, parseBureauAddress, probeBureau, verifyBureauCertificate, forgetConnection } from '../../../electron/bureauConnection';
import { startServer, type RunningServer } from '../../../src/server/server';
import { makeSelfSignedCertificate } from '../../../src/server/bureau/x509';
import { certificateFingerprint } from '../../../src/server/bureau/fingerprint';
import { testCore, tempDir, type TestCore } from '../../support/core';

// The desktop app's "连接局内服务器": plain code electron/main.ts calls, tested against a real TLS server.
describe('connecting a workstation to the bureau server', () => {
  let t: TestCore;
  let s: RunningServer;
  const bureau = makeSelfSignedCertificate({ commonName: 'localhost', hostNames: ['localhost', '127.0.0.1'], days: 30 });
  const impostor = makeSelfSignedCertificate({ commonName: 'localhost', hostNames: ['localhost', '127.0.0.1'], days: 30 });
  const fp = certificateFingerprint(bureau.certPem);
  beforeAll(async () => {
    t = testCore();
    s = await startServer({ app: t.app, rendererDir: t.dir, tls: { cert: bureau.certPem, key: bureau.keyPem } });
  });
  afterAll(async () => {
    await s.close();
    t.cleanup();
  });

  it('reads addresses as people type them, https only', () => {
    expect(parseBureauAddress('xdesk.court.local')).toMatchObject({ ok: true, url: 'https://xdesk.court.local:8443/' });
    expect(parseBureauAddress('10.1.2.3:9443')).toMatchObject({ ok: true, url: 'https://10.1.2.3:9443/', port: 9443 });
    expect(parseBureauAddress('https://xdesk.court.local:8443/')).toMatchObject({ ok: true });
    expect(parseBureauAddress('http://xdesk.court.local')).toMatchObject({ ok: false, message: expect.stringContaining('https://') });
    expect(parseBureauAddress('https://x/other/path')).toMatchObject({ ok: false });
    expect(parseBureauAddress('  ')).toMatchObject({ ok: false, message: expect.stringContaining('请填写服务器地址') });
  });

  it('saves the connection only when the server presents the pinned key', async () => {
    const dir = tempDir();
    expect(loadConnection(dir)).toBeNull();
    const probe = await probeBureau(`127.0.0.1:${s.port}`);
    expect(probe).toMatchObject({ ok: true, fingerprint: fp });

    const wrong = await connectBureau(dir, `127.0.0.1:${s.port}`, certificateFingerprint(impostor.certPem));
    expect(wrong).toMatchObject({ ok: false, field: 'fingerprint' });
    expect(!wrong.ok && wrong.message).toContain(fp);
    expect(loadConnection(dir)).toBeNull();

    const typo = await connectBureau(dir, `127.0.0.1:${s.port}`, '12:34');
    expect(typo).toMatchObject({ ok: false, field: 'fingerprint', message: expect.stringContaining('64 位') });

    const right = await connectBureau(dir, `https://127.0.0.1:${s.port}`, fp.toLowerCase());
    expect(right).toMatchObject({ ok: true });
    expect(loadConnection(dir)).toEqual({ mode: 'bureau', url: `https://127.0.0.1:${s.port}/`, fingerprint: fp });
    forgetConnection(dir);
    expect(fs.existsSync(path.join(dir, 'connection.json'))).toBe(false);
  });

  it('says plainly when nothing answers', async () => {
    const r = await probeBureau('127.0.0.1:1');
    expect(r).toMatchObject({ ok: false, message: expect.stringContaining('拒绝连接') });
  });

  it("the window's verifier trusts the bureau host only with the pinned key", () => {
    const c = { mode: 'bureau' as const, url: 'https://xdesk.court.local:8443/', fingerprint: fp };
    expect(verifyBureauCertificate(c, 'xdesk.court.local', bureau.certPem)).toBe(0);
    expect(verifyBureauCertificate(c, 'XDESK.court.local', impostor.certPem)).toBe(-2);
    expect(verifyBureauCertificate(c, 'other.example', impostor.certPem)).toBe(-3);
    expect(verifyBureauCertificate({ mode: 'local' }, 'xdesk.court.local', bureau.certPem)).toBe(-3);
    expect(onBureauOrigin(c, 'https://xdesk.court.local:8443/#/approvals')).toBe(true);
    expect(onBureauOrigin(c, 'https://xdesk.court.local:9443/')).toBe(false);
    expect(onBureauOrigin(c, 'http://xdesk.court.local:8443/')).toBe(false);
  });
});
