import fs from 'node:fs';
import path from 'node:path';
import { createPublicKey } from 'node:crypto';
import type { PinnedKey } from '../../contract/calls/exchange';
import type { CoreApp } from '../app';
import { fail } from '../errors';
import { fingerprintOf, keyIdOfPem, ownPublicKeys } from './keys';
import { pinnedKeys } from './pins';
import type { VerifyReport } from './verify';

/**
 * The keys a verification trusts and why: this installation's own (current and rotated out), the
 * courts' keys pinned in the database (pins.ts), and keys given on the command line (--trust) or
 * dropped into <data>/keys/exchange/trusted/ (kept for folders set up that way before pinning
 * existed). When one key comes from several places, own wins over pinned over given.
 */
export type TrustStatus = 'own' | 'pinned' | 'given';
export type TrustSet = {
  keys: Map<string, string>;
  status: Map<string, TrustStatus>;
  pins: Map<string, PinnedKey>;
};

export function trustSet(app: CoreApp, extraPems: string[] = []): TrustSet {
  const keys = new Map<string, string>();
  const status = new Map<string, TrustStatus>();
  const pins = new Map<string, PinnedKey>();
  const add = (keyId: string, pem: string, s: TrustStatus) => {
    if (status.has(keyId)) return;
    keys.set(keyId, pem);
    status.set(keyId, s);
  };
  for (const [keyId, pem] of ownPublicKeys(app)) add(keyId, pem, 'own');
  for (const { pem, ...pin } of pinnedKeys(app)) {
    add(pin.keyId, pem, 'pinned');
    pins.set(pin.keyId, pin);
  }
  const dir = path.join(app.dataDir, 'keys', 'exchange', 'trusted');
  const folder = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.pem')).map((f) => fs.readFileSync(path.join(dir, f), 'utf8')) : [];
  for (const pem of [...extraPems, ...folder]) {
    let keyId: string;
    try {
      keyId = keyIdOfPem(pem);
    } catch {
      return fail('INVALID_INPUT', '「信任的公钥」不是有效的 PEM 公钥', 'trust');
    }
    add(keyId, pem, 'given');
  }
  return { keys, status, pins };
}

/** Public keys trusted for verification, by keyId. */
export const trustedKeys = (app: CoreApp, extraPems: string[] = []): Map<string, string> => trustSet(app, extraPems).keys;

/** Courts the pinned keys belong to, for verify.ts's court check. */
export const pinnedCourts = (t: TrustSet): Map<string, { code: string; name: string }> =>
  new Map([...t.pins].map(([keyId, p]) => [keyId, { code: p.courtCode, name: p.courtName }]));

/** The signer of a verified (or rejected) package: its key, whether it is pinned and for which court. */
export function signerOf(t: TrustSet, r: Pick<VerifyReport, 'keyId' | 'manifest'>) {
  if (!r.keyId) return null;
  const pem = t.keys.get(r.keyId);
  let fingerprint: string | null = null;
  if (pem) fingerprint = fingerprintOf(createPublicKey(pem));
  else if (r.manifest?.signer.keyId === r.keyId) fingerprint = r.manifest.signer.fingerprint;
  return { keyId: r.keyId, fingerprint, trust: t.status.get(r.keyId) ?? ('untrusted' as const), pinned: t.pins.get(r.keyId) ?? null };
}
