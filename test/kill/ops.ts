import fs from 'node:fs';
import path from 'node:path';
import type { CoreApp } from '../../src/core/app';
import { dispatch } from '../../src/core/api/dispatch';
import { cliPrincipal } from '../../src/cli/context';
import { stageFile } from '../../src/core/files/uploads';
import { exportPackage } from '../../src/core/exchange/exportPackage';
import { backupFull, readBackupManifest } from '../../src/core/db/fullBackup';
import { generatedLedger } from '../support/ledgerWorkbooks';
import { seedCase, textPdf } from '../support/efiles';

/**
 * The operations the kill harness interrupts (issue 12, "How it is checked"), each run the way a
 * host runs it, and what must hold after a kill followed by a re-run to completion.
 * Inputs live in `<work>/in` (made once by `prepare`), outputs that users keep in `<work>/out`.
 */
export const OPS = ['excel', 'efile', 'export', 'report', 'backup'] as const;
export type Op = (typeof OPS)[number];

export const LEDGER_ROWS = 400;
export const EFILES = 12;
const STAFF = { username: 'zhang', password: 'password123' };

export async function prepare(app: CoreApp, work: string): Promise<void> {
  const inDir = path.join(work, 'in');
  fs.mkdirSync(inDir, { recursive: true });
  fs.writeFileSync(path.join(inDir, '台账.xlsx'), await generatedLedger(LEDGER_ROWS, { year: 2023 }));
  for (let n = 0; n < EFILES; n++) fs.writeFileSync(path.join(inDir, `文书${String(n).padStart(2, '0')}.pdf`), textPdf(Array.from({ length: 6 }, (_, p) => [`执行笔录 第${n}份 第${p + 1}页 ${'查封 冻结 扣划 '.repeat(40)}`])));
}

const staffId = (app: CoreApp) => (app.sqlite.prepare('SELECT id FROM users WHERE username = ?').get(STAFF.username) as { id: number }).id;

async function ok(p: Promise<{ ok: boolean; error?: { message: string } }>) {
  const r = await p;
  if (!r.ok) throw new Error(r.error!.message);
}

/** Runs the operation once, to the end (the child is killed somewhere inside). */
export async function runOp(app: CoreApp, op: Op, work: string): Promise<void> {
  const inDir = path.join(work, 'in');
  const out = path.join(work, 'out');
  fs.mkdirSync(out, { recursive: true });
  switch (op) {
    case 'excel': {
      const staged = await stageFile(app, cliPrincipal(), 'ledger.import.preview', path.join(inDir, '台账.xlsx'));
      return ok(dispatch(app, 'cli', 'ledger.import.commit', { uploadId: staged.uploadId }, { principal: cliPrincipal() }));
    }
    case 'efile': {
      app.sessions.bind('kill', staffId(app));
      // A new case each run: an import of the same bytes into the same case is a quick duplicate.
      const target = seedCase(app, staffId(app), 1000 + (app.sqlite.prepare('SELECT max(id) AS n FROM cases').get() as { n: number }).n).id;
      for (const f of fs.readdirSync(inDir).filter((x) => x.endsWith('.pdf')).sort()) {
        const staged = await stageFile(app, { id: staffId(app) }, 'efiles.import', path.join(inDir, f));
        await ok(dispatch(app, 'kill', 'efiles.import', { caseId: target, uploadId: staged.uploadId, volume: '正卷' }));
      }
      return;
    }
    case 'export': {
      await exportPackage(app, cliPrincipal(), { week: '2025-W10', cases: [], includeVolumes: false, includeDocuments: true, includeSecondary: false }, path.join(out, `上报包-${Date.now()}.zip`));
      return;
    }
    case 'report':
      return ok(dispatch(app, 'cli', 'reports.weekly.generate', { week: '2025-W10' }, { principal: cliPrincipal() }));
    case 'backup': {
      const existing = fs.readdirSync(out).filter((f) => f.startsWith('备份-') && !f.includes('.partial-'));
      await backupFull(app, path.join(out, `备份-${existing.length + 1}`));
      return;
    }
  }
}

/** What must hold after kills and one complete re-run; returns the problems found. */
export function checkOp(app: CoreApp, op: Op, work: string, completedRuns: number): string[] {
  const out = path.join(work, 'out');
  const problems: string[] = [];
  const count = (sql: string, ...args: unknown[]) => (app.sqlite.prepare(sql).get(...args) as { n: number }).n;
  switch (op) {
    case 'excel':
      // One transaction: after a kill either every row or none; the re-run completes it exactly once.
      if (count("SELECT count(*) AS n FROM cases WHERE case_no LIKE '（2023）%'") !== LEDGER_ROWS) problems.push(`台账导入后案件数不是 ${LEDGER_ROWS}`);
      break;
    case 'efile': {
      // The re-run (the newest case) holds every file; the killed run's case holds those imported before the kill.
      const last = (app.sqlite.prepare('SELECT max(case_id) AS id FROM efile_documents').get() as { id: number }).id;
      if (count('SELECT count(*) AS n FROM efile_documents WHERE case_id = ? AND deleted_at IS NULL', last) !== EFILES) problems.push(`重做的导入文档数不是 ${EFILES}`);
      break;
    }
    case 'export': {
      const rows = app.sqlite.prepare("SELECT revision, file_name FROM exchange_exports WHERE week = '2025-W10' ORDER BY revision").all() as { revision: number }[];
      if (rows.some((r, i) => r.revision !== i + 1)) problems.push(`上报包版本号不连续或重复：${rows.map((r) => r.revision).join(',')}`);
      const finals = fs.readdirSync(out).filter((f) => f.endsWith('.zip'));
      // Every package under its final name is recorded (the row is written before the rename).
      if (finals.length > rows.length) problems.push(`有 ${finals.length - rows.length} 个上报包没有导出记录`);
      if (rows.length < completedRuns) problems.push('完成的导出缺少记录');
      break;
    }
    case 'report': {
      const versions = app.sqlite.prepare("SELECT id, version, efile_document_ids AS filed FROM weekly_reports WHERE week = '2025-W10' ORDER BY version").all() as { id: number; version: number; filed: string | null }[];
      for (const v of versions) {
        if (count('SELECT count(*) AS n FROM weekly_report_files WHERE report_id = ?', v.id) !== 3) problems.push(`周报第${v.version}版缺少文件`);
        if (!v.filed) problems.push(`周报第${v.version}版未归入电子卷宗`);
      }
      if (versions.length < completedRuns) problems.push('完成的周报缺少版本');
      break;
    }
    case 'backup':
      for (const f of fs.readdirSync(out)) {
        if (f.includes('.partial-')) continue; // outside the data folder: the next backup there removes it (see harness)
        if (!readBackupManifest(path.join(out, f))) problems.push(`备份 ${f} 不完整`);
      }
      break;
  }
  return problems;
}
