import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testCore, type Caller, type TestCore } from '../../support/core';
import { stageBytes, stageFile } from '../../../src/core/files/uploads';
import { updateSettings } from '../../../src/core/settings/settings';
import { publicKeyPem, ensureSigningKey } from '../../../src/core/exchange/keys';
import { runCli } from '../../../src/cli/main';
import { exportAndWait, fakeDeps } from './fixtures';

/**
 * Issue 7 §3: the 中院 pins a basic court's public key (UI / contract call, not only --trust), sees
 * which court and fingerprint it pinned, can remove it (audited), and verification says whether the
 * package's signer is pinned. Two real installations: 夷陵 (鄂0506) sends, this one receives.
 */
let here: TestCore;
let yiling: TestCore;
let restore: () => void;
let pkg: string;
let yilingPem: string;
let yilingKey: { keyId: string; fingerprint: string };
let chief: Caller;

beforeAll(async () => {
  restore = fakeDeps();
  yiling = testCore({ now: '2025-03-10T02:00:00Z' });
  updateSettings(yiling.app, { courtName: '宜昌市夷陵区人民法院', courtCode: '鄂0506' });
  pkg = (await exportAndWait(yiling, yiling.as('clerk'), { week: '2025-W10' })).file;
  yilingKey = ensureSigningKey(yiling.app);
  yilingPem = publicKeyPem(yiling.app, yilingKey.keyId);
  here = testCore({ now: '2025-03-11T02:00:00Z' });
  chief = here.as('chief', '王局长');
});
afterAll(() => {
  restore();
  here.cleanup();
  yiling.cleanup();
});

const open = async (c: Caller) => c.run('exchange.view.open', { uploadId: (await stageFile(here.app, c.user, 'exchange.view.open', pkg)).uploadId });
const stagePem = async (c: Caller, text: string, name = '夷陵法院公钥.pem') => (await stageBytes(here.app, c.user, 'exchange.trust.pin', name, Buffer.from(text))).uploadId;

