import fs from 'node:fs';
import path from 'node:path';
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCore, tempDir, type TestCore } from '../../support/core';
import { verifyPackage, type VerifyLimits } from '../../../src/core/exchange/verify';
import { trustedKeys } from '../../../src/core/exchange/view';
import { keyIdOfPem, rotateSigningKey, signWithCurrent } from '../../../src/core/exchange/keys';
import { caseWithDocuments, exportAndWait, fakeDeps, readZip, writeEntries } from './fixtures';

/**
 * Each way a received package can be bad, crafted from a good one. Verification must reject it
 * with a precise reason and write nothing (it only reads by offset).
 */
let t: TestCore;
let restore: () => void;
let good: string;
let entries: { name: string; data: Buffer }[];
let scratch: string;

beforeAll(async () => {
  t = testCore({ now: '2025-03-10T02:00:00Z' });
  restore = fakeDeps();
  const staff = t.as('staff');
  const { caseNo } = await caseWithDocuments(t, staff);
  good = (await exportAndWait(t, staff, { week: '2025-W10', cases: [caseNo], includeVolumes: true, includeDocuments: true })).file;
  entries = await readZip(good);
  scratch = tempDir('xdesk-badzip-');
});
afterAll(() => {
  restore();
  t.cleanup();
  fs.rmSync(scratch, { recursive: true, force: true });
});

let n = 0;
const craft = (list: { name: string; data: Buffer; deflate?: boolean }[]) => writeEntries(path.join(scratch, `bad-${++n}.zip`), list);
const verify = (file: string, limits?: Partial<VerifyLimits>) => verifyPackage(file, { trusted: trustedKeys(t.app), limits });
const codes = (r: Awaited<ReturnType<typeof verify>>) => r.problems.map((p) => p.code);
const docName = () => entries.find((e) => e.name.includes('/正卷/001_'))!.name;
/** Re-signs a changed manifest with the installation's own key (an insider who has the key). */
const resign = (manifest: object) => {
  const bytes = Buffer.from(JSON.stringify(manifest));
  const s = signWithCurrent(t.app, bytes);
  const sig = { format: 'xdesk.signature', version: 1, signs: 'manifest.json', algorithm: 'Ed25519', keyId: s.keyId, signature: s.signature };
  return { bytes, sig: Buffer.from(JSON.stringify(sig)) };
};
const replace = (name: string, data: Buffer) => entries.map((e) => (e.name === name ? { ...e, data } : e));
const manifestObj = () => JSON.parse(entries.find((e) => e.name === 'manifest.json')!.data.toString());

/** Patches a central-directory field of the entry `name` (offset from the header start). */
function patchCentral(file: string, name: string, patch: (buf: Buffer, at: number) => void): void {
  const buf = fs.readFileSync(file);
  const nameBuf = Buffer.from(name);
  for (let i = buf.length - 22; i >= 0; i--) {
    if (buf.readUInt32LE(i) === 0x02014b50 && buf.readUInt16LE(i + 28) === nameBuf.length && buf.subarray(i + 46, i + 46 + nameBuf.length).equals(nameBuf)) {
      patch(buf, i);
      fs.writeFileSync(file, buf);
      return;
    }
  }
  throw new Error(`no central entry ${name}`);
}

