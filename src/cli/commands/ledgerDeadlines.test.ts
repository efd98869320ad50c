import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../../../test/support/core';
import { ensureYichangCourts } from '../../../test/support/yichangCourts';

const root = path.resolve(import.meta.dirname, '../../..');
let t: TestCore;
let caseId = 0;
const cli = (...args: string[]) =>
  spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'src/cli/main.ts', '--data', t.dir, ...args], { cwd: root, encoding: 'utf8' });

// The CLI runs on the real clock: the case is dated a year back so it is past six months whenever this runs.
beforeAll(async () => {
  t = testCore();
  ensureYichangCourts(t.app);
  const staff = t.as('staff');
  const y = new Date().getUTCFullYear() - 1;
  caseId = (await staff.run('ledger.edit.saveCase', { caseNo: `（${y}）鄂0505执42号`, applicationReceivedOn: `${y}-01-05`, filedOn: `${y}-01-06` })).id;
  t.app.close();
});
afterAll(() => t.cleanup());

describe('xdesk deadlines / discover', { timeout: 60_000 }, () => {
  it('deadlines --json lists the overdue six-month clock', () => {
    const r = cli('deadlines', '--json');
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.counts.overdue).toBe(1);
    expect(out.items[0]).toMatchObject({ kind: 'sixMonth', caseId, level: 'overdue', source: expect.stringContaining('第二百三十七条') });
    expect(out.items[0].daysLeft).toBeLessThan(0);
  });

  it('deadlines in plain text says what is overdue', () => {
    const r = cli('deadlines');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/\[已逾期\].*鄂0505执42号 六个月期限：.*可报请上级/);
  });

  it('discover --json gives the candidate with its reason; a bad --class is refused', () => {
    const r = cli('discover', '--json');
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.items).toEqual([expect.objectContaining({ class: 'sixMonth', caseId, reason: expect.stringMatching(/六个月已于 .* 届满/) })]);
    const bad = cli('discover', '--class', 'nope');
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/--class 应为 sixMonth/);
  });
});
