import { openCore } from '../../src/core/app';
import { startServer } from '../../src/server/server';
import { RENDERER_DIR } from '../../src/server/main';

/**
 * The server under load (`npm run bench -- load`): browser mode on 127.0.0.1 in its own process, so
 * the load generator's event loop does not share the server's. Prints its port; ends when the
 * parent closes stdin (the bench never leaves it running).
 */
process.on('uncaughtException', (e) => {
  console.error('[load server] uncaught', e);
  process.exit(70);
});
process.on('exit', (code) => console.error(`[load server] exit ${code}`));
// Render documents in worker threads, as the bundled hosts do (src/core/workers/pool.ts).
process.env.XDESK_DOCUMENT_WORKERS ??= '1';
const app = openCore({ dataDir: process.argv[2]! });
const server = await startServer({ app, rendererDir: RENDERER_DIR });
process.stdout.write(`${JSON.stringify({ port: server.port })}\n`);
process.stdin.resume();
process.stdin.on('end', () => void server.close().then(() => (app.close(), process.exit(0))));