describe('verify rejects, precisely', () => {
  it('accepts the good package', async () => {
    const r = await verify(good);
    expect(r.ok).toBe(true);
    expect(r.problems).toEqual([]);
  });

  it('a tampered byte in a document', async () => {
    const data = Buffer.from(entries.find((e) => e.name === docName())!.data);
    data[3] ^= 0x01;
    const r = await verify(await craft(replace(docName(), data)));
    expect(codes(r)).toEqual(['HASH_MISMATCH']);
    expect(r.problems[0]!.message).toContain(docName());
    expect(r.problems[0]!.message).toContain('被改动');
  });

  it('a tampered byte in the zip file itself, in place', async () => {
    const file = path.join(scratch, 'inplace.zip');
    const buf = fs.readFileSync(good);
    const at = buf.indexOf(Buffer.from('doc two'));
    buf[at] = 'D'.charCodeAt(0);
    fs.writeFileSync(file, buf);
    expect(codes(await verify(file))).toEqual(['HASH_MISMATCH']);
  });

  it('a missing file', async () => {
    const r = await verify(await craft(entries.filter((e) => e.name !== docName())));
    expect(codes(r)).toEqual(['MISSING_FILE']);
    expect(r.problems[0]!.message).toBe(`缺少文件：清单列出的「${docName()}」不在包中`);
  });

  it('an extra file', async () => {
    const r = await verify(await craft([...entries, { name: '鄂0505/案件/夹带.pdf', data: Buffer.from('%PDF extra') }]));
    expect(codes(r)).toEqual(['EXTRA_FILE']);
    expect(r.problems[0]!.path).toBe('鄂0505/案件/夹带.pdf');
  });

  it('an absent signature', async () => {
    expect(codes(await verify(await craft(entries.filter((e) => e.name !== 'manifest.sig'))))).toEqual(['MISSING_SIGNATURE']);
  });

  it('a wrong signature (manifest edited after signing)', async () => {
    const m = manifestObj();
    m.exportedBy.name = '冒名';
    const r = await verify(await craft(replace('manifest.json', Buffer.from(JSON.stringify(m)))));
    expect(codes(r)).toEqual(['SIGNATURE_INVALID']);
  });

  it('a signature by a key nobody pinned', async () => {
    const other = generateKeyPairSync('ed25519');
    const pem = other.publicKey.export({ type: 'spki', format: 'pem' }) as string;
    const m = manifestObj();
    const fp = createHash('sha256').update(other.publicKey.export({ type: 'spki', format: 'der' })).digest('hex');
    m.signer = { algorithm: 'Ed25519', keyId: keyIdOfPem(pem), fingerprint: fp, publicKeyPem: pem };
    const bytes = Buffer.from(JSON.stringify(m));
    const sig = { format: 'xdesk.signature', version: 1, signs: 'manifest.json', algorithm: 'Ed25519', keyId: keyIdOfPem(pem), signature: sign(null, bytes, other.privateKey).toString('base64') };
    const list = replace('manifest.json', bytes).map((e) => (e.name === 'manifest.sig' ? { ...e, data: Buffer.from(JSON.stringify(sig)) } : e));
    const r = await verify(await craft(list));
    expect(codes(r)).toEqual(['KEY_UNTRUSTED']);
    expect(r.problems[0]!.message).toContain(fp);
    // Pinning that key makes the same package verify.
    const pinned = await verifyPackage(path.join(scratch, `bad-${n}.zip`), { trusted: trustedKeys(t.app, [pem]) });
    expect(pinned.ok).toBe(true);
  });

  it('a manifest that does not match its schema (even if validly signed)', async () => {
    const m = manifestObj();
    delete m.court;
    m.files[0].sha256 = 'XYZ';
    const s = resign(m);
    const list = replace('manifest.json', s.bytes).map((e) => (e.name === 'manifest.sig' ? { ...e, data: s.sig } : e));
    const r = await verify(await craft(list));
    expect(codes(r)).toEqual(['MANIFEST_SCHEMA', 'MANIFEST_SCHEMA']);
    expect(r.problems.map((p) => p.message).join('\n')).toMatch(/court/);
    expect(r.problems.map((p) => p.message).join('\n')).toMatch(/files\.0\.sha256/);
  });

  it('a manifest that is not JSON', async () => {
    expect(codes(await verify(await craft(replace('manifest.json', Buffer.from('{not json')))))).toContain('MANIFEST_JSON');
  });

  it('paths with .. and absolute paths', async () => {
    const r = await verify(await craft([...entries, { name: '../../etc/evil.pdf', data: Buffer.from('x') }, { name: '/etc/passwd', data: Buffer.from('x') }, { name: 'C:/win.ini', data: Buffer.from('x') }]));
    expect(codes(r)).toEqual(['PATH_UNSAFE', 'PATH_UNSAFE', 'PATH_UNSAFE']);
    expect(r.problems[0]!.message).toContain('“..”');
    expect(r.problems[1]!.message).toContain('绝对路径');
  });

  it('a manifest that lists a path escaping the package', async () => {
    const m = manifestObj();
    m.files[0].path = '../outside.docx';
    const s = resign(m);
    const list = replace('manifest.json', s.bytes).map((e) => (e.name === 'manifest.sig' ? { ...e, data: s.sig } : e));
    const r = await verify(await craft(list));
    expect(codes(r)).toEqual(['PATH_UNSAFE', 'EXTRA_FILE']);
  });

  it('a symlink entry', async () => {
    const file = await craft([...entries, { name: 'link', data: Buffer.from('/etc/passwd') }]);
    patchCentral(file, 'link', (b, i) => b.writeUInt32LE((0o120777 << 16) >>> 0, i + 38));
    const r = await verify(file);
    expect(codes(r)).toEqual(['SYMLINK']);
    expect(r.problems[0]!.message).toContain('符号链接');
  });

  it('duplicate names', async () => {
    const dup = entries.find((e) => e.name === docName())!;
    const r = await verify(await craft([...entries, { name: dup.name, data: Buffer.from('second copy') }]));
    expect(codes(r)).toEqual(['DUPLICATE']);
    expect(r.problems[0]!.message).toContain('重复');
  });

  it('a zip bomb by compression ratio', async () => {
    const r = await verify(await craft([...entries, { name: 'zeros.bin', data: Buffer.alloc(20 * 2 ** 20), deflate: true }]));
    expect(codes(r)).toEqual(['BOMB_RATIO']);
    expect(r.problems[0]!.message).toMatch(/压缩比 \d+:1/);
  });

  it('a zip bomb by declared size', async () => {
    const file = await craft([...entries, { name: 'huge.bin', data: Buffer.from('tiny') }]);
    // Declares 3 GB uncompressed / 3 GB compressed (stored), in a tiny file.
    patchCentral(file, 'huge.bin', (b, i) => {
      b.writeUInt32LE(3 * 2 ** 30, i + 20);
      b.writeUInt32LE(3 * 2 ** 30, i + 24);
    });
    const r = await verify(file, { maxEntryBytes: 2 * 2 ** 30 });
    expect(codes(r)).toEqual(['BOMB_SIZE']);
    expect(r.problems[0]!.message).toContain('压缩炸弹');
  });

  it('not a zip at all', async () => {
    const file = path.join(scratch, 'plain.zip');
    fs.writeFileSync(file, 'hello');
    expect(codes(await verify(file))).toEqual(['NOT_ZIP']);
  });

  it('verification writes nothing', async () => {
    const before = fs.readdirSync(scratch).length;
    const tmpBefore = fs.readdirSync(path.join(t.dir, 'tmp')).join();
    await verify(good);
    expect(fs.readdirSync(scratch).length).toBe(before);
    expect(fs.readdirSync(path.join(t.dir, 'tmp')).join()).toBe(tmpBefore);
  });
});

