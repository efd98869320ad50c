import { createHash } from 'node:crypto';
import type { UserPublic } from '../../contract/calls/common';
import type { WeeklyFigures, WeeklyReportRecord } from '../../contract/calls/reports';
import type { CoreApp } from '../app';
import { fail, notFound } from '../errors';
import type { WeeklyReportFile } from './weeklyFiles';

/**
 * The history of generated weekly reports. Every generation is a new version (nothing is
 * overwritten); a version marked 已报送 is frozen (triggers in reports/0001 refuse changes), and a
 * version generated after one was submitted is flagged as a revision (修订版), so the 中院 can tell a
 * corrected re-submission from the original.
 */
export const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

type Row = {
  id: number;
  week: string;
  version: number;
  status: '已生成' | '已报送';
  revision: number;
  generatedAt: string;
  generatedBy: string;
  submittedAt: string | null;
  submittedBy: string | null;
  figuresSha256: string;
  efileIds: string | null;
};

const SELECT = `SELECT id, week, version, status, revision, generated_at AS generatedAt, generated_by_name AS generatedBy, submitted_at AS submittedAt,
  submitted_by_name AS submittedBy, figures_sha256 AS figuresSha256, efile_document_ids AS efileIds FROM weekly_reports`;

function toRecord(app: CoreApp, r: Row): WeeklyReportRecord {
  const files = app.sqlite
    .prepare(`SELECT kind, file_name AS fileName, size, sha256 FROM weekly_report_files WHERE report_id = ? ORDER BY CASE kind WHEN 'docx' THEN 1 WHEN 'xlsx' THEN 2 ELSE 3 END`)
    .all(r.id) as WeeklyReportRecord['files'];
  return { ...r, revision: r.revision === 1, files, filedIntoEfiles: !!r.efileIds };
}

/** Stores one generation (call inside a transaction: ctx.commit). */
export function storeReport(app: CoreApp, user: UserPublic, figures: WeeklyFigures, files: (version: number) => WeeklyReportFile[]): WeeklyReportRecord {
  const prev = app.sqlite.prepare(`SELECT max(version) AS v, max(status = '已报送') AS submitted FROM weekly_reports WHERE week = ?`).get(figures.week) as { v: number | null; submitted: number | null };
  const version = (prev.v ?? 0) + 1;
  const json = JSON.stringify(figures);
  const id = Number(
    app.sqlite
      .prepare(
        `INSERT INTO weekly_reports (week, version, status, revision, start_on, end_on, cutoff_at, figures, figures_sha256, generated_at, generated_by, generated_by_name)
         VALUES (?, ?, '已生成', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(figures.week, version, prev.submitted ? 1 : 0, figures.startOn, figures.endOn, figures.cutoffAt, json, sha256(json), app.now().toISOString(), user.id > 0 ? user.id : null, user.displayName)
      .lastInsertRowid,
  );
  const ins = app.sqlite.prepare(`INSERT INTO weekly_report_files (report_id, kind, file_name, size, sha256, bytes) VALUES (?, ?, ?, ?, ?, ?)`);
  for (const f of files(version)) ins.run(id, f.kind, f.fileName, f.bytes.length, sha256(f.bytes), f.bytes);
  return getReport(app, id);
}

export function nextVersion(app: CoreApp, week: string): number {
  const r = app.sqlite.prepare(`SELECT max(version) AS v FROM weekly_reports WHERE week = ?`).get(week) as { v: number | null };
  return (r.v ?? 0) + 1;
}

export function getReport(app: CoreApp, id: number): WeeklyReportRecord {
  const r = app.sqlite.prepare(`${SELECT} WHERE id = ?`).get(id) as Row | undefined;
  if (!r) return notFound('周报');
  return toRecord(app, r);
}

export function listReports(app: CoreApp, week?: string): WeeklyReportRecord[] {
  const rows = (week ? app.sqlite.prepare(`${SELECT} WHERE week = ? ORDER BY id DESC`).all(week) : app.sqlite.prepare(`${SELECT} ORDER BY id DESC LIMIT 200`).all()) as Row[];
  return rows.map((r) => toRecord(app, r));
}

export function reportFile(app: CoreApp, id: number, kind: 'docx' | 'xlsx' | 'pdf'): { fileName: string; bytes: Buffer } {
  const f = app.sqlite.prepare(`SELECT file_name AS fileName, bytes FROM weekly_report_files WHERE report_id = ? AND kind = ?`).get(id, kind) as { fileName: string; bytes: Buffer } | undefined;
  if (!f) return notFound('周报文件');
  return f;
}

/** 已报送: only once the week is over, and only once per version. */
export function submitReport(app: CoreApp, user: UserPublic, id: number): WeeklyReportRecord {
  const r = getReport(app, id);
  if (r.status === '已报送') fail('INVALID_STATE', `${r.week} 第${r.version}版已于 ${r.submittedAt?.slice(0, 10)} 标记为已报送`);
  const cutoff = (app.sqlite.prepare('SELECT cutoff_at AS c FROM weekly_reports WHERE id = ?').get(id) as { c: string }).c;
  if (app.now().toISOString() < cutoff) fail('INVALID_STATE', `${r.week} 尚未结束，周报数据为临时数据，周末结束后重新生成再报送`);
  app.sqlite
    .prepare(`UPDATE weekly_reports SET status = '已报送', submitted_at = ?, submitted_by = ?, submitted_by_name = ? WHERE id = ?`)
    .run(app.now().toISOString(), user.id > 0 ? user.id : null, user.displayName, id);
  return getReport(app, id);
}

export function setFiled(app: CoreApp, id: number, documentIds: number[]): void {
  app.sqlite.prepare('UPDATE weekly_reports SET efile_document_ids = ? WHERE id = ?').run(JSON.stringify(documentIds), id);
}

export function storedFigures(app: CoreApp, id: number): WeeklyFigures {
  const r = app.sqlite.prepare('SELECT figures FROM weekly_reports WHERE id = ?').get(id) as { figures: string } | undefined;
  if (!r) return notFound('周报');
  return JSON.parse(r.figures) as WeeklyFigures;
}
