import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testCore, type Caller, type TestCore } from '../../../../test/support/core';
import { ensureYichangCourts } from '../../../../test/support/yichangCourts';

/**
 * Issue 14 daily-UX point 2: the court on the other side of a transfer fits its mode — checked by the
 * core on create and update, and the transfer form's picker offers what the core accepts. We are 鄂0505
 * (基层) under 鄂05 (中院); 鄂0502…鄂0506 are the other basic courts; 鄂0701 is a court elsewhere.
 */
let t: TestCore;
let staff: Caller;
let caseId: number;

beforeEach(async () => {
  t = testCore({ now: '2025-06-03T02:00:00Z' });
  ensureYichangCourts(t.app);
  t.app.sqlite.prepare(`INSERT INTO courts (code, name, level, parent_code) VALUES ('鄂07', '湖北省荆州市中级人民法院', '中级', '鄂'), ('鄂0702', '荆州市沙市区人民法院', '基层', '鄂07')`).run();
  staff = t.as('staff', '张承办');
  ({ id: caseId } = await staff.run('ledger.edit.saveCase', { caseNo: '(2025)鄂0505执100号', filedOn: '2025-01-10' }));
});
afterEach(() => t.cleanup());

const out = (mode: string, receivingCourtCode: string, extra: object = {}) =>
  staff.call('ledger.edit.createTransfer', { caseId, mode, direction: '移出', reasons: ['消极执行'], initiatedBy: '上级交办', receivingCourtCode, ...extra } as never);
const inn = (mode: string, originalCourtCode: string) =>
  staff.call('ledger.edit.createTransfer', { caseId, mode, direction: '移入', reasons: ['消极执行'], originalCourtCode } as never);
const refused = (r: Awaited<ReturnType<typeof out>>, field: string, text: RegExp) =>
  expect(r.ok === false && r.error).toMatchObject({ code: 'INVALID_INPUT', field, message: expect.stringMatching(text) });
const pick = async (mode: string, direction: string, draft = false) =>
  Object.fromEntries((await staff.run('courts.list', { forTransfer: { mode, direction, draft } } as never)).courts.map((c) => [c.code, c.modeWarning ?? null]));

describe('mode-aware court choice (执行程序解释 第十一条; 民诉法 第二百三十七条)', () => {
  it('提级 goes only to our superior 鄂05; a basic court cannot receive one', async () => {
    refused(await out('提级', '鄂0506'), 'receivingCourtCode', /对方法院（承办法院）」提级执行只能移送本院的上一级法院（鄂05）/);
    refused(await out('提级', '鄂07'), 'receivingCourtCode', /提级执行只能移送/);
    expect((await out('提级', '鄂05')).ok).toBe(true);
    refused(await inn('提级', '鄂0506'), 'originalCourtCode', /对方法院（原执行法院）」提级执行只能由本院的下级法院移入本院/);
    expect(Object.keys(await pick('提级', '移出'))).toEqual(['鄂05']);
    expect(Object.keys(await pick('提级', '移入'))).toEqual([]);
  });

  it('指令 goes to another basic court under 鄂05, both ways; the superior stands in only for a 报请 draft', async () => {
    refused(await out('指令', '鄂05'), 'receivingCourtCode', /指令执行只能在同一上级法院（鄂05）辖区内的其他法院之间进行/);
    refused(await out('指令', '鄂0702'), 'receivingCourtCode', /指令执行/);
    refused(await inn('指令', '鄂0702'), 'originalCourtCode', /指令执行/);
    expect((await out('指令', '鄂0506')).ok).toBe(true);
    expect((await inn('指令', '鄂0502')).ok).toBe(true);
    // A 报请 draft (依职权, starts as 草稿) may name the superior until it decides.
    expect((await out('指令', '鄂05', { initiatedBy: '依职权' })).ok).toBe(true);
    const offered = Object.keys(await pick('指令', '移出'));
    expect(offered).toEqual(expect.arrayContaining(['鄂0502', '鄂0503', '鄂0504', '鄂0506', '鄂0581']));
    expect(offered.every((c) => /^鄂05\d\d$/.test(c) && c !== '鄂0505')).toBe(true);
    expect((await pick('指令', '移出', true))['鄂05']).toMatch(/报请阶段暂填上级法院/);
  });

  it('督促 keeps the case here: the other side, if named, is the superior who urges', async () => {
    refused(await out('督促', '鄂0506'), 'receivingCourtCode', /督促执行由本院继续执行/);
    expect((await out('督促', '鄂05')).ok).toBe(true);
    expect((await staff.call('ledger.edit.createTransfer', { caseId, mode: '督促', direction: '移出', reasons: ['消极执行'] })).ok).toBe(true);
  });

  it('集中 and 委托 (not verified in detail) only warn; 协同 takes any court', async () => {
    expect((await out('集中', '鄂0702')).ok).toBe(true);
    const j = await pick('集中', '移出');
    expect(j['鄂0702']).toMatch(/集中执行通常由上级法院指定其辖区内的法院或其本身办理/);
    expect(j['鄂05']).toBeNull();
    expect(j['鄂0506']).toBeNull();
    expect((await out('委托', '鄂0506')).ok).toBe(true);
    const w = await pick('委托', '移出');
    expect(w['鄂0506']).toMatch(/委托执行通常委托异地法院/);
    expect(w['鄂0702']).toBeNull();
    expect((await out('协同', '鄂0702')).ok).toBe(true);
    expect(Object.keys(await pick('协同', '移出'))).not.toContain('鄂0505');
  });

  it('院内交叉 names only our own court', async () => {
    const r = await staff.call('ledger.edit.createTransfer', { caseId, mode: '院内交叉', direction: '院内', reasons: ['其他'], reasonOther: '更换承办团队', receivingCourtCode: '鄂0506' } as never);
    refused(r, 'receivingCourtCode', /院内交叉只能是本院（鄂0505）/);
    expect((await staff.call('ledger.edit.createTransfer', { caseId, mode: '院内交叉', direction: '院内', reasons: ['其他'], reasonOther: '更换承办团队' } as never)).ok).toBe(true);
  });

  it('a correction is held to the same rule as a new transfer', async () => {
    const { id: transferId } = await staff.run('ledger.edit.createTransfer', { caseId, mode: '指令', direction: '移入', reasons: ['关联案件'], originalCourtCode: '鄂0502' });
    const r = await staff.call('ledger.edit.updateTransfer', { transferId, version: 1, mode: '提级', reasons: ['关联案件'], originalCourtCode: '鄂0502' });
    refused(r, 'originalCourtCode', /提级执行只能由本院的下级法院移入本院/);
    expect(t.app.sqlite.prepare('SELECT mode, version FROM transfers WHERE id = ?').get(transferId)).toEqual({ mode: '指令', version: 1 });
  });
});
