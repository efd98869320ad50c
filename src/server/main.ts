import fs from 'node:fs';
import module from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bureauBanner } from './bureau/banner';

const here = path.dirname(fileURLToPath(import.meta.url));
/** Where the built renderer lives: beside the bundled server (out/main → out/renderer) or, from source, in out/. */
// A built renderer has assets/ beside index.html; from source, src/renderer/index.html is the unbuilt page.
export const RENDERER_DIR = [path.resolve(here, '../renderer'), path.resolve(here, '../../out/renderer')].find(
  (d) => fs.existsSync(path.join(d, 'index.html')) && fs.existsSync(path.join(d, 'assets')),
) ?? path.resolve(here, '../../out/renderer');

/**
 * Runs browser mode on its own: `tsx src/server/main.ts [--data DIR] [--port N]`, or the bundle
 * out/main/server.js that `npm start` falls back to. This file imports nothing of the core on
 * purpose: Node's compile cache is switched on first, then the core is imported, so every start after
 * the first skips compiling the ~1 MB core bundle (~35–50 ms of a cold start; docs/benchmarks.md).
 */
export async function runBrowserMode(argv = process.argv): Promise<{ url: string; close: () => Promise<void> }> {
  // In the OS temp folder (node-compile-cache), keyed by file contents and Node version.
  module.enableCompileCache?.();
  const { startBrowserMode } = await import('./browserMode');
  return startBrowserMode(argv, RENDERER_DIR);
}

/** The bureau server for the LAN (`--server`): TLS, configured address and host names (see bureau/serve.ts). */
export async function runBureauServer(argv = process.argv): Promise<import('./bureau/serve').RunningBureau> {
  module.enableCompileCache?.();
  const { startBureauServer } = await import('./bureau/serve');
  return startBureauServer(argv, RENDERER_DIR);
}

export { bureauBanner };

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--server')) {
    console.log(bureauBanner(await runBureauServer()));
  } else {
    const { url } = await runBrowserMode();
    console.log(`交叉执行工作台（浏览器模式）已启动：${url}`);
  }
}
