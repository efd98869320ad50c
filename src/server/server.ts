import type * as Http from 'node:http';
import type * as Https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { MAX_PAYLOAD_BYTES, err, type Result } from '../contract';
import type { CoreApp } from '../core/app';
import { dispatch } from '../core/api/dispatch';
import { hostAllowed, jsonTooDeep, originAllowed, parseCookies, securityHeaders } from './security';
import { SessionIds, type IssuedId } from './sessionIds';
import { serveStatic } from './static';
import { fileRoutes } from './fileRoutes';
import { EventHub } from './events';
import { hostHeaderName } from './bureau/config';

export type ServerOptions = {
  app: CoreApp;
  rendererDir: string;
  port?: number;
  /** The address bound: 127.0.0.1 for browser mode; the bureau server binds its configured one. */
  host?: string;
  /** Bureau mode: further names the Host header may carry (127.0.0.1 and localhost always may). */
  hostNames?: readonly string[];
  /** Bureau mode: serve HTTPS with this certificate (PEM); the session cookie is then Secure. */
  tls?: { cert: string; key: string };
};
export type RunningServer = { url: string; port: number; close: () => Promise<void> };

const COOKIE = 'xdesk_sid';
/** Calls that sign a session in: they run under a freshly issued id, which replaces the old one on success (issue 12 §3). */
const STARTS_SESSION = new Set(['auth.login', 'auth.setupAdmin']);
/** Deeper JSON is refused before JSON.parse (no input of the contract nests beyond a few levels). */
const MAX_JSON_DEPTH = 64;
/** The empty slot in src/renderer/index.html that the server fills with the page's CSRF token. */
const CSRF_META = '<meta name="xdesk-csrf" content="" />';

// Not `import http from 'node:http'`: building the ESM namespace of node:http reads every export,
// and one of them (WebSocket) loads undici, ~40–60 ms of a cold start measured in a CPU profile.
const http = process.getBuiltinModule('node:http') as typeof Http;

/**
 * Browser mode: the built renderer plus the contract as JSON on 127.0.0.1. Every call goes through
 * the same dispatcher as the Electron host; the cookie only names the session, the CSRF token
 * proves the request came from our page.
 */
