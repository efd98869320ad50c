import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resumeOcr } from '../core/efiles/text/ocrRunner';
import { openCore } from '../core/app';
import { resolveDataDir } from '../core/db/dataDir';
import { startServer } from './server';

const here = path.dirname(fileURLToPath(import.meta.url));
/** Where the built renderer lives: beside the bundled server (out/main → out/renderer) or, from source, in out/. */
// A built renderer has assets/ beside index.html; from source, src/renderer/index.html is the unbuilt page.
export const RENDERER_DIR = [path.resolve(here, '../renderer'), path.resolve(here, '../../out/renderer')].find(
  (d) => fs.existsSync(path.join(d, 'index.html')) && fs.existsSync(path.join(d, 'assets')),
) ?? path.resolve(here, '../../out/renderer');

/** Runs browser mode on its own: `tsx src/server/main.ts [--data DIR] [--port N]`. */
export async function runBrowserMode(argv = process.argv): Promise<{ url: string; close: () => Promise<void> }> {
  const dataDir = resolveDataDir(argv);
  const app = openCore({ dataDir });
  // Pick up OCR work left queued by an earlier run (the queue is a table; see src/core/efiles/text).
  resumeOcr(app);
  const pi = argv.indexOf('--port');
  const port = pi >= 0 ? Number(argv[pi + 1]) : Number(process.env.XDESK_PORT ?? 0);
  const server = await startServer({ app, rendererDir: RENDERER_DIR, port });
  return {
    url: server.url,
    close: async () => {
      await server.close();
      app.close();
    },
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { url } = await runBrowserMode();
  console.log(`交叉执行工作台（浏览器模式）已启动：${url}`);
}
