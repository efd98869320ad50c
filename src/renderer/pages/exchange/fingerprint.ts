/** A SHA-256 fingerprint in groups of four hex digits, easy to read out and compare by phone. */
export const groupedFingerprint = (fp: string) => fp.replace(/(.{4})/g, '$1 ').trim();
