import fs from 'node:fs';
import { err } from '../contract';
import { sessionUser } from '../core/files/access';
import { openDownload } from '../core/files/downloads';
import { DomainError } from '../core/errors';
import type { FileRoute } from './fileRoutes';

/**
 * GET /api/file/download/<token>?csrf=<token>: any module's generated file (see
 * src/core/files/downloads.ts), for the logged-in user who generated it. The CSRF token rides in the
 * query because a plain link cannot send headers.
 */
export const downloadRoute: FileRoute = {
  match: (p, method) => /^\/api\/file\/download\/[A-Za-z0-9_-]+$/.test(p) && (method === 'GET' || method === 'HEAD'),
  handle: ({ app, sessionKey, req, res, url }) => {
    const token = url.pathname.split('/').pop()!;
    let found: ReturnType<typeof openDownload>;
    try {
      found = openDownload(app, sessionUser(app, sessionKey), token);
    } catch (e) {
      if (e instanceof DomainError) return sendJson(res, e.code === 'NOT_FOUND' ? 404 : 403, err(e.code, e.message));
      throw e;
    }
    const ascii = found.name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
    res.writeHead(200, {
      'Content-Type': found.mime,
      'Content-Length': String(found.size),
      'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(found.name)}`,
      'Cache-Control': 'no-store',
    });
    if (req.method === 'HEAD') return void res.end();
    fs.createReadStream(found.file).pipe(res);
  },
};

function sendJson(res: import('node:http').ServerResponse, status: number, body: object): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}
