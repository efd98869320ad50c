import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testCore, type Caller, type TestCore } from '../../../test/support/core';
import { buildReportFixture } from '../../../test/support/reportFixture';
import { openDownload } from '../files/downloads';
import { sha256 } from './history';
import fs from 'node:fs';

let t: TestCore;
let staff: Caller;
let chief: Caller;
beforeEach(() => {
  t = testCore({ now: '2025-01-01T02:00:00Z' });
  const clerk = t.as('clerk', '王书记员');
  buildReportFixture(t.app, t.setNow, clerk.user).later();
  t.setNow('2025-03-20T01:00:00Z');
  // Log in after the clock moved on (sessions lock when idle).
  staff = t.as('staff', '张承办');
  chief = t.as('chief', '李局长');
});
afterEach(() => t.cleanup());

describe('weekly report calls', () => {
  it('generate → history with who/when/SHA-256 → download the stored bytes', async () => {
    const rec = await staff.run('reports.weekly.generate', { week: '2025-W10' });
    expect(rec).toMatchObject({ week: '2025-W10', version: 1, status: '已生成', revision: false, generatedBy: '张承办', generatedAt: '2025-03-20T01:00:00.000Z' });
    expect(rec.files.map((f) => f.kind)).toEqual(['docx', 'xlsx', 'pdf']);
    const hist = await staff.run('reports.weekly.history', { week: '2025-W10' });
    expect(hist.map((h) => h.id)).toEqual([rec.id]);
    const d = await staff.run('reports.weekly.download', { reportId: rec.id, kind: 'pdf' });
    const file = openDownload(t.app, staff.user, d.token);
    expect(sha256(fs.readFileSync(file.file))).toBe(rec.files[2]!.sha256);
    expect(file.name).toBe('交叉执行周报-2025-W10-第1版.pdf');
    // Audited.
    const audit = t.app.sqlite.prepare(`SELECT summary FROM audit_log WHERE call = 'reports.weekly.generate'`).all() as { summary: string }[];
    expect(audit.map((a) => a.summary)).toEqual(['生成周报 2025-W10']);
  });

  it('is filed into the e-files bureau records (局务)', async () => {
    const rec = await staff.run('reports.weekly.generate', { week: '2025-W10' });
    expect(rec.filedIntoEfiles).toBe(true);
    const docs = t.app.sqlite.prepare(`SELECT case_id AS caseId, volume, name FROM efile_documents ORDER BY name`).all();
    expect(docs).toEqual([
      { caseId: null, volume: '局务', name: '交叉执行周报-2025-W10-第1版.pdf' },
      { caseId: null, volume: '局务', name: '交叉执行周报-2025-W10-第1版.xlsx' },
    ]);
  });

  it('已报送 freezes that version; later generations are revisions; the figures are the same', async () => {
    // W10 is generated and reported on Monday 03-10 (before the W11 cutoff), revised on 03-20.
    t.setNow('2025-03-10T02:00:00Z');
    staff = t.as('staff', '张承办');
    chief = t.as('chief', '李局长');
    const v1 = await staff.run('reports.weekly.generate', { week: '2025-W10' });
    const refused = await staff.call('reports.weekly.submit', { reportId: v1.id });
    expect(refused.ok).toBe(false); // only 局长 / 分管院领导 / 管理员
    const sent = await chief.run('reports.weekly.submit', { reportId: v1.id });
    expect(sent).toMatchObject({ status: '已报送', submittedBy: '李局长' });
    const again = await chief.call('reports.weekly.submit', { reportId: v1.id });
    expect(again.ok === false && again.error.message).toMatch(/已于 2025-03-10 标记为已报送/);
    t.setNow('2025-03-20T01:00:00Z');
    staff = t.as('staff', '张承办');
    const v2 = await staff.run('reports.weekly.generate', { week: '2025-W10' });
    expect(v2).toMatchObject({ version: 2, revision: true, status: '已生成' });
    expect(v2.figuresSha256).toBe(v1.figuresSha256);
    expect(() => t.app.sqlite.prepare(`UPDATE weekly_reports SET figures = '{}' WHERE id = ?`).run(v1.id)).toThrow(/已报送的周报不能修改/);
    expect(() => t.app.sqlite.prepare(`DELETE FROM weekly_report_files WHERE report_id = ?`).run(v1.id)).toThrow(/不能删除/);
    // The next week's corrections say the affected week had been reported.
    t.setNow('2025-03-20T01:05:00Z');
    const w11 = await staff.run('reports.weekly.figures', { week: '2025-W11' });
    expect(w11.corrections.every((c) => c.affectedWeek === '2025-W10' && c.reported)).toBe(true);
  });

  it('a week still running cannot be marked 已报送', async () => {
    t.setNow('2025-03-20T01:01:00Z');
    const rec = await staff.run('reports.weekly.generate', { week: '2025-W12' }); // 03-17 … 03-23: still running
    const r = await chief.call('reports.weekly.submit', { reportId: rec.id });
    expect(r.ok === false && r.error.message).toMatch(/尚未结束/);
  });

  it('bad input is refused in Chinese naming the field', async () => {
    const r = await staff.call('reports.weekly.figures', { week: '2025-10' });
    expect(r.ok === false && r.error.message).toMatch(/「周次」.*2025-W10/);
    const r2 = await staff.call('reports.weekly.figures', { week: '2025-W53' });
    expect(r2.ok === false && r2.error.message).toMatch(/「周次」2025 年没有第 53 周/);
    const r3 = await staff.call('reports.weekly.download', { reportId: 999, kind: 'pdf' });
    expect(r3.ok).toBe(false);
  });
});
