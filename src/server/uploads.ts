import { err, isCallName, ok } from '../contract';
import { userForCall } from '../core/files/access';
import { stageStream, uploadLimit } from '../core/files/uploads';
import { DomainError } from '../core/errors';
import type { FileRoute } from './fileRoutes';

/**
 * POST /api/file/upload?for=<call>&name=<file name> with the raw file as body (behind the server's
 * Host/Origin/CSRF checks). The caller must be allowed to make <call>, the call that will consume
 * the upload; the body streams to disk in the core's staging area (never buffered whole) under the
 * call's size limit, and the answer is the upload id (see src/core/files/uploads.ts).
 */
export const uploadRoute: FileRoute = {
  match: (p, method) => p === '/api/file/upload' && method === 'POST',
  handle: async ({ app, sessionKey, req, res, url }) => {
    const forCall = url.searchParams.get('for') ?? '';
    const name = url.searchParams.get('name') ?? '';
    if (!isCallName(forCall)) {
      req.resume();
      return sendJson(res, 400, err('INVALID_INPUT', '上传用途未知'));
    }
    // The call's own limit (e-file imports: the setting efileMaxFileMb); a declared length over it
    // is refused before a byte is read, and a body that runs past it is cut off while streaming.
    const limit = uploadLimit(app, forCall);
    if (Number(req.headers['content-length'] ?? 0) > limit.bytes) {
      req.resume();
      res.setHeader('Connection', 'close');
      return sendJson(res, 413, err('PAYLOAD_TOO_LARGE', limit.message(name), 'file'));
    }
    try {
      const user = userForCall(app, sessionKey, forCall);
      const staged = await stageStream(app, user, forCall, name, req);
      sendJson(res, 200, ok(staged));
    } catch (e) {
      // The body may be half read: close the connection rather than let the client reuse it.
      res.setHeader('Connection', 'close');
      req.resume();
      if (e instanceof DomainError) return sendJson(res, e.code === 'PAYLOAD_TOO_LARGE' ? 413 : 200, err(e.code, e.message, e.field));
      throw e;
    }
  },
};

function sendJson(res: import('node:http').ServerResponse, status: number, body: object): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}
