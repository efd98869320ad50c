import { X509Certificate, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { makeSelfSignedCertificate } from '../../../src/server/bureau/x509';

describe('bureau certificate serial numbers', () => {
  it('every generated certificate parses (no non-minimal INTEGER for a serial starting with 0x00)', () => {
    // A random 16-byte serial began with 0x00 about once in 256 tries; OpenSSL then refused the
    // certificate ("illegal padding") and the bureau server could not start. 3000 tries make a
    // regression all but certain to show (≈ 1 - (511/512)^3000).
    const key = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    for (let i = 0; i < 3000; i++) {
      const { certPem } = makeSelfSignedCertificate({ commonName: 'x', hostNames: ['x.court'], days: 1, key });
      const cert = new X509Certificate(certPem);
      expect(cert.serialNumber).toMatch(/^[0-9A-F]+$/);
    }
  });
});