describe('pinning another court’s public key', () => {
  it('before pinning, the package is refused as signed by an unpinned key, with its fingerprint', async () => {
    const r = await open(chief);
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => p.code)).toEqual(['KEY_UNTRUSTED']);
    expect(r.signer).toMatchObject({ keyId: yilingKey.keyId, fingerprint: yilingKey.fingerprint, trust: 'untrusted', pinned: null });
  });

  it('the chief inspects the uploaded key (id, fingerprint) and pins it for 夷陵; the package then verifies as pinned', async () => {
    const uploadId = await stagePem(chief, yilingPem);
    const seen = await chief.run('exchange.trust.inspect', { uploadId });
    expect(seen).toEqual({ keyId: yilingKey.keyId, fingerprint: yilingKey.fingerprint, alreadyPinned: null });
    const pinned = await chief.run('exchange.trust.pin', { uploadId, courtCode: '鄂0506', fingerprint: seen.fingerprint });
    expect(pinned).toMatchObject({ keyId: yilingKey.keyId, courtCode: '鄂0506', courtName: '宜昌市夷陵区人民法院', pinnedBy: '王局长' });
    // The staged file is used up.
    expect(fs.existsSync(path.join(here.dir, 'tmp', 'uploads', `${uploadId}.bin`))).toBe(false);

    const { keys } = await here.as('staff').run('exchange.trust.list', {});
    expect(keys.map((k) => [k.keyId, k.courtCode, k.fingerprint])).toEqual([[yilingKey.keyId, '鄂0506', yilingKey.fingerprint]]);

    const r = await open(chief);
    expect(r.problems).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.signer).toMatchObject({ trust: 'pinned', pinned: { courtCode: '鄂0506', courtName: '宜昌市夷陵区人民法院' } });
    const audit = here.app.sqlite.prepare(`SELECT summary FROM audit_log WHERE call = 'exchange.trust.pin'`).all() as { summary: string }[];
    expect(audit.map((a) => a.summary)).toEqual([`登记 宜昌市夷陵区人民法院（鄂0506）的上报包签名公钥 ${yilingKey.keyId}，指纹 ${yilingKey.fingerprint}`]);
    const opened = here.app.sqlite.prepare(`SELECT summary FROM audit_log WHERE call = 'exchange.view.open' ORDER BY id DESC`).get() as { summary: string };
    expect(opened.summary).toContain('已登记为 宜昌市夷陵区人民法院');
  });

  it('refuses bad pins with a message naming the field, writing nothing', async () => {
    const count = () => (here.app.sqlite.prepare('SELECT count(*) AS n FROM exchange_pinned_keys').get() as { n: number }).n;
    const before = count();
    const refuse = async (input: { text: string; courtCode?: string; fingerprint?: string }, message: RegExp) => {
      const uploadId = await stagePem(chief, input.text);
      const r = await chief.call('exchange.trust.pin', { uploadId, courtCode: input.courtCode ?? '鄂0506', fingerprint: input.fingerprint ?? yilingKey.fingerprint });
      expect(r.ok).toBe(false);
      expect(!r.ok && r.error.message).toMatch(message);
    };
    await refuse({ text: yilingPem }, /已登记为 宜昌市夷陵区人民法院（鄂0506）/);
    const privatePem = fs.readFileSync(path.join(yiling.dir, 'keys', 'exchange', `${yilingKey.keyId}.key`), 'utf8');
    await refuse({ text: privatePem }, /「公钥文件」这是私钥文件/);
    await refuse({ text: 'hello' }, /「公钥文件」不是 PEM 格式的公钥/);
    await refuse({ text: '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n' }, /「公钥文件」无法读取/);
    const own = publicKeyPem(here.app, ensureSigningKey(here.app).keyId);
    await refuse({ text: own, fingerprint: ensureSigningKey(here.app).fingerprint }, /本院自己的签名公钥/);
    const other = testCore();
    try {
      const k = ensureSigningKey(other.app);
      const pem = publicKeyPem(other.app, k.keyId);
      await refuse({ text: pem, fingerprint: yilingKey.fingerprint }, /「公钥指纹」与上传的公钥不一致/);
      await refuse({ text: pem, fingerprint: k.fingerprint, courtCode: '鄂9999' }, /「法院代字」鄂9999 不在法院名录中/);
      const shape = await chief.call('exchange.trust.pin', { uploadId: await stagePem(chief, pem), courtCode: '鄂0502', fingerprint: 'abc' });
      expect(!shape.ok && shape.error.message).toMatch(/公钥指纹/);
    } finally {
      other.cleanup();
    }
    expect(count()).toBe(before);
  });

  it('only the chief and administrators pin or remove; everyone who exports sees the list', async () => {
    for (const role of ['staff', 'clerk', 'leader'] as const) {
      const c = here.as(role);
      const up = await stageBytes(here.app, c.user, 'exchange.view.open', 'k.pem', Buffer.from(yilingPem));
      const r = await c.call('exchange.trust.pin', { uploadId: up.uploadId, courtCode: '鄂0506', fingerprint: yilingKey.fingerprint });
      expect(r.ok).toBe(false);
      expect(!r.ok && r.error.code).toBe('FORBIDDEN');
      expect((await c.call('exchange.trust.remove', { keyId: yilingKey.keyId, reason: '试试' })).ok).toBe(false);
      expect((await c.call('exchange.trust.inspect', { uploadId: up.uploadId })).ok).toBe(false);
      expect((await c.call('exchange.trust.list', {})).ok).toBe(true);
    }
    // Another user's staged file is not theirs to pin.
    const admin = here.as('admin');
    const mine = await stagePem(chief, yilingPem);
    expect((await admin.call('exchange.trust.inspect', { uploadId: mine })).ok).toBe(false);
  });

  it('a key pinned for one court does not vouch for a package that names another', async () => {
    // 夷陵 relabels itself as 猇亭 and exports again with the same (pinned) key.
    updateSettings(yiling.app, { courtName: '宜昌市猇亭区人民法院', courtCode: '鄂0505' });
    const forged = (await exportAndWait(yiling, yiling.as('clerk'), { week: '2025-W09' })).file;
    updateSettings(yiling.app, { courtName: '宜昌市夷陵区人民法院', courtCode: '鄂0506' });
    const r = await chief.run('exchange.view.open', { uploadId: (await stageFile(here.app, chief.user, 'exchange.view.open', forged)).uploadId });
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => p.code)).toEqual(['COURT_MISMATCH']);
    expect(r.problems[0]!.message).toBe(`签名密钥 ${yilingKey.keyId} 登记为 宜昌市夷陵区人民法院（鄂0506）的公钥，但清单声明来自 宜昌市猇亭区人民法院（鄂0505）`);
  });

  it('removing a pin needs a reason, is audited, keeps the row, and the package is untrusted again', async () => {
    const noReason = await chief.call('exchange.trust.remove', { keyId: yilingKey.keyId, reason: ' ' });
    expect(!noReason.ok && noReason.error.message).toMatch(/请说明撤销原因/);
    await chief.run('exchange.trust.remove', { keyId: yilingKey.keyId, reason: '夷陵法院已更换密钥' });
    expect((await chief.run('exchange.trust.list', {})).keys).toEqual([]);
    const row = here.app.sqlite.prepare('SELECT removed_by_name AS who, remove_reason AS why FROM exchange_pinned_keys WHERE key_id = ?').get(yilingKey.keyId);
    expect(row).toEqual({ who: '王局长', why: '夷陵法院已更换密钥' });
    const audit = here.app.sqlite.prepare(`SELECT summary FROM audit_log WHERE call = 'exchange.trust.remove'`).get() as { summary: string };
    expect(audit.summary).toBe(`撤销登记 宜昌市夷陵区人民法院（鄂0506）的签名公钥 ${yilingKey.keyId}，原因：夷陵法院已更换密钥`);
    const r = await open(chief);
    expect(r.problems.map((p) => p.code)).toEqual(['KEY_UNTRUSTED']);
    expect(r.signer?.trust).toBe('untrusted');
    const again = await chief.call('exchange.trust.remove', { keyId: yilingKey.keyId, reason: '再撤一次' });
    expect(!again.ok && again.error.message).toMatch(/没有登记编号为/);
    // And it can be pinned again later.
    const uploadId = await stagePem(chief, yilingPem);
    expect((await chief.run('exchange.trust.pin', { uploadId, courtCode: '鄂0506', fingerprint: yilingKey.fingerprint })).keyId).toBe(yilingKey.keyId);
  });

  it('CLI: key pin / pins / unpin, and verify names the pinned court', async () => {
    const pemFile = path.join(here.dir, 'yiling.pem');
    fs.writeFileSync(pemFile, yilingPem);
    const cli = async (...args: string[]) => {
      let out = '';
      let err = '';
      const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
      const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
      process.exitCode = undefined;
      try {
        return { code: await runCli(['--data', here.dir, ...args]), out, err };
      } finally {
        o.mockRestore();
        e.mockRestore();
        process.exitCode = undefined;
      }
    };
    // Pinned by the previous test: verify says so.
    const v = await cli('verify', pkg);
    expect(v.code).toBe(0);
    expect(v.out).toContain('已登记为 宜昌市夷陵区人民法院（鄂0506）的公钥');
    expect((await cli('key', 'unpin', yilingKey.keyId, '--reason', '命令行测试')).code).toBe(0);
    expect((await cli('verify', pkg)).code).toBe(3);
    const bad = await cli('key', 'pin', pemFile, '--court', '鄂0506', '--fingerprint', '00'.repeat(32));
    expect(bad.code).not.toBe(0);
    expect(bad.err).toContain('公钥指纹');
    const spaced = yilingKey.fingerprint.replace(/(.{4})/g, '$1 ').trim().toUpperCase();
    const ok = await cli('key', 'pin', pemFile, '--court', '鄂0506', '--fingerprint', spaced);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('已登记 宜昌市夷陵区人民法院（鄂0506）');
    const list = await cli('key', 'pins');
    expect(list.out).toContain(yilingKey.keyId);
    expect((await cli('verify', pkg)).code).toBe(0);
  });
});
