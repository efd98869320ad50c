import fs from 'node:fs';
import path from 'node:path';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { CoreApp } from '../app';

/**
 * The audit chain's key, kept outside the database (issue 12 §8): `<data>/keys/audit/chain.json`
 * { key, keyedFrom, createdAt }, mode 0600 in a 0700 folder. Rows from `keyedFrom` on are chained
 * with HMAC-SHA256 under this key, so whoever can write desk.sqlite but not the key cannot rewrite
 * a row and recompute the chain. Rows before `keyedFrom` were written by earlier versions with plain
 * SHA-256 and are verified that way. The file also names `keyedFrom`, so moving the database's own
 * marker does not turn keyed rows back into plain ones.
 *
 * `<data>/keys/audit/witness.json` { id, hash, mac } is the highest head this folder has seen,
 * written when a host closes and after backups and exports; a log shorter than it, or whose row at
 * that id differs, was rewound (an older copy of the database put back).
 */
export type ChainKey = { key: Buffer; keyId: string; keyedFrom: number };
export type Head = { id: number; hash: string; mac?: string };

const dirOf = (dataDir: string) => path.join(dataDir, 'keys', 'audit');
const keyFile = (dataDir: string) => path.join(dirOf(dataDir), 'chain.json');
const witnessFile = (dataDir: string) => path.join(dirOf(dataDir), 'witness.json');

const cache = new WeakMap<CoreApp, ChainKey | null>();

const keyIdOf = (key: Buffer) => createHash('sha256').update(key).digest('hex').slice(0, 16);

/** The key, or null when this data folder has none yet (a database from before keying). */
export function readChainKey(app: CoreApp): ChainKey | null {
  if (cache.has(app)) return cache.get(app)!;
  let k: ChainKey | null = null;
  try {
    const raw = JSON.parse(fs.readFileSync(keyFile(app.dataDir), 'utf8')) as { key: string; keyedFrom: number };
    const key = Buffer.from(raw.key, 'hex');
    k = { key, keyId: keyIdOf(key), keyedFrom: raw.keyedFrom };
  } catch {
    k = null;
  }
  cache.set(app, k);
  return k;
}

/**
 * Creates the key with `keyedFrom`; if another process created one first, that one wins (link
 * fails on an existing name), so two hosts starting together agree on one key. `replace` is for a
 * restore, which re-keys from its own audit row on.
 */
export function createChainKey(app: CoreApp, keyedFrom: number, opts: { replace?: boolean } = {}): ChainKey {
  const dir = dirOf(app.dataDir);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const key = randomBytes(32);
  const tmp = path.join(dir, `.chain-${process.pid}-${randomBytes(4).toString('hex')}`);
  fs.writeFileSync(tmp, JSON.stringify({ key: key.toString('hex'), keyedFrom, createdAt: app.now().toISOString() }), { mode: 0o600 });
  const fd = fs.openSync(tmp, 'r');
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  try {
    if (opts.replace) {
      const old = readChainKey(app);
      if (old) fs.copyFileSync(keyFile(app.dataDir), path.join(dir, `chain-${old.keyId}.json`));
      fs.renameSync(tmp, keyFile(app.dataDir));
    }
    else fs.linkSync(tmp, keyFile(app.dataDir));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  cache.delete(app);
  return readChainKey(app)!;
}

export const rowMac = (k: ChainKey, canonical: string) => createHmac('sha256', k.key).update(canonical).digest('hex');
export const headMac = (k: ChainKey, id: number, hash: string) => createHmac('sha256', k.key).update(`audit-head|${id}|${hash}`).digest('hex');

export function readWitness(app: CoreApp): Head | null {
  try {
    return JSON.parse(fs.readFileSync(witnessFile(app.dataDir), 'utf8')) as Head;
  } catch {
    return null;
  }
}

/** Writes the witness (temp + rename; a torn witness is read as none, never as a false alarm). */
export function writeWitness(app: CoreApp, head: Head): void {
  const dir = dirOf(app.dataDir);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const tmp = path.join(dir, `.witness-${process.pid}`);
  fs.writeFileSync(tmp, JSON.stringify(head), { mode: 0o600 });
  fs.renameSync(tmp, witnessFile(app.dataDir));
}
