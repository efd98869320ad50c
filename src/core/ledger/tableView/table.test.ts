import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCore, type Caller, type TestCore } from '../../../../test/support/core';
import { ensureYichangCourts } from '../../../../test/support/yichangCourts';
import { bureauLedger, generatedLedger } from '../../../../test/support/ledgerWorkbooks';
import { stageBytes } from '../../files/uploads';
import { openDownload } from '../../files/downloads';

let t: TestCore;
let clerk: Caller;
beforeAll(async () => {
  t = testCore({ now: '2025-07-01T02:00:00Z' });
  ensureYichangCourts(t.app);
  clerk = t.as('clerk', '李书记员');
  for (const bytes of [await generatedLedger(300), await bureauLedger()]) {
    const up = await stageBytes(t.app, clerk.user, 'ledger.import.preview', 'x.xlsx', bytes);
    await clerk.run('ledger.import.commit', { uploadId: up.uploadId });
  }
});
afterAll(() => t.cleanup());

const count = (sql: string) => (t.app.sqlite.prepare(sql).get() as { n: number }).n;

describe('ledger table', () => {
  it('pages through every case, 50 at a time, in a stable order', async () => {
    const first = await clerk.run('ledger.table', { page: 1, pageSize: 50 });
    expect(first.total).toBe(303);
    expect(first.rows).toHaveLength(50);
    const all = new Set<number>();
    for (let p = 1; p <= 7; p++) for (const r of (await clerk.run('ledger.table', { page: p, pageSize: 50 })).rows) all.add(r.caseId);
    expect(all.size).toBe(303);
    const dates = first.rows.map((r) => r.filedOn!);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('filters by mode, direction, state and court exactly as the database holds them', async () => {
    const r = await clerk.run('ledger.table', { modes: ['指令', '提级'], direction: '移出', pageSize: 200 });
    expect(r.total).toBe(count(`SELECT count(*) AS n FROM transfers WHERE mode IN ('指令','提级') AND direction = '移出'`));
    expect(r.rows.every((x) => ['指令', '提级'].includes(x.mode!) && x.direction === '移出')).toBe(true);
    const closed = await clerk.run('ledger.table', { states: ['已结案'] });
    expect(closed.total).toBe(count(`SELECT count(*) AS n FROM transfers WHERE state = '已结案'`));
    const court = await clerk.run('ledger.table', { court: '鄂0506', pageSize: 200 });
    expect(court.total).toBe(count(`SELECT count(*) AS n FROM transfers WHERE '鄂0506' IN (original_court_code, receiving_court_code)`));
    expect(court.rows.every((x) => x.counterpartCourt === '宜昌市夷陵区人民法院')).toBe(true);
  });

  it('finds a case by 案号 typed with half-width brackets, and by a party name', async () => {
    const byNo = await clerk.run('ledger.table', { q: '(2025)鄂0505执恢3' });
    expect(byNo.rows.map((r) => r.caseNo)).toEqual(['（2025）鄂0505执恢3号']);
    const byParty = await clerk.run('ledger.table', { q: '赵六' });
    expect(byParty.rows.map((r) => r.caseNo)).toContain('（2025）鄂0505执恢3号');
    expect(byParty.rows[0]!.debtors).toBe('宜昌某物流有限公司、赵六');
    const none = await clerk.run('ledger.table', { q: '100%_' });
    expect(none.total).toBe(0);
  });

  it('sorts by amount and by 案号 in both directions, empty values last', async () => {
    const asc = await clerk.run('ledger.table', { sort: 'amountDue', order: 'asc', pageSize: 200 });
    const amounts = asc.rows.map((r) => r.amountDueFen!).filter((x) => x !== null);
    expect(amounts).toEqual([...amounts].sort((a, b) => a - b));
    const byNo = await clerk.run('ledger.table', { sort: 'caseNo', order: 'asc', pageSize: 10, filedFrom: '2024-01-01', filedTo: '2024-12-31', q: '鄂0505执' });
    expect(byNo.rows.slice(0, 3).map((r) => r.caseNo)).toEqual(['（2024）鄂0505执1号', '（2024）鄂0505执2号', '（2024）鄂0505执3号']);
  });

  it('shows money recovered and the date range filter is inclusive', async () => {
    const r = await clerk.run('ledger.table', { q: '（2025）鄂0505执12号' });
    expect(r.rows[0]).toMatchObject({ amountDueFen: 12_500_000, recoveredFen: 3_000_000, mode: '指令', direction: '移出', counterpartCourt: '宜昌市夷陵区人民法院', handlerName: null });
    const day = await clerk.run('ledger.table', { filedFrom: '2025-01-10', filedTo: '2025-01-10' });
    expect(day.rows.map((x) => x.caseNo)).toContain('（2025）鄂0505执12号');
  });

  it('a case shows, filters and sorts by its newest transfer, and follows that transfer’s state changes', async () => {
    const caseNo = '（2025）鄂0505执12号';
    const before = (await clerk.run('ledger.table', { q: caseNo })).rows[0]!;
    const added = await clerk.run('ledger.edit.createTransfer', { caseId: before.caseId, mode: '协同', direction: '移出', reasons: ['力量不足'], receivingCourtCode: '鄂0506' });
    const row = async () => (await clerk.run('ledger.table', { q: caseNo })).rows[0]!;
    expect(await row()).toMatchObject({ mode: '协同', state: '草稿', transferCount: before.transferCount + 1 });
    // The older transfer no longer decides the row's filters.
    const byOldMode = await clerk.run('ledger.table', { modes: ['指令'], pageSize: 200, q: caseNo });
    expect(byOldMode.total).toBe(0);
    await clerk.run('ledger.edit.transferState', { transferId: added.id, toState: '已退出', effectiveOn: '2025-06-30', version: 1, reason: '协同法院另行安排' });
    expect((await row()).state).toBe('已退出');
    const decided = await clerk.run('ledger.table', { states: ['已退出'], pageSize: 200 });
    expect(decided.rows.map((r) => r.caseNo)).toContain(caseNo);
    for (const order of ['asc', 'desc'] as const) {
      const states: (string | null)[] = [];
      for (const page of [1, 2]) states.push(...(await clerk.run('ledger.table', { sort: 'state', order, page, pageSize: 200 })).rows.map((r) => r.state));
      expect(states).toHaveLength(303);
      const filled = states.filter((x) => x !== null);
      expect(states.slice(0, filled.length)).toEqual(filled); // cases without a transfer come last either way
      expect(filled).toEqual([...filled].sort((a, b) => (a! < b! ? -1 : a! > b! ? 1 : 0) * (order === 'asc' ? 1 : -1)));
    }
  });

  it('refuses bad filters with the field named in Chinese', async () => {
    const r = await clerk.call('ledger.table', { filedFrom: '2025-02-30' });
    expect(r.ok === false && r.error.message).toMatch(/「立案日期（起）」/);
    const r2 = await clerk.call('ledger.table', { modes: ['乱填' as never] });
    expect(r2.ok).toBe(false);
  });
});

describe('saved views and export', () => {
  it('saves, lists, replaces and deletes a user’s own views', async () => {
    const v = await clerk.run('ledger.views.save', { name: '超期指令', filters: JSON.stringify({ modes: ['指令'], overdue: true }) });
    await clerk.run('ledger.views.save', { name: '超期指令', filters: JSON.stringify({ modes: ['指令', '提级'] }) });
    const list = await clerk.run('ledger.views.list', {});
    expect(list).toHaveLength(1);
    expect(JSON.parse(list[0]!.filters).modes).toEqual(['指令', '提级']);
    const other = t.as('staff');
    expect(await other.run('ledger.views.list', {})).toEqual([]);
    const r = await other.call('ledger.views.delete', { viewId: v.id });
    expect(r.ok).toBe(false);
    await clerk.run('ledger.views.delete', { viewId: v.id });
    expect(await clerk.run('ledger.views.list', {})).toEqual([]);
  });

  it('exports exactly the filtered cases, and the export is audited', async () => {
    const filter = { modes: ['协同' as const] };
    const total = (await clerk.run('ledger.table', filter)).total;
    const d = await clerk.run('ledger.export', { ...filter, description: '方式：协同' });
    expect(d.rows).toBe(total);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(openDownload(t.app, clerk.user, d.token).file) as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.rowCount).toBe(total + 2);
    expect(count(`SELECT count(*) AS n FROM audit_log WHERE call = 'ledger.export' AND summary LIKE '%协同%'`)).toBe(1);
  });
});
