import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';

export type ElectronProbe = { ok: true; path: string } | { ok: false; reason: string };

/**
 * Finds the Electron binary. The `electron` package downloads it on first use; on machines without
 * internet that fails, so the lookup runs in a child process with a time limit and any failure means
 * "use browser mode".
 */
export function probeElectron(timeoutMs = 120_000): ElectronProbe {
  let pkgDir: string;
  try {
    pkgDir = createRequire(import.meta.url).resolve('electron');
  } catch {
    return { ok: false, reason: 'electron 未安装 (package not installed)' };
  }
  const r = spawnSync(process.execPath, ['-e', `process.stdout.write(require(${JSON.stringify(pkgDir)}))`], {
    encoding: 'utf8',
    timeout: timeoutMs,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const p = (r.stdout ?? '').trim();
  if (r.status === 0 && p && fs.existsSync(p)) return { ok: true, path: p };
  const stderr = r.stderr ?? '';
  if (/fetch failed|ENOTFOUND|ECONNREFUSED|EAI_AGAIN|download/i.test(stderr)) {
    return { ok: false, reason: 'Electron 程序文件未安装且无法下载 (Electron binary missing, download failed)' };
  }
  const detail = stderr.split('\n').find((l) => l.trim()) ?? (r.error ? String(r.error) : 'binary missing');
  return { ok: false, reason: detail.slice(0, 200) };
}
