import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../../support/core';
import { verifyPackage } from '../../../src/core/exchange/verify';
import { trustedKeys } from '../../../src/core/exchange/view';
import { stageFile } from '../../../src/core/files/uploads';
import { setExchangeDeps } from '../../../src/core/exchange/deps';
import { caseWithDocuments, exportAndWait, fakeDeps, readZip } from './fixtures';

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

describe('upward package export', () => {
  it('packs report, ledger, bound 正卷 and documents with a signed manifest following the naming rule', async () => {
    const staff = t.as('staff', '张承办');
    const { caseNo } = await caseWithDocuments(t, staff);
    const { status, file } = await exportAndWait(t, staff, { week: '2025-W10', cases: [caseNo], includeVolumes: true, includeDocuments: true });
    expect(status.result!.revision).toBe(1);
    expect(status.result!.download.name).toBe('鄂0505_上报包_2025-W10_第1版.zip');

    const r = await verifyPackage(file, { trusted: trustedKeys(t.app) });
    expect(r.problems).toEqual([]);
    const m = r.manifest!;
    expect(m.court).toEqual({ code: '鄂0505', name: '宜昌市猇亭区人民法院' });
    expect(m.period).toEqual({ kind: 'week', week: '2025-W10', from: '2025-03-03', to: '2025-03-09' });
    expect(m.exportedBy.name).toBe('张承办');
    expect(m.includesSecondary).toBe(false);
    const paths = m.files.map((f) => f.path);
    expect(paths).toEqual([
      '鄂0505/周报/鄂0505_周报_2025-W10.docx',
      '鄂0505/周报/鄂0505_周报_2025-W10.xlsx',
      '鄂0505/周报/鄂0505_周报_2025-W10.pdf',
      '鄂0505/台账/鄂0505_台账_2025-W10.xlsx',
      '鄂0505/台账/鄂0505_台账_2025-W10.json',
      '鄂0505/案件/(2025)鄂0505执100号/正卷/(2025)鄂0505执100号_正卷.pdf',
      expect.stringMatching(/^鄂0505\/案件\/\(2025\)鄂0505执100号\/正卷\/001_.+_执行立案审批表\.pdf$/),
      expect.stringMatching(/^鄂0505\/案件\/\(2025\)鄂0505执100号\/正卷\/002_.+_执行裁定书_查封\.pdf$/),
    ]);
    const doc = m.files[6]!;
    expect(doc).toMatchObject({ kind: 'document', case: { caseNo }, volume: '正卷', format: 'pdf', title: '执行立案审批表' });
    expect(doc.section).toBeTruthy();
    // No 副卷 material unless explicitly included.
    const entries = await readZip(file);
    expect(entries.some((e) => e.data.toString().includes('secret minutes'))).toBe(false);
    // The ledger extract is machine-readable and names the case.
    const ledger = JSON.parse(entries.find((e) => e.name.endsWith('.json') && e.name.includes('台账'))!.data.toString());
    expect(ledger.format).toBe('xdesk.ledger-extract');
    expect(ledger.rows.map((row: Record<string, unknown>) => row['案号'])).toContain('(2025)鄂0505执100号'.replace('(', '（').replace(')', '）'));    // Issue 12 §8: the manifest carries the audit head as it stood before the export's own row.
    const exportRow = t.app.sqlite.prepare("SELECT id FROM audit_log WHERE record_type = 'exchange_export' ORDER BY id DESC LIMIT 1").get() as { id: number };
    const before = t.app.sqlite.prepare('SELECT id, hash FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT 1').get(exportRow.id) as { id: number; hash: string };
    expect(m.auditHead).toEqual(before);
  });

  it('records history; exporting the same week again is revision 2', async () => {
    const clerk = t.as('clerk');
    await exportAndWait(t, clerk, { week: '2025-W10' });
    const again = await exportAndWait(t, clerk, { week: '2025-W10' });
    expect(again.status.result!.revision).toBe(2);
    const { rows } = await clerk.run('exchange.history.list', {});
    expect(rows.map((r) => [r.periodLabel, r.revision])).toEqual([
      ['2025-W10', 2],
      ['2025-W10', 1],
    ]);
    expect(rows[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]!.size).toBe(fs.statSync(again.file).size);
    const audit = t.app.sqlite.prepare(`SELECT summary FROM audit_log WHERE call = 'exchange.export.start' ORDER BY id`).all() as { summary: string }[];
    expect(audit.some((a) => a.summary.includes('第2版'))).toBe(true);
  });

  it('a date range takes the weekly reports of the weeks ending inside it', async () => {
    const clerk = t.as('clerk');
    const { file } = await exportAndWait(t, clerk, { from: '2025-03-01', to: '2025-03-16' });
    const m = (await verifyPackage(file, { trusted: trustedKeys(t.app) })).manifest!;
    expect(m.period).toEqual({ kind: 'range', from: '2025-03-01', to: '2025-03-16' });
    // 2025-03-01 is a Saturday: week 9 ends on Sunday 2025-03-02, inside the range.
    expect(m.files.filter((f) => f.kind === 'report' && f.format === 'pdf').map((f) => f.path)).toEqual([
      '鄂0505/周报/鄂0505_周报_2025-W09.pdf',
      '鄂0505/周报/鄂0505_周报_2025-W10.pdf',
      '鄂0505/周报/鄂0505_周报_2025-W11.pdf',
    ]);
  });

  it('副卷 only for the handler, the chief or an admin, and only when explicitly chosen — audited', async () => {
    const handler = t.as('staff', '张承办');
    const { caseNo } = await caseWithDocuments(t, handler);
    const other = t.as('staff', '别的承办人');
    const refused = await other.call('exchange.export.start', { week: '2025-W10', cases: [caseNo], includeDocuments: true, includeVolumes: false, includeSecondary: true });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.code).toBe('FORBIDDEN');

    const chief = t.as('chief', '王局长');
    const { file } = await exportAndWait(t, chief, { week: '2025-W10', cases: [caseNo], includeDocuments: true, includeVolumes: true, includeSecondary: true });
    const m = (await verifyPackage(file, { trusted: trustedKeys(t.app) })).manifest!;
    expect(m.includesSecondary).toBe(true);
    expect(m.files.filter((f) => f.volume === '副卷').map((f) => f.kind)).toEqual(['volume', 'document']);
    const audit = t.app.sqlite.prepare(`SELECT summary FROM audit_log WHERE call = 'exchange.export.start' ORDER BY id`).all() as { summary: string }[];
    expect(audit.some((a) => a.summary.includes('明确选择包含副卷'))).toBe(true);
    expect(audit.some((a) => a.summary.includes(`含副卷：${caseNo.replace('（', '(').replace('）', ')')}`) || a.summary.includes('含副卷：'))).toBe(true);
  });

  it('refuses bad input before starting: unknown case, no period', async () => {
    const clerk = t.as('clerk');
    const a = await clerk.call('exchange.export.start', { week: '2025-W10', cases: ['（2025）鄂0505执999号'] });
    expect(!a.ok && a.error.message).toContain('执999号');
    const b = await clerk.call('exchange.export.start', { cases: [] });
    expect(!b.ok && b.error.message).toContain('请选择一周');
  });

  it('cancel removes the partial file: nothing under a final name, no .part left', async () => {
    const clerk = t.as('clerk');
    // A slow report generator gives time to cancel.
    const undo = setExchangeDeps({
      weeklyReportFiles: async (_a, { week }) => {
        await new Promise((r) => setTimeout(r, 200));
        return { week, files: [{ kind: 'pdf', fileName: 'x.pdf', bytes: Buffer.alloc(1000) }] };
      },
    });
    try {
      const { jobId } = await clerk.run('exchange.export.start', { week: '2025-W10' });
      await clerk.run('exchange.export.cancel', { jobId });
      let s = await clerk.run('exchange.export.status', { jobId });
      while (s.state === 'running') {
        await new Promise((r) => setTimeout(r, 20));
        s = await clerk.run('exchange.export.status', { jobId });
      }
      expect(s.state).toBe('cancelled');
      const dir = path.join(t.dir, 'tmp', 'downloads');
      expect(fs.existsSync(dir) ? fs.readdirSync(dir) : []).toEqual([]);
      expect(fs.readdirSync(path.join(t.dir, 'tmp', 'exchange'))).toEqual([]);
      expect((await clerk.run('exchange.history.list', {})).rows).toEqual([]);
    } finally {
      undo();
    }
  });

  it('opens a verified package read-only: ledger rows and files by index', async () => {
    const staff = t.as('staff');
    const { caseNo } = await caseWithDocuments(t, staff);
    const { file } = await exportAndWait(t, staff, { week: '2025-W10', cases: [caseNo], includeVolumes: false, includeDocuments: true });
    const chief = t.as('chief');
    const up = await stageFile(t.app, chief.user, 'exchange.view.open', file);
    const v = await chief.run('exchange.view.open', { uploadId: up.uploadId });
    expect(v.ok).toBe(true);
    expect(v.viewId).toBeTruthy();
    const ledger = await chief.run('exchange.view.ledger', { viewId: v.viewId! });
    expect(ledger.columns.map((c) => c.key)).toContain('案号');
    expect(ledger.rows.length).toBeGreaterThan(0);
    const doc = v.files.find((f) => f.kind === 'document')!;
    const out = await chief.run('exchange.view.file', { viewId: v.viewId!, index: doc.index });
    expect(out.mime).toBe('application/pdf');
    const bytes = fs.readFileSync(path.join(t.dir, 'tmp', 'downloads', `${out.download.token}.bin`));
    expect(bytes.toString()).toBe('%PDF-1.7 doc one');
    // Another user cannot use this view.
    const other = t.as('chief');
    expect((await other.call('exchange.view.file', { viewId: v.viewId!, index: 0 })).ok).toBe(false);
  });
});
