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

let csrf: Promise<string> | null = null;
/** Browser mode's CSRF token, fetched once per page load (the cookie is set by the same answer). */
export function csrfToken(): Promise<string> {
  csrf ??= fetch('/api/csrf', { credentials: 'same-origin' })
    .then((r) => r.json())
    .then((r: Result<{ csrf: string }>) => (r.ok ? r.value.csrf : ''));
  return csrf;
}

const httpTransport: Transport = async (name, input) => {
  try {
    const res = await fetch(`/api/call/${name}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': await csrfToken() },
      body: JSON.stringify(input ?? {}),
    });
    return (await res.json()) as Result<unknown>;
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: '无法连接到工作台服务，请确认程序仍在运行' } };
  }
};

export const transport: Transport = (name, input) =>
  window.xdesk ? window.xdesk.call(name, input) : httpTransport(name, input);
