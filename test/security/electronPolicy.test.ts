import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_INDEX, appFilePath, externalUrlAllowed, isAppUrl, openablePath } from '../../electron/policy';

/**
 * Issue 12 §6, the parts of the desktop window's hardening that run as plain Node (the Electron binary
 * cannot run here; test/e2e/electron.spec.ts launches it where it exists): which URLs are ours, which
 * file app:// serves, which links open in the system browser, which paths openPath may open, and the
 * fuses set at package time.
 */
let data: string;
beforeAll(() => {
  data = fs.mkdtempSync(path.join(os.tmpdir(), 'xdesk-policy-'));
  fs.mkdirSync(path.join(data, 'approvals', '7', 'documents'), { recursive: true });
  fs.mkdirSync(path.join(data, 'tmp', 'downloads'), { recursive: true });
  fs.mkdirSync(path.join(data, 'keys', 'exchange'), { recursive: true });
  fs.writeFileSync(path.join(data, 'approvals', '7', 'documents', '审批表.pdf'), 'x');
  fs.writeFileSync(path.join(data, 'tmp', 'downloads', 'abc.xlsx'), 'x');
  fs.writeFileSync(path.join(data, 'xdesk.sqlite'), 'x');
  fs.writeFileSync(path.join(data, 'keys', 'exchange', 'a.key'), 'x');
  fs.symlinkSync(path.join(data, 'xdesk.sqlite'), path.join(data, 'tmp', 'downloads', 'link.pdf'));
});
afterAll(() => fs.rmSync(data, { recursive: true, force: true }));

describe('the desktop window policy', () => {
  it('our pages are app://xdesk only', () => {
    expect(isAppUrl(APP_INDEX)).toBe(true);
    expect(isAppUrl('app://xdesk/index.html#/ledger')).toBe(true);
    for (const u of ['file:///etc/passwd', 'app://evil/index.html', 'https://xdesk/', 'javascript:alert(1)', 'not a url']) expect(isAppUrl(u), u).toBe(false);
  });

  it('app:// serves files inside the renderer folder only', () => {
    const root = '/opt/xdesk/out/renderer';
    expect(appFilePath(root, 'app://xdesk/')).toBe(path.join(root, 'index.html'));
    expect(appFilePath(root, 'app://xdesk/assets/main.js?x=1')).toBe(path.join(root, 'assets/main.js'));
    // Dot segments the URL parser folds away stay inside the folder; the rest is refused.
    for (const u of ['app://xdesk/../../etc/passwd', 'app://xdesk/%2e%2e/%2e%2e/etc/passwd']) expect(appFilePath(root, u)?.startsWith(root + path.sep), u).toBe(true);
    for (const u of ['app://xdesk/..%2f..%2fetc/passwd', 'app://xdesk/a%5c..%5c..%5cx', 'app://xdesk/%E0%A4%A', 'app://other/index.html', 'file:///etc/passwd']) {
      expect(appFilePath(root, u), u).toBeNull();
    }
  });

  it('links open in the system browser only for the courts’ https sites', () => {
    expect(externalUrlAllowed('https://zxgk.court.gov.cn/zhixing/')).toBe(true);
    for (const u of ['http://zxgk.court.gov.cn/', 'https://evil.example/', 'https://zxgk.court.gov.cn.evil.example/', 'file:///etc/passwd', 'smb://server/share', 'https://user:pw@www.court.gov.cn/', 'javascript:alert(1)']) {
      expect(externalUrlAllowed(u), u).toBe(false);
    }
  });

  it('openPath opens generated documents only — never the database, the keys, or a link to them', () => {
    expect(openablePath(data, path.join(data, 'approvals', '7', 'documents', '审批表.pdf'))).toBe(true);
    expect(openablePath(data, path.join(data, 'tmp', 'downloads', 'abc.xlsx'))).toBe(true);
    for (const p of [path.join(data, 'xdesk.sqlite'), path.join(data, 'keys', 'exchange', 'a.key'), path.join(data, 'tmp', 'downloads', 'link.pdf'), path.join(data, 'tmp', 'downloads', '..', '..', 'xdesk.sqlite'), '/etc/passwd', '']) {
      expect(openablePath(data, p), p).toBe(false);
    }
  });

  it('the package step sets the fuses: no RunAsNode, no inspect, no NODE_OPTIONS, ASAR integrity on, app only from the ASAR', async () => {
    const require = createRequire(import.meta.url);
    const { fuseConfig } = require('../../electron/afterPack.cjs') as { fuseConfig: Record<string, unknown> };
    const { FuseV1Options } = await import('@electron/fuses');
    expect(fuseConfig[FuseV1Options.RunAsNode]).toBe(false);
    expect(fuseConfig[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(fuseConfig[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(fuseConfig[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(fuseConfig[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    const pkg = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../package.json'), 'utf8'));
    expect(pkg.build.afterPack).toBe('electron/afterPack.cjs');
  });
});
