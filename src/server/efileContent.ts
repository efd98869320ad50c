import fs from 'node:fs';
import { err } from '../contract';
import { openSessionDocument } from '../core/efiles/content';
import { DomainError } from '../core/errors';
import type { FileRoute } from './fileRoutes';

/**
 * GET /api/file/efile/<id>?csrf=…[&download=1]: a stored e-file document for the viewer (inline,
 * with byte ranges so pdf.js reads a 300-page scan page by page) or as a download. The core checks
 * the session and the user's right to the document (副卷!) and audits 副卷 reads — the same check
 * Electron's bridge makes (`openSessionDocument` in src/core/efiles/content.ts).
 */
export const efileContentRoute: FileRoute = {
  match: (p, method) => /^\/api\/file\/efile\/\d+$/.test(p) && (method === 'GET' || method === 'HEAD'),
  handle: ({ app, sessionKey, req, res, url }) => {
    const id = Number(url.pathname.split('/').pop());
    const download = url.searchParams.get('download') === '1';
    let c: ReturnType<typeof openSessionDocument>;
    try {
      c = openSessionDocument(app, sessionKey, id, download ? 'download' : 'view');
    } catch (e) {
      if (e instanceof DomainError) {
        const status = e.code === 'NOT_FOUND' ? 404 : e.code === 'INVALID_INPUT' ? 400 : e.code === 'DAMAGED' ? 410 : e.code === 'UNAUTHENTICATED' || e.code === 'SESSION_LOCKED' ? 401 : 403;
        res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
        return void res.end(JSON.stringify(err(e.code, e.message)));
      }
      throw e;
    }
    const ascii = c.name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
    const headers: Record<string, string> = {
      'Content-Type': c.mime,
      'Accept-Ranges': 'bytes',
      'Cache-Control': 'private, no-store',
      'Content-Disposition': `${download ? 'attachment' : 'inline'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(c.name)}`,
    };
    const range = /^bytes=(\d*)-(\d*)$/.exec(String(req.headers.range ?? ''));
    if (range && !download && (range[1] || range[2])) {
      let start = range[1] ? Number(range[1]) : Math.max(0, c.size - Number(range[2]));
      let end = range[1] && range[2] ? Math.min(Number(range[2]), c.size - 1) : c.size - 1;
      if (start >= c.size || start > end) {
        res.writeHead(416, { 'Content-Range': `bytes */${c.size}` });
        return void res.end();
      }
      start = Math.max(0, start);
      end = Math.max(start, end);
      res.writeHead(206, { ...headers, 'Content-Range': `bytes ${start}-${end}/${c.size}`, 'Content-Length': String(end - start + 1) });
      if (req.method === 'HEAD') return void res.end();
      return void fs.createReadStream(c.file, { start, end }).pipe(res);
    }
    res.writeHead(200, { ...headers, 'Content-Length': String(c.size) });
    if (req.method === 'HEAD') return void res.end();
    fs.createReadStream(c.file).pipe(res);
  },
};
