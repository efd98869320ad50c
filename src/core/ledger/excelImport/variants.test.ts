import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testCore, type Caller, type TestCore } from '../../../../test/support/core';
import { ensureYichangCourts } from '../../../../test/support/yichangCourts';
import { UNKNOWN_MODE, VARIANT_CASES as C, variantsLedger } from '../../../../test/support/ledgerWorkbooks';
import { stageBytes } from '../../files/uploads';
import { toDirection, toMode } from './valueMaps';

/** Issue 14, "Importing real ledgers": the words real bureau ledgers use, on real SQLite files. */
let t: TestCore;
let clerk: Caller;
let admin: Caller;
beforeEach(() => {
  t = testCore({ now: '2025-07-01T02:00:00Z' });
  ensureYichangCourts(t.app);
  clerk = t.as('clerk', '李书记员');
  admin = t.as('admin', '王管理员');
  t.as('staff', '张承办');
});
afterEach(() => t.cleanup());

const stage = async (c: Caller, bytes: Buffer) => (await stageBytes(t.app, c.user, 'ledger.import.preview', '台账.xlsx', bytes)).uploadId;
const rowOf = (p: { rows: { caseNo: string | null }[] }, no: string) => p.rows.find((r) => r.caseNo === no) as (typeof p.rows)[number] & { status: string; problems: { level: string; message: string }[]; summary: { mode: string | null } };
const transferOf = (no: string) =>
  t.app.sqlite.prepare('SELECT t.* FROM transfers t JOIN cases c ON c.id = t.case_id WHERE c.case_no = ?').get(no) as Record<string, unknown> | undefined;
const uploads = () => fs.readdirSync(path.join(t.app.dataDir, 'tmp', 'uploads'));

describe('a sheet that calls our court 本院 / 我院 / 本院执行局', () => {
  it('reads them as the court in settings instead of refusing every row', async () => {
    const p = await clerk.run('ledger.import.preview', { uploadId: await stage(clerk, await variantsLedger()) });
    for (const no of [C.ownCourtOut, C.ownCourtIn, C.internalChange, C.internalTeam, C.raisedLevel]) {
      expect(rowOf(p, no).problems.filter((x) => x.level === 'error')).toEqual([]);
    }
    await clerk.run('ledger.import.commit', { uploadId: await stage(clerk, await variantsLedger()) });
    expect(transferOf(C.ownCourtOut)).toMatchObject({ direction: '移出', original_court_code: '鄂0505', receiving_court_code: '鄂0506' });
    expect(transferOf(C.ownCourtIn)).toMatchObject({ direction: '移入', original_court_code: '鄂0502', receiving_court_code: '鄂0505' });
    expect(transferOf(C.internalChange)).toMatchObject({ direction: '院内', original_court_code: '鄂0505', receiving_court_code: '鄂0505' });
  });

  it('follows the settings: another court code makes 本院 that court', async () => {
    await admin.run('settings.update', { courtCode: '鄂0506', courtName: '宜昌市夷陵区人民法院' });
    const p = await clerk.run('ledger.import.preview', { uploadId: await stage(clerk, await variantsLedger()) });
    // 本院 is now 鄂0506: the row naming 鄂0506 as the receiving court sends a case to itself.
    expect(rowOf(p, C.internalChange).problems.filter((x) => x.level === 'error')).toEqual([]);
    await clerk.run('ledger.import.commit', { uploadId: await stage(clerk, await variantsLedger()) });
    expect(transferOf(C.internalChange)).toMatchObject({ original_court_code: '鄂0506', receiving_court_code: '鄂0506' });
  });
});

