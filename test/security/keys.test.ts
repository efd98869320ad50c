import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../support/core';
import { updateSettings } from '../../src/core/settings/settings';
import { ensureSigningKey, publicKeyPem } from '../../src/core/exchange/keys';
import { stageBytes } from '../../src/core/files/uploads';
import { signerOf, trustSet, verifyTrust } from '../../src/core/exchange/trust';
import { verifyPackage } from '../../src/core/exchange/verify';
import { exportAndWait, fakeDeps } from '../unit/exchange/fixtures';

/**
 * Issue 12 §5: a key given on the command line (--trust) or dropped into the trusted folder is bound
 * to one court and never vouches for a court that has another pinned key; a file in our key folder is
 * 本院密钥 only when the key itself is ours. 夷陵 (鄂0506) is pinned here; an attacker signs a package
 * that claims to come from 夷陵, and another that claims 宜都 (鄂0581, nothing pinned).
 */
let here: TestCore;
let yiling: TestCore;
let evil: TestCore;
let restore: () => void;
let evilAsYiling: string;
let evilAsYidu: string;
let evilPem: string;
let evilKeyId: string;

beforeAll(async () => {
  restore = fakeDeps();
  yiling = testCore({ now: '2025-03-10T02:00:00Z' });
  updateSettings(yiling.app, { courtName: '宜昌市夷陵区人民法院', courtCode: '鄂0506' });
  const yk = ensureSigningKey(yiling.app);
  evil = testCore({ now: '2025-03-10T02:00:00Z' });
  updateSettings(evil.app, { courtName: '宜昌市夷陵区人民法院', courtCode: '鄂0506' });
  evilAsYiling = (await exportAndWait(evil, evil.as('clerk'), { week: '2025-W10' })).file;
  updateSettings(evil.app, { courtName: '宜都市人民法院', courtCode: '鄂0581' });
  evilAsYidu = (await exportAndWait(evil, evil.as('clerk'), { week: '2025-W09' })).file;
  const ek = ensureSigningKey(evil.app);
  evilKeyId = ek.keyId;
  evilPem = publicKeyPem(evil.app, ek.keyId);
  here = testCore({ now: '2025-03-11T02:00:00Z' });
  const chief = here.as('chief', '王局长');
  const up = await stageBytes(here.app, chief.user, 'exchange.trust.pin', '夷陵.pem', Buffer.from(publicKeyPem(yiling.app, yk.keyId)));
  await chief.run('exchange.trust.pin', { uploadId: up.uploadId, courtCode: '鄂0506', fingerprint: yk.fingerprint });
});
afterAll(() => {
  restore();
  for (const t of [here, yiling, evil]) t.cleanup();
});

const check = async (file: string, given: Parameters<typeof trustSet>[1] = []) => {
  const t = trustSet(here.app, given);
  const r = await verifyPackage(file, verifyTrust(t));
  return { ...r, codes: r.problems.map((p) => p.code), signer: signerOf(t, r) };
};

describe('keys given by --trust or the trusted folder (issue 12 §5)', () => {
  it('a --trust key never vouches for a court that has another pinned key, bound or not', async () => {
    const unbound = await check(evilAsYiling, [evilPem]);
    expect(unbound.ok).toBe(false);
    expect(unbound.codes).toContain('COURT_MISMATCH');
    const bound = await check(evilAsYiling, [{ pem: evilPem, courtCode: '鄂0506' }]);
    expect(bound.ok).toBe(false);
    expect(bound.codes).toEqual(['COURT_MISMATCH']);
    expect(bound.problems[0]!.message).toContain('已登记');
  });

  it('a key dropped into the trusted folder is held to the same rule', async () => {
    const dir = path.join(here.dir, 'keys', 'exchange', 'trusted');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, '鄂0506.pem'), evilPem);
    try {
      const r = await check(evilAsYiling);
      expect(r.ok).toBe(false);
      expect(r.codes).toEqual(['COURT_MISMATCH']);
    } finally {
      fs.rmSync(path.join(dir, '鄂0506.pem'));
    }
  });

  it('a given key is bound to the court it was given for: it verifies that court (nothing pinned), not another', async () => {
    const ok = await check(evilAsYidu, [{ pem: evilPem, courtCode: '鄂0581' }]);
    expect(ok.problems).toEqual([]);
    expect(ok.signer).toMatchObject({ trust: 'given' });
    const other = await check(evilAsYidu, [{ pem: evilPem, courtCode: '鄂0502' }]);
    expect(other.codes).toEqual(['COURT_MISMATCH']);
    // Given without a court, it vouches for none.
    const loose = await check(evilAsYidu, [evilPem]);
    expect(loose.ok).toBe(false);
    expect(loose.codes).toEqual(['KEY_UNBOUND']);
  });
});

describe('本院密钥 is our key, not a file name (issue 12 §5)', () => {
  it('a public key dropped into our key folder under its own id is not labelled ours, nor trusted', async () => {
    ensureSigningKey(here.app);
    const planted = path.join(here.dir, 'keys', 'exchange', `${evilKeyId}.pub.pem`);
    fs.writeFileSync(planted, evilPem);
    try {
      const r = await check(evilAsYiling);
      expect(r.signer?.trust).not.toBe('own');
      expect(r.ok).toBe(false);
    } finally {
      fs.rmSync(planted);
    }
  });

  it('a file named like our own key but holding another key is not ours', async () => {
    const own = ensureSigningKey(here.app);
    const file = path.join(here.dir, 'keys', 'exchange', `${own.keyId}.pub.pem`);
    const real = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, evilPem);
    try {
      const t = trustSet(here.app);
      expect(t.keys.get(own.keyId)).not.toBe(evilPem);
      expect([...t.status].filter(([, s]) => s === 'own').map(([k]) => k)).not.toContain(evilKeyId);
    } finally {
      fs.writeFileSync(file, real);
    }
  });
});
