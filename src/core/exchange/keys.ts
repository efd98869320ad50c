import fs from 'node:fs';
import path from 'node:path';
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import type { CoreApp } from '../app';
import { fail } from '../errors';
import { writeFileAtomic } from '../files/atomicWrite';

/**
 * The installation's Ed25519 signing keys for upward packages. Layout under <data>/keys/exchange/:
 *   <keyId>.key       private key (PKCS#8 PEM), mode 0600 — never leaves this folder
 *   <keyId>.pub.pem   public key (SPKI PEM), kept forever so old packages still verify after rotation
 *   <keyId>.json      { keyId, fingerprint, createdAt }
 *   current           the keyId packages are signed with now
 * keyId = first 16 hex digits of the SHA-256 of the public key's DER; fingerprint = all 64.
 */
export type KeyInfo = { keyId: string; fingerprint: string; createdAt: string; current: boolean };

const dirOf = (app: CoreApp) => path.join(app.dataDir, 'keys', 'exchange');

export function fingerprintOf(pub: KeyObject): string {
  return createHash('sha256').update(pub.export({ type: 'spki', format: 'der' })).digest('hex');
}

/**
 * Returns the current key, creating the first pair if there is none. `auth.setupAdmin` (UI first run
 * and CLI `init`) calls it, so a new installation has its key from the start; data folders created
 * before that get theirs here on first use. A private key left readable by others (copied in by
 * hand, restored from a backup) is tightened back to 0600 whenever it is looked at.
 */
export function ensureSigningKey(app: CoreApp): KeyInfo {
  const dir = dirOf(app);
  const cur = path.join(dir, 'current');
  if (fs.existsSync(cur)) {
    const keyId = fs.readFileSync(cur, 'utf8').trim();
    const priv = path.join(dir, `${keyId}.key`);
    if (fs.existsSync(priv)) {
      restrict(priv);
      return readInfo(app, keyId, keyId);
    }
  }
  return newKey(app);
}

/** POSIX only: Windows has no mode bits (the data folder's ACL protects the key there). */
function restrict(file: string): void {
  if (process.platform === 'win32') return;
  if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
}

/** Generates a new pair and makes it current; the old public keys stay. */
export function rotateSigningKey(app: CoreApp): KeyInfo {
  ensureSigningKey(app);
  return newKey(app);
}

function newKey(app: CoreApp): KeyInfo {
  const dir = dirOf(app);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const fingerprint = fingerprintOf(publicKey);
  const keyId = fingerprint.slice(0, 16);
  const info = { keyId, fingerprint, createdAt: app.now().toISOString() };
  // The private key is created with 0600 from the start (no window where others could read it).
  writeFileAtomic(path.join(dir, `${keyId}.key`), privateKey.export({ type: 'pkcs8', format: 'pem' }) as string, { mode: 0o600 });
  writeFileAtomic(path.join(dir, `${keyId}.pub.pem`), publicKey.export({ type: 'spki', format: 'pem' }) as string, { mode: 0o644 });
  writeFileAtomic(path.join(dir, `${keyId}.json`), JSON.stringify(info), { mode: 0o644 });
  writeFileAtomic(path.join(dir, 'current'), keyId, { mode: 0o644 });
  return { ...info, current: true };
}

function readInfo(app: CoreApp, keyId: string, currentId: string): KeyInfo {
  const raw = JSON.parse(fs.readFileSync(path.join(dirOf(app), `${keyId}.json`), 'utf8')) as Omit<KeyInfo, 'current'>;
  return { ...raw, current: keyId === currentId };
}

export function listKeys(app: CoreApp): KeyInfo[] {
  const cur = ensureSigningKey(app).keyId;
  return fs
    .readdirSync(dirOf(app))
    .filter((f) => /^[0-9a-f]{16}\.json$/.test(f))
    .map((f) => readInfo(app, f.slice(0, 16), cur))
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
}

export function publicKeyPem(app: CoreApp, keyId: string): string {
  const f = path.join(dirOf(app), `${keyId}.pub.pem`);
  if (!/^[0-9a-f]{16}$/.test(keyId) || !fs.existsSync(f)) return fail('NOT_FOUND', `「密钥编号」没有编号为 ${keyId} 的签名密钥`, 'keyId');
  return fs.readFileSync(f, 'utf8');
}

/** Signs bytes with the current private key. */
export function signWithCurrent(app: CoreApp, bytes: Buffer): { keyId: string; fingerprint: string; publicKeyPem: string; signature: string } {
  const info = ensureSigningKey(app);
  const priv = createPrivateKey(fs.readFileSync(path.join(dirOf(app), `${info.keyId}.key`), 'utf8'));
  return { keyId: info.keyId, fingerprint: info.fingerprint, publicKeyPem: publicKeyPem(app, info.keyId), signature: sign(null, bytes, priv).toString('base64') };
}

/**
 * Public keys this installation trusts as its own (current and rotated-out), keyed by keyId. A file
 * is ours only when the key itself is (issue 12 §5): its keyId is the one in its name, and our private
 * key of that id derives exactly this public key — a .pub.pem dropped into the folder, or one named
 * like ours but holding another key, is not 本院密钥.
 */
export function ownPublicKeys(app: CoreApp): Map<string, string> {
  const m = new Map<string, string>();
  const dir = dirOf(app);
  if (!fs.existsSync(dir)) return m;
  for (const f of fs.readdirSync(dir)) {
    if (!/^[0-9a-f]{16}\.pub\.pem$/.test(f)) continue;
    const keyId = f.slice(0, 16);
    const pem = fs.readFileSync(path.join(dir, f), 'utf8');
    const priv = path.join(dir, `${keyId}.key`);
    try {
      const pub = createPublicKey(pem);
      if (fingerprintOf(pub).slice(0, 16) !== keyId || !fs.existsSync(priv)) continue;
      const derived = createPublicKey(createPrivateKey(fs.readFileSync(priv, 'utf8')));
      if (fingerprintOf(derived) === fingerprintOf(pub)) m.set(keyId, pem);
    } catch {
      // not a key of ours
    }
  }
  return m;
}

/** keyId of a PEM public key (for pinning keys given on the command line). */
export function keyIdOfPem(pem: string): string {
  return fingerprintOf(createPublicKey(pem)).slice(0, 16);
}

export function verifySignature(pem: string, bytes: Buffer, signatureB64: string): boolean {
  try {
    return verify(null, bytes, createPublicKey(pem), Buffer.from(signatureB64, 'base64'));
  } catch {
    return false;
  }
}
