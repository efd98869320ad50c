import fs from 'node:fs';
import path from 'node:path';

/**
 * The desktop window's rules, as plain functions (no Electron import) so they are unit-tested in
 * Node (test/security/electronPolicy.test.ts) — the Electron binary cannot run on the build machines.
 * Issue 12 §6.
 */

/** The renderer is served from app://xdesk/… (main.ts registers the protocol), never file://. */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://xdesk';
export const APP_INDEX = `${APP_ORIGIN}/index.html`;

/** Whether a URL is one of our own pages (main frame navigation, redirects, sub-frames). */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === 'xdesk';
  } catch {
    return false;
  }
}

/**
 * The file app://xdesk/<path> serves from the built renderer folder, or null: another host, a
 * malformed escape, a path leaving the folder (../, encoded %2e%2e, a backslash) are refused.
 */
export function appFilePath(root: string, url: string): string | null {
  if (!isAppUrl(url)) return null;
  let rel: string;
  try {
    rel = decodeURIComponent(new URL(url).pathname);
  } catch {
    return null;
  }
  if (rel.includes('\0') || rel.includes('\\')) return null;
  if (rel === '/' || rel === '') rel = '/index.html';
  const base = path.resolve(root);
  const file = path.resolve(base, `.${rel}`);
  return file.startsWith(base + path.sep) ? file : null;
}

/** Sites a link may open in the system browser: the courts' public sites only, over https. */
export const EXTERNAL_HOSTS: readonly string[] = ['www.court.gov.cn', 'zxgk.court.gov.cn', 'wenshu.court.gov.cn', 'splcgk.court.gov.cn'];

export function externalUrlAllowed(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && !u.username && !u.password && EXTERNAL_HOSTS.includes(u.hostname);
  } catch {
    return false;
  }
}

/**
 * What `openPath` may hand to the system: documents the app generated — approval forms and letters
 * (<data>/approvals/<id>/documents/) and files prepared for download (<data>/tmp/downloads/) — of a
 * document type. Never the database, the keys, backups, the e-file store or anything outside the
 * data folder; symlinks are resolved first so a link cannot point elsewhere.
 */
const GENERATED = [/^approvals\/\d+\/documents\/[^/]+$/, /^tmp\/downloads\/[^/]+$/];
const DOCUMENT_TYPES = /\.(pdf|docx|xlsx|ofd|zip)$/i;

export function openablePath(dataDir: string, p: string): boolean {
  if (typeof p !== 'string' || !p || p.includes('\0')) return false;
  let real: string;
  let root: string;
  try {
    real = fs.realpathSync(path.resolve(p));
    root = fs.realpathSync(path.resolve(dataDir));
  } catch {
    return false;
  }
  if (!real.startsWith(root + path.sep)) return false;
  const rel = path.relative(root, real).split(path.sep).join('/');
  return GENERATED.some((g) => g.test(rel)) && DOCUMENT_TYPES.test(rel) && fs.statSync(real).isFile();
}

/** Permissions the page may ask for (camera, notifications, clipboard …): none. */
export const permissionAllowed = (): boolean => false;
