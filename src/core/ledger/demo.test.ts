import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCore, type Caller, type TestCore } from '../../../test/support/core';
import { TRANSFER_MODES, TRANSFER_STATES, DIRECTIONS } from '../../contract/vocabulary';
import { verifyAudit } from '../audit/audit';
import { loadDemoData } from '../demo/demo';
import { checkCaseNo } from '../../contract/caseNumber';
import { parseCreditCode } from './creditCode';
import { parseIdNumber } from './idNumber';
import { plusDays, chinaToday } from './dates';

let t: TestCore;
let admin: Caller;
const NOW = '2026-11-23T06:00:00Z';
// Loaded once (every module's demo step runs, which takes seconds on a loaded 2-core machine); the tests only read, the last one reloads.
beforeAll(() => {
  t = testCore({ now: NOW });
  admin = t.as('admin', '系统管理员');
  t.app.sqlite.transaction(() => loadDemoData(t.app, admin.user))();
}, 120_000);
afterAll(() => t.cleanup());

const all = <T>(sql: string, ...args: unknown[]) => t.app.sqlite.prepare(sql).all(...args) as T[];

describe('ledger demo', () => {
  it('has ~40 cases with transfers in every mode, direction and state, each reached through events', () => {
    const cases = all<{ n: number }>("SELECT count(*) AS n FROM cases WHERE source = 'demo'")[0]!.n;
    expect(cases).toBeGreaterThanOrEqual(38);
    expect(cases).toBeLessThanOrEqual(50);
    const modes = new Set(all<{ mode: string }>('SELECT DISTINCT mode FROM transfers').map((r) => r.mode));
    expect([...modes].sort()).toEqual([...TRANSFER_MODES].sort());
    const dirs = new Set(all<{ direction: string }>('SELECT DISTINCT direction FROM transfers').map((r) => r.direction));
    expect([...dirs].sort()).toEqual([...DIRECTIONS].sort());
    const states = new Set(all<{ state: string }>('SELECT DISTINCT state FROM transfers').map((r) => r.state));
    expect([...states].sort()).toEqual([...TRANSFER_STATES].sort());
    // The current state is always the last event's target: the state machine was walked, not written directly.
    const mismatched = all(
      `SELECT t.id FROM transfers t WHERE t.state != (SELECT to_state FROM transfer_events e WHERE e.transfer_id = t.id AND e.to_state IS NOT NULL ORDER BY e.id DESC LIMIT 1)`,
    );
    expect(mismatched).toEqual([]);
    // The handler submits; 王局长 decides (domain brief §9.4), each as an approval event.
    const approvals = all<{ userName: string }>(
      "SELECT DISTINCT user_name AS userName FROM transfer_events WHERE kind = 'approval' AND to_state IN ('已批准', '已退回', '不予批准')",
    );
    expect(approvals.map((a) => a.userName)).toEqual(['王局长']);
  });

  it('dates are relative to now: transfer steps fall in the last 14 weeks, nothing in the future', () => {
    const today = chinaToday(new Date(NOW));
    const r = all<{ lo: string; hi: string }>('SELECT min(effective_on) AS lo, max(effective_on) AS hi FROM transfer_events')[0]!;
    expect(r.lo >= plusDays(today, -98)).toBe(true);
    expect(r.hi <= today).toBe(true);
    const weeks = all<{ w: string }>("SELECT DISTINCT strftime('%W', effective_on) AS w FROM transfer_events");
    expect(weeks.length).toBeGreaterThanOrEqual(10);
    const future = all("SELECT id FROM progress_entries WHERE on_date > ? UNION ALL SELECT id FROM cases WHERE filed_on > ? OR closed_on > ?", today, today, today);
    expect(future).toEqual([]);
  });

  it('every 案号, ID number and credit code is valid; progress, money, deductions and supervision exist', () => {
    for (const r of all<{ caseNo: string }>('SELECT case_no AS caseNo FROM cases')) expect(checkCaseNo(r.caseNo).ok, r.caseNo).toBe(true);
    const ids = all<{ kind: string; id: string }>('SELECT kind, id_number AS id FROM parties');
    expect(ids.length).toBeGreaterThan(80);
    for (const p of ids) expect((p.kind === '自然人' ? parseIdNumber(p.id) : parseCreditCode(p.id)).ok, p.id).toBe(true);
    const money = all<{ n: number; fen: number; subst: number; resolved: number }>(
      'SELECT count(*) AS n, sum(amount_fen) AS fen, sum(substantive) AS subst, sum(resolved) AS resolved FROM progress_entries',
    )[0]!;
    expect(money.n).toBeGreaterThan(40);
    expect(money.fen).toBeGreaterThan(100_000_00);
    expect(money.subst).toBeGreaterThan(5);
    expect(money.resolved).toBeGreaterThan(3);
    expect(all('SELECT DISTINCT kind FROM deductions').length).toBeGreaterThanOrEqual(3);
    const sup = all<{ kind: string; status: string }>('SELECT kind, status FROM supervisions ORDER BY kind, status');
    expect(sup).toEqual(expect.arrayContaining([{ kind: '督办', status: '已办结' }, { kind: '一案双查', status: '已办结' }, { kind: '一案双查', status: '进行中' }]));
    // Scenario (b): 12 wage cases against one debtor, centralised at 猇亭.
    expect(all("SELECT id FROM transfers WHERE mode = '集中' AND direction = '移入'").length).toBe(12);
    // Scenario (a): 督促 then 指令 to 夷陵 on the same case.
    expect(all("SELECT case_id FROM transfers GROUP BY case_id HAVING group_concat(mode) = '督促,指令'").length).toBe(1);
  });

  it('the audit chain still verifies, the ledger table shows it, and loading again adds nothing', { timeout: 120_000 }, async () => {
    expect(verifyAudit(t.app).ok).toBe(true);
    const page = await admin.run('ledger.table', { mode: '集中' } as never);
    expect(page.total).toBeGreaterThanOrEqual(12);
    // The ledger step adds nothing the second time (other modules' steps answer for themselves).
    const count = () => all<{ n: number }>("SELECT (SELECT count(*) FROM cases) + (SELECT count(*) FROM progress_entries) + (SELECT count(*) FROM supervisions) AS n")[0]!.n;
    const before = count();
    t.app.sqlite.transaction(() => loadDemoData(t.app, admin.user))();
    expect(count()).toBe(before);
    expect(verifyAudit(t.app).ok).toBe(true);
  });
});
