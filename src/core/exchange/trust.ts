import fs from 'node:fs';
import path from 'node:path';
import { createPublicKey } from 'node:crypto';
import type { PinnedKey } from '../../contract/calls/exchange';
import type { CoreApp } from '../app';
import { fail } from '../errors';
import { COURT_CODE } from '../../contract/ledgerRules';
import { fingerprintOf, keyIdOfPem, ownPublicKeys } from './keys';
import { pinnedKeys } from './pins';
import type { VerifyOptions, VerifyReport } from './verify';

/**
 * The keys a verification trusts and why: this installation's own (current and rotated out), the
 * courts' keys pinned in the database (pins.ts), and keys given on the command line (--trust) or
 * dropped into <data>/keys/exchange/trusted/ (kept for folders set up that way before pinning
 * existed). When one key comes from several places, own wins over pinned over given.
 * A given key is bound to one court (issue 12 §5): `--trust 代字=FILE`, or a folder file named
 * `代字.pem` / `代字-….pem`. It vouches only for that court, and never for a court that has a pinned
 * key of its own (verify.ts: COURT_MISMATCH); unbound, it vouches for none (KEY_UNBOUND).
 */
export type TrustStatus = 'own' | 'pinned' | 'given';
export type GivenKey = string | { pem: string; courtCode?: string | null };
export type TrustSet = {
  keys: Map<string, string>;
  status: Map<string, TrustStatus>;
  pins: Map<string, PinnedKey>;
  /** Given keys and the court each is bound to (null: none named). */
  given: Map<string, string | null>;
};

/** `代字=FILE` → { courtCode, file }; a plain FILE has no court. */
export function parseTrustArg(arg: string): { courtCode: string | null; file: string } {
  const m = /^([^=\/]+)=(.+)$/.exec(arg);
  return m ? { courtCode: m[1]!.trim(), file: m[2]! } : { courtCode: null, file: arg };
}

/** The court a trusted-folder file is bound to by its name (鄂0581.pem, 鄂0581-宜都.pem). */
const courtOfFileName = (f: string): string | null => {
  const head = /^([^-.]+)(?:-.*)?\.pem$/.exec(f)?.[1];
  return head && COURT_CODE.test(head) ? head : null;
};

export function trustSet(app: CoreApp, extra: GivenKey[] = []): TrustSet {
  const keys = new Map<string, string>();
  const status = new Map<string, TrustStatus>();
  const pins = new Map<string, PinnedKey>();
  const given = new Map<string, string | null>();
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
  const folder = fs.existsSync(dir)
    ? fs.readdirSync(dir).filter((f) => f.endsWith('.pem')).map((f) => ({ pem: fs.readFileSync(path.join(dir, f), 'utf8'), courtCode: courtOfFileName(f) }))
    : [];
  for (const g of [...extra, ...folder]) {
    const { pem, courtCode = null } = typeof g === 'string' ? { pem: g } : g;
    let keyId: string;
    try {
      keyId = keyIdOfPem(pem);
    } catch {
      return fail('INVALID_INPUT', '「信任的公钥」不是有效的 PEM 公钥', 'trust');
    }
    if (status.has(keyId)) continue;
    add(keyId, pem, 'given');
    given.set(keyId, courtCode);
  }
  return { keys, status, pins, given };
}

/** What verifyPackage needs from a trust set: the keys, the court each pinned or given key speaks for, the courts with pins. */
export function verifyTrust(t: TrustSet): Pick<VerifyOptions, 'trusted' | 'pinnedCourts' | 'given' | 'pinnedByCourt'> {
  const pinnedByCourt = new Map<string, string[]>();
  for (const p of t.pins.values()) pinnedByCourt.set(p.courtCode, [...(pinnedByCourt.get(p.courtCode) ?? []), p.keyId]);
  return { trusted: t.keys, pinnedCourts: pinnedCourts(t), given: t.given, pinnedByCourt };
}

/** Public keys trusted for verification, by keyId. */
export const trustedKeys = (app: CoreApp, extra: GivenKey[] = []): Map<string, string> => trustSet(app, extra).keys;

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
