import http from 'node:http';

export type HttpResult = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

/**
 * One request to a browser-mode server on 127.0.0.1 with our Host header (tests of src/server).
 * The body is a buffer/string, or `chunks` written one by one (awaiting each, so a test can look at
 * the disk in between; the server may answer and close before all are sent — a refused upload — which
 * is not an error then). `length` sets Content-Length; without it a chunked body is sent chunked.
 */
export function httpRequest(
  port: number,
  path: string,
  o: { method?: string; headers?: Record<string, string>; body?: string | Buffer; chunks?: AsyncIterable<Buffer>; length?: number } = {},
): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { Host: `127.0.0.1:${port}`, ...o.headers };
    if (o.length !== undefined) headers['Content-Length'] = String(o.length);
    const req = http.request({ host: '127.0.0.1', port, path, method: o.method ?? 'GET', headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(parts) }));
    });
    req.on('error', (e: NodeJS.ErrnoException) => (o.chunks && (e.code === 'EPIPE' || e.code === 'ECONNRESET') ? undefined : reject(e)));
    void (async () => {
      if (o.body !== undefined) req.write(o.body);
      if (o.chunks) for await (const c of o.chunks) if (!req.write(c)) await new Promise((r) => req.once('drain', r));
      req.end();
    })().catch(reject);
  });
}
