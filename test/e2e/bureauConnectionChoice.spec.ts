import fs from 'node:fs';
import path from 'node:path';
import { connectBureauCall, loadConnection } from '../../electron/bureauConnection';
import { startServer } from '../../src/server/server';
import { makeSelfSignedCertificate } from '../../src/server/bureau/x509';
import { certificateFingerprint } from '../../src/server/bureau/fingerprint';
import { openCore } from '../../src/core/app';
import { test, expect } from './server';

// The desktop app's first start, as it runs in Electron: window.xdesk (the preload's bridge) is
// present and asks 本机数据 / 连接局内服务器 first. No Electron binary runs here, so the bridge is a
// script; its connectBureau goes to the same function the main process calls
// (electron/bureauConnection.ts connectBureauCall), in Node, against a real bureau server over TLS.
const BRIDGE = `(() => {
  let csrf = null;
  const token = async () => (csrf ??= fetch('/api/csrf', { credentials: 'same-origin' }).then((r) => r.json()).then((r) => r.value.csrf));
  window.__local = 0;
  window.xdesk = {
    call: async (name, input) => {
      const r = await fetch('/api/call/' + name, { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': await token() }, body: JSON.stringify(input ?? {}) });
      // Signing in renews the session id and its CSRF token (src/server/server.ts).
      if (r.headers.get('X-Xdesk-Csrf')) csrf = Promise.resolve(r.headers.get('X-Xdesk-Csrf'));
      return r.json();
    },
    connection: async () => ({ chosen: false }),
    chooseLocal: async () => { window.__local++; return { ok: true, value: null }; },
    connectBureau: (address, fingerprint) => window.__connectBureau(address, fingerprint),
  };
})();`;

test('first start on a workstation: connecting checks the fingerprint; 本机数据 goes on to the first-run page', async ({ page, server }) => {
  test.setTimeout(90_000);
  const bureauDir = fs.mkdtempSync(path.join(server.dir, 'bureau-'));
  const bureauCore = openCore({ dataDir: bureauDir });
  const cert = makeSelfSignedCertificate({ commonName: 'localhost', hostNames: ['localhost', '127.0.0.1'], days: 30 });
  const bureau = await startServer({ app: bureauCore, rendererDir: bureauDir, tls: { cert: cert.certPem, key: cert.keyPem } });
  const workstation = path.join(server.dir, 'workstation');
  try {
    await page.exposeFunction('__connectBureau', (a: string, f: string) => connectBureauCall(workstation, a, f));
    await page.addInitScript(BRIDGE);
    await page.goto(server.url);
    await expect(page.getByText('首次使用：选择数据所在')).toBeVisible();

    // A fingerprint that is not the server's: refused, the message names the one presented, nothing saved.
    const fp = certificateFingerprint(cert.certPem);
    const other = certificateFingerprint(makeSelfSignedCertificate({ commonName: 'x', hostNames: ['x'], days: 1 }).certPem);
    await page.getByLabel('服务器地址').fill(`127.0.0.1:${bureau.port}`);
    await page.getByLabel('证书指纹（SHA-256）').fill(other);
    await page.getByRole('button', { name: '核对指纹并连接' }).click();
    await expect(page.getByRole('alert')).toContainText('证书指纹不符');
    await expect(page.getByRole('alert')).toContainText(fp);
    expect(loadConnection(workstation)).toBeNull();
    await page.screenshot({ path: 'out/test-results/bureau-connection-choice.png' });

    // The right one (typed in lower case with spaces): saved, the app restarts into the server.
    await page.getByLabel('证书指纹（SHA-256）').fill(fp.toLowerCase().replace(/:/g, ' '));
    await page.getByRole('button', { name: '核对指纹并连接' }).click();
    await expect(page.getByTestId('bureau-connected')).toBeVisible();
    expect(loadConnection(workstation)).toEqual({ mode: 'bureau', url: `https://127.0.0.1:${bureau.port}/`, fingerprint: fp });

    // Another workstation keeps its data locally: straight on to creating the administrator.
    await page.reload();
    await page.getByRole('button', { name: '使用本机数据' }).click();
    await expect(page.getByText('首次使用：创建管理员账户')).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __local: number }).__local)).toBe(1);
  } finally {
    await bureau.close();
    bureauCore.close();
  }
});
