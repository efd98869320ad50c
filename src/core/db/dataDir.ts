import os from 'node:os';
import path from 'node:path';

/** Folder name under the platform's per-user data folder; the Electron host uses the same one. */
export const APP_FOLDER = 'cross-execution-desk';

/**
 * The platform's per-user data folder, identical to Electron's `app.getPath('userData')` for this app,
 * so the CLI, browser mode and the desktop window share one database.
 */
export function defaultDataDir(env = process.env, platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_FOLDER);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_FOLDER);
}

/** `--data DIR` wins, then XDESK_DATA, then the platform default. */
export function resolveDataDir(argv: readonly string[] = process.argv, env = process.env): string {
  const i = argv.indexOf('--data');
  if (i >= 0 && argv[i + 1]) return path.resolve(argv[i + 1]);
  const eq = argv.find((a) => a.startsWith('--data='));
  if (eq) return path.resolve(eq.slice('--data='.length));
  if (env.XDESK_DATA) return path.resolve(env.XDESK_DATA);
  return defaultDataDir(env);
}
