import { _electron as electron, test, expect } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { probeElectron } from '../../src/launcher/electronBinary';

// The Electron binary is downloaded on first use; these machines have no route to its download
// host, so the launch test can only run where the binary exists (a developer's workstation).
const probe = probeElectron(30_000);

test('the desktop window opens hardened and shows the first-run page', async () => {
  test.skip(!probe.ok, `Electron binary unavailable here: ${probe.ok ? '' : probe.reason}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xdesk-electron-'));
  const app = await electron.launch({ executablePath: probe.ok ? probe.path : undefined, args: [path.resolve(import.meta.dirname, '../..'), '--data', dir] });
  const win = await app.firstWindow();
  await expect(win.getByText('首次使用：创建管理员账户')).toBeVisible();
  // contextIsolation + sandbox + no nodeIntegration: the page sees neither Node nor the preload's scope.
  const seen = await win.evaluate(() => ({
    process: typeof (window as unknown as { process?: unknown }).process,
    bridge: typeof (window as unknown as { xdesk?: { call?: unknown } }).xdesk?.call,
  }));
  expect(seen).toEqual({ process: 'undefined', bridge: 'function' });
  expect(await win.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
  await app.close();
});