export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  // Ids dropped (expired, evicted, replaced at login) take their login with them.
  const ids = new SessionIds({ onDrop: (sid) => opts.app.sessions.clear(sid) });
  let port = 0;
  const scheme = opts.tls ? 'https' : 'http';
  const extraHosts = (opts.hostNames ?? []).map(hostHeaderName);
  const events = new EventHub(opts.app);

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((e) => {
      console.error('[xdesk] request failed', e);
      if (!res.headersSent) sendJson(res, 500, err('INTERNAL', '内部错误'));
      else res.end();
    });
  };
  const server = opts.tls
    ? (process.getBuiltinModule('node:https') as typeof Https).createServer({ cert: opts.tls.cert, key: opts.tls.key, minVersion: 'TLSv1.2' }, listener)
    : http.createServer(listener);

  async function handle(req: IncomingMessage, res: ServerResponse) {
    securityHeaders(res);
    if (!hostAllowed(req, port, extraHosts)) {
      res.writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Host 不被允许');
      return;
    }
    // The request target is a path; one starting with '//' would be read as a host by new URL(target, base).
    const url = new URL(`${scheme}://${req.headers.host}${req.url?.startsWith('/') ? req.url : '/'}`);
    // A malformed escape (%E0%A4%A) anywhere in the path is the client's mistake: 400, not a 500 later (issue 12 §13).
    if (!decodable(url.pathname)) return sendJson(res, 400, err('INVALID_INPUT', '请求地址中的编码不正确'));
    if (!url.pathname.startsWith('/api/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405).end();
      // The page carries its session's CSRF token (as GET /api/csrf would give it), so its first
      // call needs no extra round trip (cold start). Like any same-origin answer, other sites cannot read it.
      return serveStatic(opts.rendererDir, url.pathname, res, (page) => page.replace(CSRF_META, `<meta name="xdesk-csrf" content="${sessionId(req, res).csrf}" />`));
    }
    const session = sessionId(req, res);
    const sid = session.sid;

    if (url.pathname === '/api/csrf' && req.method === 'GET') {
      return sendJson(res, 200, { ok: true, value: { csrf: session.csrf } });
    }

    const isEvents = url.pathname === '/api/events' && req.method === 'GET';
    if (req.method !== 'POST' && !url.pathname.startsWith('/api/file/') && !isEvents) return sendJson(res, 405, err('INVALID_INPUT', '不支持的请求方法'));
    if (!originAllowed(req, scheme)) return sendJson(res, 403, err('CSRF', '请求来源不被允许'));
    const given = String(req.headers['x-csrf-token'] ?? url.searchParams.get('csrf') ?? '');
    if (!safeEqual(session.csrf, given)) return sendJson(res, 403, err('CSRF', '页面已过期，请刷新后重试'));
    if (isEvents) return void (events.open(sid, res) || sendJson(res, 401, err('UNAUTHENTICATED', '请先登录')));
    // Whatever this request changes, the users it notified are told once it is answered.
    res.on('finish', () => events.poke());

    const route = fileRoutes.find((r) => r.match(url.pathname, req.method ?? 'GET'));
    if (route) return route.handle({ app: opts.app, sessionKey: sid, req, res, url });

    const m = /^\/api\/call\/([A-Za-z0-9_.]+)$/.exec(url.pathname);
    if (!m) return sendJson(res, 404, err('UNKNOWN_CALL', '未知的接口'));
    const body = await readBody(req, MAX_PAYLOAD_BYTES);
    if (body === 'too-large') return sendJson(res, 413, err('PAYLOAD_TOO_LARGE', '提交的数据超过 10 MB 上限，操作未执行'));
    let input: unknown = {};
    if (jsonTooDeep(body, MAX_JSON_DEPTH)) return sendJson(res, 400, err('INVALID_INPUT', `提交的数据嵌套超过 ${MAX_JSON_DEPTH} 层，操作未执行`));
    if (body.length > 0) {
      try {
        input = JSON.parse(body.toString('utf8'));
      } catch {
        return sendJson(res, 400, err('INVALID_INPUT', '提交的数据不是有效的 JSON'));
      }
    }
    // The client for login throttling is the remote address (bureau mode serves the whole LAN).
    const client = req.socket.remoteAddress ?? sid;
    // Signing in happens under a new id: the one this browser held before (perhaps planted, perhaps
    // seen) is dropped on success, and the page gets the new CSRF token in a header (issue 12 §3).
    const next = STARTS_SESSION.has(m[1]!) ? ids.issue() : null;
    const result = await dispatch(opts.app, next?.sid ?? sid, m[1]!, input, { payloadBytes: body.length, client });
    if (next && result.ok) {
      ids.drop(sid);
      setCookie(res, next);
      res.setHeader('X-Xdesk-Csrf', next.csrf);
    } else if (next) ids.drop(next.sid);
    sendJson(res, 200, result);
  }

  /** The request's session id — only one this server issued; anything else gets a fresh id. */
  function sessionId(req: IncomingMessage, res: ServerResponse): IssuedId {
    const known = ids.known(parseCookies(req.headers.cookie)[COOKIE]);
    if (known) return known;
    const fresh = ids.issue();
    setCookie(res, fresh);
    return fresh;
  }

  function setCookie(res: ServerResponse, id: IssuedId): void {
    res.setHeader('Set-Cookie', `${COOKIE}=${id.sid}; HttpOnly; SameSite=Strict; Path=/${opts.tls ? '; Secure' : ''}`);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `${scheme}://127.0.0.1:${port}/`,
    port,
    close: () =>
      new Promise((r) => {
        events.close();
        server.close(() => r());
        // Open event streams and idle keep-alive connections would hold close() forever.
        server.closeAllConnections();
      }),
  };
}

function decodable(s: string): boolean {
  try {
    decodeURIComponent(s);
    return true;
  } catch {
    return false;
  }
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function sendJson(res: ServerResponse, status: number, body: Result<unknown> | object): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** Reads a request body, refusing (without buffering it all) anything over `limit` bytes. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      req.resume();
      return resolve('too-large');
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) over = true;
      else if (!over) chunks.push(c);
    });
    req.on('end', () => resolve(over ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
