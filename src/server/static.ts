import fs from 'node:fs';
import path from 'node:path';
import type { ServerResponse } from 'node:http';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.map': 'application/json',
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/octet-stream',
};

/** The Content-Type of a renderer file (also for Electron's app:// protocol, electron/main.ts). */
export const contentTypeOf = (file: string): string => TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';

/**
 * Serves the built renderer; unknown paths get index.html (the UI routes by hash). `html`, when
 * given, rewrites an HTML page before it is sent (the server writes the page's CSRF token into it).
 */
export function serveStatic(root: string, urlPath: string, res: ServerResponse, html?: (page: string) => string): void {
  const clean = decodeURIComponent(urlPath.split('?')[0]!);
  let file = path.normalize(path.join(root, clean));
  if (!file.startsWith(path.normalize(root + path.sep)) && file !== path.normalize(root)) {
    res.writeHead(403).end();
    return;
  }
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(root, 'index.html');
  if (!fs.existsSync(file)) {
    res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('界面尚未构建：请先运行 npm run build（UI not built: run npm run build）');
    return;
  }
  const ext = path.extname(file);
  if (ext === '.html' && html) {
    const page = html(fs.readFileSync(file, 'utf8'));
    res.writeHead(200, { 'Content-Type': TYPES[ext]!, 'Cache-Control': 'no-store' });
    res.end(page);
    return;
  }
  res.writeHead(200, {
    'Content-Type': TYPES[ext] ?? 'application/octet-stream',
    'Cache-Control': ext === '.html' ? 'no-store' : 'public, max-age=3600',
  });
  fs.createReadStream(file).pipe(res);
}
