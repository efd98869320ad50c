import { expect, it } from 'vitest';
import { killRounds } from '../kill/harness';
import type { Op } from '../kill/ops';

/**
 * The kill harness in CI (issue 12): one SIGKILL at a random moment of an Excel import, an e-file
 * import and a whole backup; afterwards quick_check, efile verify, audit verify, no orphans, no
 * leftovers and the same result on re-run (test/kill/harness.ts). `npm run test:kill` runs many
 * kills of every operation, including export and the weekly report (docs/reliability.md).
 */
for (const op of ['excel', 'efile', 'backup'] as Op[]) {
  it(`${op}: killed at a random moment, nothing is lost or left behind`, async () => {
    const f = await killRounds(op, 1);
    expect(f.problems).toEqual([]);
    expect(f.lost).toBe(0);
    expect(f.tried + f.finishedFirst).toBeGreaterThan(0);
  }, 120_000);
}