describe('signing keys', () => {
  it('private key is 0600; old packages verify after rotation against the key they name', async () => {
    const keysDir = path.join(t.dir, 'keys', 'exchange');
    const priv = fs.readdirSync(keysDir).filter((f) => f.endsWith('.key'));
    expect(priv.length).toBeGreaterThan(0);
    for (const f of priv) expect(fs.statSync(path.join(keysDir, f)).mode & 0o777).toBe(0o600);
    const oldKey = (await verify(good)).keyId;
    const admin = t.as('admin');
    const rotated = await admin.run('exchange.key.rotate', {});
    expect(rotated.keyId).not.toBe(oldKey);
    const { keys } = await admin.run('exchange.key.list', {});
    expect(keys.map((k) => k.keyId)).toContain(oldKey);
    expect(keys.find((k) => k.current)!.keyId).toBe(rotated.keyId);
    const r = await verify(good);
    expect(r.ok).toBe(true);
    expect(r.keyId).toBe(oldKey);
    const exported = await admin.run('exchange.key.export', {});
    expect(exported.pem).toContain('BEGIN PUBLIC KEY');
    expect(exported.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(keyIdOfPem(exported.pem)).toBe(rotated.keyId);
    // Only an administrator rotates.
    expect((await t.as('chief').call('exchange.key.rotate', {})).ok).toBe(false);
    void rotateSigningKey;
  });
});
