import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testCore, type TestCore } from '../../support/core';
import { runCli } from '../../../src/cli/main';
import { caseWithDocuments, fakeDeps } from './fixtures';

/** The CLI in-process (so the report generator can be the test fake): export upward, verify, open, key export|rotate. */
let t: TestCore;
let restore: () => void;
let caseNo: string;
beforeAll(async () => {
  t = testCore({ now: '2025-03-10T02:00:00Z' });
  restore = fakeDeps();
  caseNo = (await caseWithDocuments(t, t.as('staff'))).caseNo;
});
afterAll(() => {
  restore();
  t.cleanup();
});

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  process.exitCode = undefined;
  try {
    const code = await runCli(['--data', t.dir, ...args]);
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
    process.exitCode = undefined;
  }
}

describe('xdesk export upward / verify / open / key', () => {
  const file = () => path.join(t.dir, 'out', 'pkg.zip');
  it('exports a week with cases and documents, then verifies it', async () => {
    const r = await cli('--json', 'export', 'upward', '--week', '2025-W10', '--cases', caseNo, '--documents', '--out', file());
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ file: file(), revision: 1 });
    expect(fs.statSync(file()).size).toBe(j.size);
    const v = await cli('verify', file());
    expect(v.code).toBe(0);
    expect(v.out).toContain('校验通过');
  });

  it('verify exits 3 and names the problem; --json lists them', async () => {
    const bad = path.join(t.dir, 'out', 'bad.zip');
    const buf = fs.readFileSync(file());
    buf[buf.indexOf(Buffer.from('doc two'))] = 0x44;
    fs.writeFileSync(bad, buf);
    const v = await cli('verify', bad);
    expect(v.code).toBe(3);
    expect(v.out).toContain('[HASH_MISMATCH]');
    const j = await cli('--json', 'verify', bad);
    expect(JSON.parse(j.out).problems[0].code).toBe('HASH_MISMATCH');
  });

  it('open lists the contents and copies them read-only', async () => {
    const dir = path.join(t.dir, 'opened');
    const r = await cli('open', file(), '--out', dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain('[台账]');
    const pdf = path.join(dir, '鄂0505', '案件', '(2025)鄂0505执100号', '正卷');
    expect(fs.readdirSync(pdf).length).toBeGreaterThanOrEqual(2);
  });

  it('key export prints PEM and fingerprint; key rotate keeps old packages verifiable', async () => {
    const e = await cli('key', 'export');
    expect(e.out).toContain('BEGIN PUBLIC KEY');
    expect(e.out).toMatch(/指纹（SHA-256）[0-9a-f ]{79}/);
    const r = await cli('key', 'rotate');
    expect(r.code).toBe(0);
    expect((await cli('verify', file())).code).toBe(0);
  });

  it('refuses a missing period with a Chinese message', async () => {
    const r = await cli('export', 'upward', '--out', path.join(t.dir, 'x.zip'));
    expect(r.code).not.toBe(0);
    expect(r.err).toContain('请选择一周');
    expect(fs.existsSync(path.join(t.dir, 'x.zip'))).toBe(false);
  });
});
