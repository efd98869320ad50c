import { createHash, X509Certificate } from 'node:crypto';

/**
 * The bureau certificate's fingerprint: SHA-256 of its public key (SubjectPublicKeyInfo), the same
 * hash Chromium's --ignore-certificate-errors-spki-list and HPKP pin. Pinning the key rather than
 * the whole certificate lets the server renew its certificate under the same key without every
 * workstation having to pin again.
 */
export function spkiSha256(certPem: string | Buffer): Buffer {
  const spki = new X509Certificate(certPem).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest();
}

/** As shown to people: 32 bytes as upper-case hex pairs joined by colons (read aloud, compared by eye). */
export const formatFingerprint = (hash: Buffer): string => [...hash].map((b) => b.toString(16).padStart(2, '0').toUpperCase()).join(':');

export const certificateFingerprint = (certPem: string | Buffer): string => formatFingerprint(spkiSha256(certPem));

/** The base64 form Chromium's --ignore-certificate-errors-spki-list takes. */
export const spkiBase64 = (certPem: string | Buffer): string => spkiSha256(certPem).toString('base64');

/**
 * A fingerprint as a person typed or pasted it (colons, spaces, dashes, any case) → the canonical
 * form, or null when it is not 64 hex digits.
 */
export function normalizeFingerprint(text: string): string | null {
  const hex = text.replace(/^sha-?256[:\s]*/i, '').replace(/[\s:-]/g, '').toUpperCase();
  if (!/^[0-9A-F]{64}$/.test(hex)) return null;
  return hex.match(/../g)!.join(':');
}

/** Does the certificate carry the pinned key? Unreadable certificates never match. */
export function fingerprintMatches(certPem: string | Buffer, pinned: string): boolean {
  const want = normalizeFingerprint(pinned);
  if (!want) return false;
  try {
    return certificateFingerprint(certPem) === want;
  } catch {
    return false;
  }
}
