import fs from 'node:fs';
import { X509Certificate } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import tls from 'node:tls';
import { writeFileAtomic } from '../src/core/files/atomicWrite';
import { err, ok, type Result } from '../src/contract';
import { certificateFingerprint, fingerprintMatches, normalizeFingerprint } from '../src/server/bureau/fingerprint';

/**
 * Where the desktop app's data is: on this machine (the core runs here, as always), or on the
 * bureau server, reached over TLS and trusted only through the fingerprint the administrator gave
 * (the bureau certificate is self-signed, so no CA vouches for it: the pin does). Plain Node, no
 * Electron: electron/main.ts calls it, test/unit/service/bureauConnection.test.ts tests it.
 */
export type DesktopConnection = { mode: 'local' } | { mode: 'bureau'; url: string; fingerprint: string };

const FILE = 'connection.json';

/** The workstation's choice, or null before the first-run choice was made. */
export function loadConnection(dataDir: string): DesktopConnection | null {
  try {
    const c = JSON.parse(fs.readFileSync(path.join(dataDir, FILE), 'utf8')) as DesktopConnection;
    if (c.mode === 'local') return c;
    if (c.mode === 'bureau' && parseBureauAddress(c.url).ok && normalizeFingerprint(c.fingerprint)) return c;
  } catch {
    /* no choice yet, or an unreadable file: ask again */
  }
  return null;
}

export function saveConnection(dataDir: string, c: DesktopConnection): void {
  fs.mkdirSync(dataDir, { recursive: true });
  writeFileAtomic(path.join(dataDir, FILE), `${JSON.stringify(c, null, 2)}\n`);
}

/** Forgets the choice (menu 更改连接方式): the next start asks again. */
export function forgetConnection(dataDir: string): void {
  fs.rmSync(path.join(dataDir, FILE), { force: true });
}

type Parsed = { ok: true; url: string; host: string; port: number } | { ok: false; message: string };

/** What a person types (`xdesk.court.local`, `10.1.2.3:8443`, `https://…/`) → the server's https origin. */
export function parseBureauAddress(text: string): Parsed {
  const t = text.trim();
  if (!t) return { ok: false, message: '请填写服务器地址，如 https://xdesk.court.local:8443' };
  if (/^http:\/\//i.test(t)) return { ok: false, message: '服务器地址须以 https:// 开头：局内服务器只通过加密连接访问' };
  let u: URL;
  try {
    u = new URL(/^https:\/\//i.test(t) ? t : `https://${t}`);
  } catch {
    return { ok: false, message: `服务器地址「${t}」无效，应如 https://xdesk.court.local:8443` };
  }
  if (u.username || u.password || (u.pathname !== '/' && u.pathname !== '') || u.search || u.hash) {
    return { ok: false, message: '服务器地址只填主机名和端口，如 https://xdesk.court.local:8443' };
  }
  const port = u.port ? Number(u.port) : 8443;
  return { ok: true, url: `https://${u.hostname}:${port}/`, host: u.hostname.replace(/^\[|\]$/g, ''), port };
}

/** Connects once and reads the certificate the server presents (nothing is trusted yet). */
export function probeBureau(url: string, timeoutMs = 8_000): Promise<{ ok: true; fingerprint: string; certPem: string } | { ok: false; message: string }> {
  const p = parseBureauAddress(url);
  if (!p.ok) return Promise.resolve(p);
  return new Promise((resolve) => {
    const socket = tls.connect({
      host: p.host,
      port: p.port,
      servername: net.isIP(p.host) ? undefined : p.host,
      // Chain trust is not asked of a self-signed certificate; the fingerprint decides, below.
      rejectUnauthorized: false,
      timeout: timeoutMs,
    });
    const done = (r: Awaited<ReturnType<typeof probeBureau>>) => {
      socket.destroy();
      resolve(r);
    };
    socket.once('secureConnect', () => {
      const raw = socket.getPeerCertificate().raw;
      if (!raw) return done({ ok: false, message: '服务器没有出示证书' });
      done({ ok: true, fingerprint: certificateFingerprint(raw), certPem: new X509Certificate(raw).toString() });
    });
    socket.once('timeout', () => done({ ok: false, message: `连接 ${p.host}:${p.port} 超时：请确认服务器已启动、地址和端口正确` }));
    socket.once('error', (e: NodeJS.ErrnoException) =>
      done({
        ok: false,
        message:
          e.code === 'ECONNREFUSED'
            ? `${p.host}:${p.port} 拒绝连接：服务器未启动或端口不对`
            : e.code === 'ENOTFOUND'
              ? `找不到主机「${p.host}」：请核对服务器地址`
              : `无法连接服务器：${e.message}`,
      }),
    );
  });
}

/**
 * The first-run choice "连接局内服务器": the address and the fingerprint the administrator gave.
 * Saved only when the server presents exactly that key; otherwise a Chinese message says which
 * fingerprint it did present (a typo, or someone else's server).
 */
export async function connectBureau(dataDir: string, address: string, fingerprint: string): Promise<{ ok: true; connection: DesktopConnection } | { ok: false; message: string; field: 'address' | 'fingerprint' }> {
  const p = parseBureauAddress(address);
  if (!p.ok) return { ...p, field: 'address' };
  const want = normalizeFingerprint(fingerprint);
  if (!want) return { ok: false, field: 'fingerprint', message: '证书指纹应为 64 位十六进制数字（可带冒号），请照服务器启动时显示的指纹填写' };
  const probe = await probeBureau(p.url);
  if (!probe.ok) return { ...probe, field: 'address' };
  if (probe.fingerprint !== want) {
    return { ok: false, field: 'fingerprint', message: `证书指纹不符，未连接：服务器出示的是 ${probe.fingerprint}。请向管理员核对；若指纹确实不同，可能连到了冒充的服务器` };
  }
  const connection: DesktopConnection = { mode: 'bureau', url: p.url, fingerprint: want };
  saveConnection(dataDir, connection);
  return { ok: true, connection };
}

/** The bridge call `connectBureau` (preload → main) as a contract-style Result the page shows. */
export async function connectBureauCall(dataDir: string, address: unknown, fingerprint: unknown): Promise<Result<null>> {
  const r = await connectBureau(dataDir, String(address ?? ''), String(fingerprint ?? ''));
  return r.ok ? ok(null) : err('INVALID_INPUT', r.message, r.field);
}

/**
 * Electron's certificate verifier (session.setCertificateVerifyProc) for a workstation connected to
 * the bureau: the bureau's host is trusted iff its certificate carries the pinned key (0 = accept,
 * -2 = refuse); any other host gets Chromium's own verification (-3).
 */
export function verifyBureauCertificate(c: DesktopConnection, hostname: string, certPem: string): 0 | -2 | -3 {
  if (c.mode !== 'bureau') return -3;
  const host = new URL(c.url).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (hostname.replace(/^\[|\]$/g, '').toLowerCase() !== host) return -3;
  return fingerprintMatches(certPem, c.fingerprint) ? 0 : -2;
}

/** May the window navigate to `url`? Only within the bureau server's origin. */
export const onBureauOrigin = (c: DesktopConnection, url: string): boolean => {
  if (c.mode !== 'bureau') return false;
  try {
    return new URL(url).origin === new URL(c.url).origin;
  } catch {
    return false;
  }
};
