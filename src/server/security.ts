import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Content-Security-Policy of the renderer. Mantine injects <style> tags, hence 'unsafe-inline'
 * for styles only; scripts come from the app's own files. pdf.js runs its worker from a blob.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function securityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

/** Only our own address may be used: this defeats DNS rebinding against the local server. */
export function hostAllowed(req: IncomingMessage, port: number, extraHosts: readonly string[] = []): boolean {
  const host = (req.headers.host ?? '').toLowerCase();
  return [`127.0.0.1:${port}`, `localhost:${port}`, ...extraHosts.map((h) => `${h}:${port}`)].includes(host);
}

/** A state-changing request must come from our own page: Origin (when sent) must be ours. */
export function originAllowed(req: IncomingMessage, scheme: 'http' | 'https' = 'http'): boolean {
  const origin = req.headers.origin;
  const site = req.headers['sec-fetch-site'];
  if (site && site !== 'same-origin' && site !== 'none') return false;
  if (!origin) return true; // non-browser clients; the CSRF token still has to match
  return origin === `${scheme}://${req.headers.host}`;
}

/** Cookies by name; a value with a malformed escape is skipped, never an exception (issue 12 §13). */
export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i <= 0) continue;
    try {
      out[part.slice(0, i).trim()] = decodeURIComponent(part.slice(i + 1).trim());
    } catch {
      // not ours to repair
    }
  }
  return out;
}

/**
 * Whether a JSON text nests arrays/objects deeper than `max`, found by one pass over the bytes
 * (brackets inside strings do not count) — so a 10 MB "[[[[…" is refused before JSON.parse and the
 * validators recurse into it (issue 12 §13).
 */
export function jsonTooDeep(body: Buffer, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped byte
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}
