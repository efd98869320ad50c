import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/core/api/dispatch';
import { updateSettings } from '../../../src/core/settings/settings';
import { fileGeneratedDocument } from '../../../src/core/efiles/fileGenerated';
import type { JobView } from '../../../src/contract/calls/jobs';
import { caller, testCore, type Caller, type TestCore } from '../../support/core';
import { seedCase, textPdf } from '../../support/efiles';

let t: TestCore;
beforeEach(() => {
  t = testCore();
  updateSettings(t.app, { ocrEnabled: false });
});
afterEach(() => t.cleanup());

/** Polls jobs.get until the job ends, keeping every distinct progress seen on the way. */
async function follow(c: Caller, jobId: string): Promise<{ end: JobView; seen: { done: number; total: number; step: string }[] }> {
  const seen: { done: number; total: number; step: string }[] = [];
  for (;;) {
    const j = await c.run('jobs.get', { jobId });
    const last = seen[seen.length - 1];
    if (!last || last.step !== j.step || last.done !== j.done) seen.push({ done: j.done, total: j.total, step: j.step });
    if (j.state !== 'running') return { end: j, seen };
    await new Promise((r) => setTimeout(r, 2));
  }
}

describe('one job model', () => {
  it('binding runs as a job: progress per document with Chinese steps, the download as result, listed for its owner only', async () => {
    const staff = t.as('staff', '张承办');
    const c = seedCase(t.app, staff.user.id);
    for (let i = 1; i <= 3; i++) {
      await fileGeneratedDocument(t.app, { caseId: c.id, volume: '正卷', title: `文书${i}`, fileName: `d${i}.pdf`, bytes: textPdf([[`第${i}份`]]), userId: staff.user.id });
    }
    const started = await staff.run('jobs.start', { call: 'efiles.bind', input: { caseId: c.id, volume: '正卷' }, label: `${c.caseNo} 正卷` });
    expect(started).toMatchObject({ kind: 'efiles.bind', state: 'running', title: `一键组卷（生成卷宗 PDF）：${c.caseNo} 正卷` });
    const { end, seen } = await follow(staff, started.jobId);
    expect(end.state).toBe('done');
    expect(end.done).toBe(end.total);
    expect(end.total).toBe(5); // 3 documents + sheets + writing
    expect(seen.every((s) => s.step === '准备中' || s.step === '完成' || /^正在/.test(s.step))).toBe(true);
    // 3 one-page documents plus the binding's own sheets (cover, catalogue, 备考表…).
    const boundPages = (end.result as { pages: number }).pages;
    expect(boundPages).toBeGreaterThanOrEqual(6);
    // Every step a handler reports, in order (what the progress bar walks through).
    const steps: { done?: number; total?: number; step?: string }[] = [];
    const direct = await dispatch(t.app, staff.sessionKey, 'efiles.bind', { caseId: c.id, volume: '正卷' }, { job: { signal: new AbortController().signal, progress: (p) => steps.push(p) } });
    expect(direct.ok).toBe(true);
    expect(steps).toEqual([
      { done: 0, total: 5, step: '正在装订第 1/3 份：文书1' },
      { done: 1, total: 5, step: '正在装订第 2/3 份：文书2' },
      { done: 2, total: 5, step: '正在装订第 3/3 份：文书3' },
      { done: 3, total: 5, step: '正在生成卷皮、卷内目录、备考表和页码' },
      { done: 4, total: 5, step: `正在写入卷宗 PDF（共 ${boundPages} 页）` },
    ]);
    expect(end.result).toMatchObject({ name: `${c.caseNo}_正卷.pdf`, token: expect.any(String) });
    // The binding was audited as when called directly.
    expect(t.app.sqlite.prepare("SELECT count(*) AS n FROM audit_log WHERE call = 'efiles.bind'").get()).toEqual({ n: 2 });

    // Another window of the same user (a reload) finds the job; another user neither lists nor reads it.
    const again = caller(t.app, staff.user, 'another-window');
    t.app.sessions.bind('another-window', staff.user.id);
    expect((await again.run('jobs.list', {})).jobs.map((j) => j.jobId)).toEqual([started.jobId]);
    const other = t.as('staff');
    expect((await other.run('jobs.list', {})).jobs).toEqual([]);
    expect(await other.call('jobs.get', { jobId: started.jobId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await other.call('jobs.cancel', { jobId: started.jobId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuses at once, without a job, what the call itself would refuse: role and input', async () => {
    const staff = t.as('staff');
    const forbidden = await staff.call('jobs.start', { call: 'efiles.verify', input: {} });
    expect(forbidden).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('校验电子卷宗文件') } });
    const bad = await staff.call('jobs.start', { call: 'efiles.bind', input: { caseId: 1, volume: '第三卷' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'volume' } });
    const unknown = await staff.call('jobs.start', { call: 'auth.setupAdmin' as never, input: {} });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect((await staff.run('jobs.list', {})).jobs).toEqual([]);
  });

  it('a failing call ends the job as failed with its Chinese message', async () => {
    const staff = t.as('staff');
    const c = seedCase(t.app, staff.user.id);
    const j = await staff.run('jobs.start', { call: 'efiles.bind', input: { caseId: c.id, volume: '正卷' } });
    const { end } = await follow(staff, j.jobId);
    expect(end).toMatchObject({ state: 'failed', error: { code: 'NOT_FOUND', message: expect.stringContaining('还没有文件，无法组卷') } });
  });

  it('cancelling a report generation stores no version', async () => {
    const staff = t.as('staff');
    const j = await staff.run('jobs.start', { call: 'reports.weekly.generate', input: { week: '2025-W10' } });
    await staff.run('jobs.cancel', { jobId: j.jobId });
    const { end } = await follow(staff, j.jobId);
    expect(end.state).toBe('cancelled');
    expect(end.error?.message).toContain('已取消');
    expect(t.app.sqlite.prepare('SELECT count(*) AS n FROM weekly_reports').get()).toEqual({ n: 0 });
    // Not cancelled, the same call stores version 1 and reports its steps.
    const k = await staff.run('jobs.start', { call: 'reports.weekly.generate', input: { week: '2025-W10' } });
    const done = await follow(staff, k.jobId);
    expect(done.end).toMatchObject({ state: 'done', done: 4, total: 4, result: { week: '2025-W10', version: 1 } });
    expect(done.seen[0]!.step).toMatch(/^正在/);
  });

  it('an administrator verifies the store as a job, file by file', async () => {
    const admin = t.as('admin');
    const c = seedCase(t.app, null);
    for (let i = 1; i <= 3; i++) await fileGeneratedDocument(t.app, { caseId: c.id, volume: '正卷', title: `文书${i}`, fileName: `d${i}.pdf`, bytes: textPdf([[`第${i}份`]]), userId: admin.user.id });
    const j = await admin.run('jobs.start', { call: 'efiles.verify', input: {} });
    const { end } = await follow(admin, j.jobId);
    expect(end).toMatchObject({ state: 'done', done: 3, total: 3, step: '完成', result: { checked: 3, problems: [] } });
  });
});
