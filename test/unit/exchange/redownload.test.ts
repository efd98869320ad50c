import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../../support/core';
import { keptPath } from '../../../src/core/exchange/kept';
import { exportAndWait, fakeDeps } from './fixtures';

let t: TestCore;
let restore: () => void;
beforeEach(() => {
  t = testCore({ now: '2025-03-10T02:00:00Z' });
  restore = fakeDeps();
});
afterEach(() => {
  restore();
  t.cleanup();
});

const audited = (t: TestCore) =>
  t.app.sqlite.prepare(`SELECT user_name AS userName, summary FROM audit_log WHERE call = 'exchange.exports.download' ORDER BY id`).all() as { userName: string; summary: string }[];

describe('导出记录: every past export can be downloaded again (issue 14 §3)', () => {
  it('hands out the same package bytes again after the first download token is gone, audited', async () => {
    const clerk = t.as('clerk', '周书记员');
    const { status, file } = await exportAndWait(t, clerk, { week: '2025-W10', cases: [] });
    const original = fs.readFileSync(file);
    // The first token's file is swept like every download; the kept package is not.
    fs.rmSync(path.join(t.dir, 'tmp', 'downloads'), { recursive: true, force: true });

    const chief = t.as('chief', '王局长');
    const { rows } = await chief.run('exchange.history.list', {});
    const r = await chief.run('exchange.exports.download', { exportId: rows[0]!.id });
    expect(r.download.name).toBe(status.result!.download.name);
    const again = fs.readFileSync(path.join(t.dir, 'tmp', 'downloads', `${r.download.token}.bin`));
    expect(again.equals(original)).toBe(true);
    expect(audited(t)).toEqual([{ userName: '王局长', summary: expect.stringContaining('再次下载上报包 2025-W10 第1版') }]);
  });

  it('says plainly, in Chinese, when the kept file is gone — and when the record does not exist', async () => {
    const clerk = t.as('clerk', '周书记员');
    await exportAndWait(t, clerk, { week: '2025-W10', cases: [] });
    const { rows } = await clerk.run('exchange.history.list', {});
    fs.rmSync(keptPath(t.app, rows[0]!.id));
    const gone = await clerk.call('exchange.exports.download', { exportId: rows[0]!.id });
    expect(gone.ok).toBe(false);
    expect(!gone.ok && gone.error.message).toContain('2025-W10 第1版上报包的文件已不在数据目录中');
    const missing = await clerk.call('exchange.exports.download', { exportId: 9999 });
    expect(!missing.ok && missing.error.message).toBe('这条导出记录不存在');
    expect(audited(t)).toEqual([]);
  });
});
