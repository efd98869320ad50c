import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from './core';

const root = path.resolve(import.meta.dirname, '../..');
/** What `npm start` falls back to: the bundled browser-mode server (`npm test` builds it before the unit tests). */
export const BUNDLED_SERVER = path.join(root, 'out/main/server.js');

/**
 * Starts the bundled server on an empty data folder (with extra Node flags before the script) and
 * resolves with its URL once it prints it; rejects with its stderr if it exits first. `stderr()` is
 * everything it wrote there so far; `stop()` kills it and removes the folder.
 */
export async function startBundledServer(nodeArgs: string[] = []): Promise<{ url: string; stderr: () => string; stop: () => void }> {
  const dir = tempDir('xdesk-bundle-');
  const child = spawn(process.execPath, [...nodeArgs, BUNDLED_SERVER, '--data', dir], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const stop = () => {
    child.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(d.toString());
        if (m) resolve(m[0]);
      });
      child.on('exit', (code) => reject(new Error(`server exited (${code}): ${err}`)));
    });
    return { url, stderr: () => err, stop };
  } catch (e) {
    stop();
    throw e;
  }
}
