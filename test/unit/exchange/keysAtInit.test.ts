import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testCore, tempDir, type TestCore } from '../../support/core';
import { dispatch } from '../../../src/core/api/dispatch';
import { runCli } from '../../../src/cli/main';

/**
 * Issue 7 §3: each installation has its Ed25519 key pair from init — the UI's first run and the
 * CLI's `init` both go through auth.setupAdmin — with the private key readable by its owner only.
 * Data folders made before that still get a key on first use.
 */
const posix = process.platform !== 'win32';
const keysDir = (dir: string) => path.join(dir, 'keys', 'exchange');
const privateKeys = (dir: string) => (fs.existsSync(keysDir(dir)) ? fs.readdirSync(keysDir(dir)).filter((f) => f.endsWith('.key')) : []);
const mode = (file: string) => fs.statSync(file).mode & 0o777;

let t: TestCore | null = null;
let extra: string | null = null;
afterEach(() => {
  t?.cleanup();
  t = null;
  if (extra) fs.rmSync(extra, { recursive: true, force: true });
  extra = null;
});

describe('signing key at init', () => {
  it('first-run admin creation (the UI path) generates the key pair, private key 0600, and audits it', async () => {
    t = testCore({ now: '2025-03-10T02:00:00Z' });
    expect(privateKeys(t.dir)).toEqual([]);
    const r = await dispatch(t.app, 'first-run', 'auth.setupAdmin', { username: 'admin', displayName: '系统管理员', password: 'admin12345', loadDemo: false });
    expect(r.ok).toBe(true);
    const keys = privateKeys(t.dir);
    expect(keys).toHaveLength(1);
    const keyId = keys[0]!.slice(0, 16);
    expect(fs.readFileSync(path.join(keysDir(t.dir), 'current'), 'utf8')).toBe(keyId);
    if (posix) {
      expect(mode(path.join(keysDir(t.dir), keys[0]!))).toBe(0o600);
      expect(mode(keysDir(t.dir)) & 0o077).toBe(0);
    }
    const audit = t.app.sqlite.prepare(`SELECT summary FROM audit_log WHERE call = 'auth.setupAdmin'`).get() as { summary: string };
    expect(audit.summary).toContain(`生成上报包签名密钥 ${keyId}`);
    // The key the 签名密钥 tab lists is that one: listing makes no second key.
    const list = (await dispatch(t.app, 'first-run', 'exchange.key.list', {})) as { ok: true; value: { keys: { keyId: string }[] } };
    expect(list.value.keys.map((k) => k.keyId)).toEqual([keyId]);
  });

  it('a refused second setup leaves the key as it was', async () => {
    t = testCore();
    await dispatch(t.app, 'a', 'auth.setupAdmin', { username: 'admin', displayName: '系统管理员', password: 'admin12345', loadDemo: false });
    const before = privateKeys(t.dir);
    const again = await dispatch(t.app, 'b', 'auth.setupAdmin', { username: 'admin2', displayName: '另一个', password: 'admin12345', loadDemo: false });
    expect(again.ok).toBe(false);
    expect(privateKeys(t.dir)).toEqual(before);
  });

  it('CLI init generates the key pair', async () => {
    extra = tempDir('xdesk-init-');
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(await runCli(['--data', extra, 'init', '--password', 'admin12345'])).toBe(0);
    } finally {
      out.mockRestore();
    }
    const keys = privateKeys(extra);
    expect(keys).toHaveLength(1);
    if (posix) expect(mode(path.join(keysDir(extra), keys[0]!))).toBe(0o600);
  });

  it('an old data folder without a key gets one on first use (fallback), and a loosened private key is tightened again', async () => {
    t = testCore();
    const admin = t.as('admin');
    expect(privateKeys(t.dir)).toEqual([]);
    const { keys } = await admin.run('exchange.key.list', {});
    expect(keys).toHaveLength(1);
    const file = path.join(keysDir(t.dir), `${keys[0]!.keyId}.key`);
    expect(fs.existsSync(file)).toBe(true);
    if (!posix) return;
    expect(mode(file)).toBe(0o600);
    fs.chmodSync(file, 0o644);
    // Exporting the public key looks at the key pair and restores 0600.
    const again = await admin.run('exchange.key.export', {});
    expect(again.keyId).toBe(keys[0]!.keyId);
    expect(mode(file)).toBe(0o600);
  });
});
