import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { testCore, type TestCore } from '../../../test/support/core';
import { buildReportFixture } from '../../../test/support/reportFixture';
import { runCli } from '../main';

let t: TestCore;
beforeEach(() => {
  t = testCore({ now: '2025-01-01T02:00:00Z' });
  buildReportFixture(t.app, t.setNow, t.as('staff', '张承办').user);
});
afterEach(() => t.cleanup());

it('report weekly --week --out writes the three files; --json prints the figures', async () => {
  t.app.close();
  const out = path.join(t.dir, 'out');
  const writes: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((s) => (writes.push(String(s)), true));
  const code = await runCli(['--data', t.dir, '--json', 'report', 'weekly', '--week', '2025-W10', '--out', out]);
  spy.mockRestore();
  expect(code).toBe(0);
  expect(fs.readdirSync(out).sort()).toEqual(['交叉执行周报-2025-W10-第1版.docx', '交叉执行周报-2025-W10-第1版.pdf', '交叉执行周报-2025-W10-第1版.xlsx']);
  const figures = JSON.parse(writes.join(''));
  expect(figures.headline).toMatchObject({ casesWeek: 2, casesTotal: 4, amountTotalFen: 16_000_000 });
  const bad = await runCli(['--data', t.dir, 'report', 'weekly', '--week', '2025-10', '--out', out]);
  expect(bad).not.toBe(0);
});
