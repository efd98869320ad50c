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

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim()] = decodeURIComponent(part.slice(i + 1).trim());
  }
  return out;
}
