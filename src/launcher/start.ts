import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { probeElectron } from './electronBinary';
import { pathToFileURL } from 'node:url';

/**
 * `npm start`: the desktop window when Electron can start; otherwise one clear line and browser
 * mode on 127.0.0.1, opened in the default browser (not under CI). Arguments after `--` pass on
 * (e.g. `npm start -- --data D:\xdesk --port 8080`, or `--browser` to skip Electron, or `--server`
 * for the bureau server on the LAN).
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);

function ensureBuilt(): void {
  const needed = ['out/renderer/index.html', 'out/main/main.js', 'out/main/server.js', 'out/preload/preload.cjs'];
  if (needed.every((f) => fs.existsSync(path.join(root, f)))) return;
  console.log('首次运行，正在构建界面… (first run: building the UI…)');
  const bin = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'electron-vite.cmd' : 'electron-vite');
  const r = spawnSync(bin, ['build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) {
    console.error('界面构建失败 (UI build failed)');
    process.exit(1);
  }
}

async function browserMode(reason: string | null): Promise<void> {
  if (reason) {
    console.log(`无法启动桌面窗口（${reason}），改用浏览器模式。 Electron cannot start here; falling back to browser mode.`);
  }
  // The bundled server (built by electron-vite beside the Electron main) starts without compiling TypeScript.
  const bundled = path.join(root, 'out/main/server.js');
  const { runBrowserMode } = (await import(pathToFileURL(bundled).href)) as typeof import('../server/main');
  const { url } = await runBrowserMode(['node', 'start', ...args]);
  console.log(`交叉执行工作台已在浏览器模式运行 / running in browser mode: ${url}`);
  console.log('按 Ctrl+C 退出 / press Ctrl+C to stop');
  if (!process.env.CI && !args.includes('--no-open')) {
    const { default: open } = await import('open');
    open(url).catch(() => console.log('请在浏览器中打开上面的地址 / open the address above in a browser'));
  }
}

/** `npm start -- --server`: the bureau server for the LAN (no window, no browser opened). */
async function bureauServer(): Promise<void> {
  const bundled = path.join(root, 'out/main/server.js');
  const { runBureauServer, bureauBanner } = (await import(pathToFileURL(bundled).href)) as typeof import('../server/main');
  try {
    console.log(bureauBanner(await runBureauServer(['node', 'start', ...args])));
  } catch (e) {
    console.error(`局内服务器无法启动：${(e as Error).message}`);
    process.exit(1);
  }
}

async function main(): Promise<void> {
  ensureBuilt();
  if (args.includes('--server')) return bureauServer();
  if (args.includes('--browser')) return browserMode(null);
  const probe = probeElectron();
  if (!probe.ok) return browserMode(probe.reason);
  const started = Date.now();
  const child = spawn(probe.path, [root, ...args], { stdio: 'inherit', env: { ...process.env, ELECTRON_RUN_AS_NODE: undefined } });
  let fellBack = false;
  child.on('error', (e) => {
    fellBack = true;
    void browserMode(e.message);
  });
  child.on('exit', (code) => {
    // A crash within seconds means the window could not open (no display, missing libraries).
    if (!fellBack && code !== 0 && Date.now() - started < 5_000) {
      fellBack = true;
      void browserMode(`Electron 退出码 ${code}`);
    } else if (!fellBack) process.exit(code ?? 0);
  });
}

void main();