describe('mode wording variants', () => {
  it('maps the usual local words onto the vocabulary', () => {
    expect(toMode('内部交叉（变更承办人）')).toBe('院内交叉');
    expect(toMode('院内交叉（更换承办团队）')).toBe('院内交叉');
    expect(toMode('指定执行')).toBe('指令');
    expect(toMode('提级管辖执行')).toBe('提级');
    expect(toMode('指定 管辖')).toBe('指令');
    expect(toMode('交叉')).toBeNull();
    expect(toMode(UNKNOWN_MODE)).toBeNull();
    expect(toDirection('移入（受指定）')).toBe('移入');
  });

  it('imports each variant with the mode it means', async () => {
    await clerk.run('ledger.import.commit', { uploadId: await stage(clerk, await variantsLedger()) });
    expect(transferOf(C.ownCourtOut)!.mode).toBe('指令');
    expect(transferOf(C.internalChange)!.mode).toBe('院内交叉');
    expect(transferOf(C.internalTeam)!.mode).toBe('院内交叉');
    expect(transferOf(C.raisedLevel)).toMatchObject({ mode: '提级', receiving_court_code: '鄂05' });
  });

  it('an unknown word refuses the row and is offered as a synonym; once an admin adds it, the row imports', async () => {
    const first = await clerk.run('ledger.import.preview', { uploadId: await stage(clerk, await variantsLedger()) });
    const row = rowOf(first, C.unknownMode);
    expect(row.status).toBe('error');
    expect(row.problems.map((x) => x.message).join()).toContain(`实际为「${UNKNOWN_MODE}」`);
    expect(first.unknownValues).toEqual([{ kind: 'mode', value: UNKNOWN_MODE, rows: 1 }]);

    // a clerk may not change the vocabulary; a wrong target is refused naming the field
    expect((await clerk.call('ledger.import.synonyms.save', { kind: 'mode', phrase: UNKNOWN_MODE, value: '指令' })).ok).toBe(false);
    const bad = await admin.call('ledger.import.synonyms.save', { kind: 'mode', phrase: UNKNOWN_MODE, value: '移送' });
    expect(bad.ok === false && bad.error.message).toMatch(/应为 督促、指令、提级/);

    await admin.run('ledger.import.synonyms.save', { kind: 'mode', phrase: UNKNOWN_MODE, value: '指令' });
    expect(await clerk.run('ledger.import.synonyms.list', {})).toMatchObject([{ kind: 'mode', phrase: '异地交叉执行(上级安排)', value: '指令', createdBy: '王管理员' }]);
    const audit = t.app.sqlite.prepare(`SELECT summary FROM audit_log WHERE call = 'ledger.import.synonyms.save'`).get() as { summary: string };
    expect(audit.summary).toContain('视为交叉方式「指令」');

    const again = await clerk.run('ledger.import.preview', { uploadId: await stage(clerk, await variantsLedger()) });
    expect(rowOf(again, C.unknownMode).status).not.toBe('error');
    expect(rowOf(again, C.unknownMode).summary.mode).toBe('指令');
    expect(again.unknownValues).toEqual([]);

    await admin.run('ledger.import.synonyms.delete', { kind: 'mode', phrase: UNKNOWN_MODE });
    const third = await clerk.run('ledger.import.preview', { uploadId: await stage(clerk, await variantsLedger()) });
    expect(rowOf(third, C.unknownMode).status).toBe('error');
  });
});

describe('which dates mean what', () => {
  it('a 移入 row: 立案日期 after 收到卷宗日期 is the new filing; earlier is an error named as such', async () => {
    const p = await clerk.run('ledger.import.preview', { uploadId: await stage(clerk, await variantsLedger()) });
    const wrong = rowOf(p, C.filedBeforeReceived);
    expect(wrong.status).toBe('error');
    expect(wrong.problems.filter((x) => x.level === 'error').map((x) => x.message)).toEqual([
      expect.stringMatching(/^「立案日期」（K 列）立案日期 2025-04-02 早于收到卷宗日期 2025-04-10：移入案件的立案日期应为本院收到卷宗后的新立案日期/),
    ]);
    await clerk.run('ledger.import.commit', { uploadId: await stage(clerk, await variantsLedger()) });
    expect(transferOf(C.ownCourtIn)).toMatchObject({ received_on: '2025-03-01', filed_on: '2025-03-05', state: '办理中' });
    expect(transferOf(C.filedBeforeReceived)).toBeUndefined();
  });

  it('reads a 类型 column as the direction', async () => {
    const p = await clerk.run('ledger.import.preview', { uploadId: await stage(clerk, await variantsLedger()) });
    expect(p.columns.find((c) => c.header === '类型')?.field).toBe('direction');
  });
});

describe('the staged copy of the workbook', () => {
  it('is removed when the preview ends and after a commit, not left for a day', async () => {
    const uploadId = await stage(clerk, await variantsLedger());
    await clerk.run('ledger.import.preview', { uploadId });
    expect(uploads().some((f) => f.startsWith(uploadId))).toBe(true);
    // someone else cannot remove my upload
    await t.as('clerk').run('ledger.import.discard', { uploadId });
    expect(uploads().some((f) => f.startsWith(uploadId))).toBe(true);
    await clerk.run('ledger.import.discard', { uploadId });
    expect(uploads().filter((f) => f.startsWith(uploadId))).toEqual([]);

    const second = await stage(clerk, await variantsLedger());
    await clerk.run('ledger.import.commit', { uploadId: second });
    expect(uploads().filter((f) => f.startsWith(second))).toEqual([]);
  });
});
