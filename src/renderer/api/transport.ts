import type { Transport } from '../../contract/client';
import type { Result } from '../../contract/result';

/** What the Electron preload exposes (see electron/preload.ts). */
export type DesktopBridge = {
  call: (name: string, input: unknown) => Promise<Result<unknown>>;
  openFiles?: (opts: { directory?: boolean; filters?: { name: string; extensions: string[] }[] }) => Promise<string[]>;
  openPath?: (p: string) => Promise<void>;
};

declare global {
  interface Window {
    xdesk?: DesktopBridge;
  }
}

export const isDesktop = () => typeof window !== 'undefined' && !!window.xdesk;

/** The CSRF token the server wrote into the page (browser mode; see src/server/server.ts), or ''. */
const pageToken = typeof document !== 'undefined' ? (document.querySelector<HTMLMetaElement>('meta[name="xdesk-csrf"]')?.content ?? '') : '';

let csrf: Promise<string> | null = null;
/** Browser mode's CSRF token: the page's own, else fetched once per page load from GET /api/csrf. */
export function csrfToken(): Promise<string> {
  csrf ??= pageToken
    ? Promise.resolve(pageToken)
    : fetch('/api/csrf', { credentials: 'same-origin' })
        .then((r) => r.json())
        .then((r: Result<{ csrf: string }>) => (r.ok ? r.value.csrf : ''));
  return csrf;
}

const UNREACHABLE: Result<unknown> = { ok: false, error: { code: 'INTERNAL', message: '无法连接到工作台服务，请确认程序仍在运行' } };

/** POSTs one call; `fetch` is called synchronously, before the first await. */
function post(name: string, input: unknown, token: string): Promise<Result<unknown>> {
  return fetch(`/api/call/${name}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': token },
    body: JSON.stringify(input ?? {}),
  })
    .then((res) => {
      // Signing in gives the page a new session id (cookie) and this new CSRF token (src/server/server.ts).
      const renewed = res.headers.get('X-Xdesk-Csrf');
      if (renewed) csrf = Promise.resolve(renewed);
      return res.json() as Promise<Result<unknown>>;
    })
    .catch(() => UNREACHABLE);
}

const httpTransport: Transport = async (name, input) => post(name, input, await csrfToken());

/**
 * Browser mode sends auth.status (which decides the first screen) as soon as this module runs, with
 * the page's token, so the answer travels while the rest of the UI's code is still being evaluated
 * (cold start, docs/benchmarks.md). main.tsx takes the answer and renders the right screen at once.
 */
let firstStatus: Promise<Result<unknown>> | null = pageToken && typeof window !== 'undefined' && !window.xdesk ? post('auth.status', {}, pageToken) : null;

/** That early auth.status answer, once (null in Electron, or when already taken). */
export function takeFirstStatus(): Promise<Result<unknown>> | null {
  const early = firstStatus;
  firstStatus = null;
  return early;
}

export const transport: Transport = (name, input) => (window.xdesk ? window.xdesk.call(name, input) : httpTransport(name, input));
