import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../../../test/support/core';
import { discardStaged, readStaged, stageFile, stageStream } from './uploads';
import { createDownload, openDownload } from './downloads';
import { userForCall } from './access';

let t: TestCore;
beforeEach(() => (t = testCore()));
afterEach(() => t.cleanup());
const dir = () => path.join(t.dir, 'tmp', 'uploads');

describe('staged uploads', () => {
  it('stops a stream at the limit and leaves nothing behind', async () => {
    const u = t.as('clerk').user;
    const big = Readable.from((function* () {
      for (let i = 0; i < 20; i++) yield Buffer.alloc(1024, 1);
    })());
    await expect(stageStream(t.app, u, 'ledger.import.preview', 'a.xlsx', big, 10 * 1024)).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(fs.readdirSync(dir())).toEqual([]);
  });

  it('belongs to its owner, keeps only the base name, and can be discarded', async () => {
    const a = t.as('clerk').user;
    const b = t.as('clerk').user;
    const src = path.join(t.dir, 'in.xlsx');
    fs.writeFileSync(src, 'bytes');
    const s = await stageFile(t.app, a, 'ledger.import.preview', src);
    expect(s).toMatchObject({ name: 'in.xlsx', size: 5 });
    const named = await stageStream(t.app, a, 'ledger.import.preview', '..\\..\\etc/passwd', Readable.from([Buffer.from('x')]));
    expect(named.name).toBe('passwd');
    expect(() => readStaged(t.app, b, s.uploadId)).toThrow(/已过期或不存在/);
    expect(readStaged(t.app, a, s.uploadId).bytes.toString()).toBe('bytes');
    expect(() => readStaged(t.app, a, '../../desk.sqlite')).toThrow(/已过期或不存在/);
    discardStaged(t.app, a, s.uploadId);
    expect(() => readStaged(t.app, a, s.uploadId)).toThrow();
  });

  it('refuses an empty file and a missing path in Chinese', async () => {
    const a = t.as('clerk').user;
    await expect(stageStream(t.app, a, 'ledger.import.preview', 'e.xlsx', Readable.from([]))).rejects.toThrow('文件是空的');
    await expect(stageFile(t.app, a, 'ledger.import.preview', path.join(t.dir, 'nope.xlsx'))).rejects.toThrow('找不到文件');
  });

  it('checks the session and role of the call the upload is for', () => {
    const clerk = t.as('clerk');
    const leader = t.as('leader');
    expect(userForCall(t.app, clerk.sessionKey, 'ledger.import.preview').id).toBe(clerk.user.id);
    expect(() => userForCall(t.app, leader.sessionKey, 'ledger.import.preview')).toThrow(/无权/);
    expect(() => userForCall(t.app, 'nobody', 'ledger.import.preview')).toThrow('请先登录');
  });
});

describe('downloads', () => {
  it('opens only for the owner and only with a well-formed token', () => {
    const a = t.as('clerk').user;
    const d = createDownload(t.app, a, { name: 'x/../报告.xlsx', bytes: Buffer.from('r'), mime: 'text/plain' });
    expect(d.name).toBe('报告.xlsx');
    expect(fs.readFileSync(openDownload(t.app, a, d.token).file, 'utf8')).toBe('r');
    expect(() => openDownload(t.app, t.as('clerk').user, d.token)).toThrow(/失效/);
    expect(() => openDownload(t.app, a, '../uploads/x')).toThrow(/失效/);
  });
});
