import { randomBytes, scrypt, scryptSync, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// scrypt with a per-user random salt; N=2^15 costs ~50 ms on these machines, enough to slow guessing.
const PARAMS: ScryptOptions = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEYLEN = 32;
/** Longer passwords are refused before any hashing (the contract says so too): no work for a 10 MB "password". */
export const MAX_PASSWORD_LENGTH = 256;

export type PasswordHash = { hash: string; salt: string };

const derive = (password: string, salt: string): Promise<Buffer> =>
  new Promise((resolve, reject) => scrypt(password.normalize('NFC'), salt, KEYLEN, PARAMS, (e, key) => (e ? reject(e) : resolve(key))));

function tooLong(password: string): void {
  if (password.length > MAX_PASSWORD_LENGTH) throw new Error(`password over ${MAX_PASSWORD_LENGTH} characters reached hashing`);
}

/** Hashes on libuv's thread pool, so the server keeps answering while a password is hashed (issue 12 §4). */
export async function hashPassword(password: string): Promise<PasswordHash> {
  tooLong(password);
  const salt = randomBytes(16).toString('hex');
  return { hash: (await derive(password, salt)).toString('hex'), salt };
}

/** For seeding only (demo users, test fixtures): never on a request path. */
export function hashPasswordSync(password: string): PasswordHash {
  tooLong(password);
  const salt = randomBytes(16).toString('hex');
  return { hash: scryptSync(password.normalize('NFC'), salt, KEYLEN, PARAMS).toString('hex'), salt };
}

/** Always does one full derivation (also for an unknown user or an over-long password), so timing tells nothing. */
export async function verifyPassword(password: string, hash: string, salt: string): Promise<boolean> {
  const long = password.length > MAX_PASSWORD_LENGTH;
  const actual = await derive(long ? '' : password, salt);
  const expected = Buffer.from(hash, 'hex');
  return !long && expected.length === actual.length && timingSafeEqual(actual, expected);
}
