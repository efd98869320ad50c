import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

// scrypt with a per-user random salt; N=2^15 costs ~50 ms on these machines, enough to slow guessing.
const PARAMS = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEYLEN = 32;

export function hashPassword(password: string): { hash: string; salt: string } {
  const salt = randomBytes(16).toString('hex');
  const hash = scryptSync(password.normalize('NFC'), salt, KEYLEN, PARAMS).toString('hex');
  return { hash, salt };
}

export function verifyPassword(password: string, hash: string, salt: string): boolean {
  const actual = scryptSync(password.normalize('NFC'), salt, KEYLEN, PARAMS);
  const expected = Buffer.from(hash, 'hex');
  return expected.length === actual.length && timingSafeEqual(actual, expected);
}
