import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { UserPublic } from '../../contract/calls/common';
import type { ManifestFile } from '../../contract/calls/exchange';
import type { CoreApp } from '../app';
import { fail } from '../errors';
import { getSettings } from '../settings/settings';
import { canSeeSecondary } from '../efiles/access';
import { blobPath } from '../efiles/store';
import { exportRowsByCase } from '../ledger/excelImport/exportRows';
import { EXPORT_COLUMNS, writeLedgerWorkbook } from '../ledger/excelImport/exportWorkbook';
import { exchangeDeps } from './deps';
import { documentPath, extOf, ledgerPath, PathSet, reportPath, volumePath } from './naming';
import type { PackagePeriod } from './period';
import type { ZipInput } from './zipWrite';

/**
 * What goes into a package: a list of file sources (a path on disk or a buffer, plus what the file
 * is). Each producer — weekly report, ledger extract, bound volumes, documents — adds its sources
 * here; the writer streams them and the manifest describes them.
 */
export type Source = ZipInput & { meta: Omit<ManifestFile, 'path' | 'size' | 'sha256'>; size: number };
export type PackageRequest = { cases: string[]; includeVolumes: boolean; includeDocuments: boolean; includeSecondary: boolean };
export type Plan = { court: { code: string; name: string }; sources: Source[]; caseNos: string[]; secondaryCases: { id: number; caseNo: string }[]; scratch: string };

type CaseRef = { id: number; caseNo: string; handlerId: number | null };
const VOLUME_ORDER = { 正卷: 0, 副卷: 1 } as const;

/** Resolves the 案号 the user chose, refusing unknown ones and 副卷 the user may not include. */
export function resolveCases(app: CoreApp, user: UserPublic, req: PackageRequest): CaseRef[] {
  const out: CaseRef[] = [];
  for (const no of [...new Set(req.cases)]) {
    const c = app.sqlite.prepare('SELECT id, case_no AS caseNo, handler_id AS handlerId FROM cases WHERE case_no = ?').get(no) as CaseRef | undefined;
    if (!c) fail('NOT_FOUND', `「上报案件」没有案号为 ${no} 的案件`, 'cases');
    // 副卷: only the chief, an administrator or the case's own handler (efiles/access.ts, local practice per 法释〔2002〕39号 art. 5).
    if (req.includeSecondary && !canSeeSecondary(user, c!)) fail('FORBIDDEN', `「含副卷」您不是 ${no} 的承办人，也不是执行局长或管理员，不能导出其副卷`, 'includeSecondary');
    out.push(c!);
  }
  return out;
}

export async function planPackage(app: CoreApp, user: UserPublic, period: PackagePeriod, req: PackageRequest, cases: CaseRef[]): Promise<Plan> {
  const s = getSettings(app);
  const court = { code: s.courtCode, name: s.courtName };
  const scratch = path.join(app.dataDir, 'tmp', 'exchange', randomBytes(8).toString('hex'));
  fs.mkdirSync(scratch, { recursive: true });
  const paths = new PathSet();
  const sources: Source[] = [];
  const push = (name: string, data: ZipInput['data'], size: number, meta: Source['meta'], deflate = false) =>
    sources.push({ name: paths.claim(name), data, size, meta, deflate });

  try {
    // 1. The weekly report(s), DOCX / XLSX / PDF as REPORTS generates them.
    if (period.weeks.length) {
      const gen = exchangeDeps.weeklyReportFiles;
      if (!gen) fail('INVALID_STATE', '周报生成模块不可用，无法生成上报包');
      for (const week of period.weeks) {
        const r = await gen!(app, { week, userId: user.id });
        for (const f of r.files)
          push(reportPath(court.code, week, f.kind), { buffer: f.bytes }, f.bytes.length, { kind: 'report', format: f.kind, title: `${court.name}交叉执行工作周报（${week}）` });
      }
    }

    // 2. The ledger extract: XLSX for people, JSON (same columns) for the receiver's software.
    const ids = ledgerCaseIds(app, period, cases);
    const title = `${court.name}交叉执行台账（${period.label}）`;
    const xlsx = path.join(scratch, 'ledger.xlsx');
    await writeLedgerWorkbook(xlsx, title, exportRowsByCase(app, ids));
    push(ledgerPath(court.code, period.label, 'xlsx'), { file: xlsx }, fs.statSync(xlsx).size, { kind: 'ledger', format: 'xlsx', title });
    const json = Buffer.from(JSON.stringify(ledgerJson(app, court, period, title, ids), null, 1));
    push(ledgerPath(court.code, period.label, 'json'), { buffer: json }, json.length, { kind: 'ledger', format: 'json', title }, true);

    // 3. Selected cases: bound volumes and/or individual documents.
    const volumes: ('正卷' | '副卷')[] = req.includeSecondary ? ['正卷', '副卷'] : ['正卷'];
    for (const c of cases) {
      for (const volume of volumes) {
        const docs = caseDocuments(app, c.id, volume);
        if (!docs.length) continue;
        if (req.includeVolumes) {
          const bind = exchangeDeps.bindVolume;
          if (!bind) fail('INVALID_STATE', '卷宗装订模块不可用，请改选“逐份文件”');
          const out = path.join(scratch, `vol-${c.id}-${VOLUME_ORDER[volume]}.pdf`);
          await bind!(app, { caseId: c.id, volume, outPath: out, userId: user.id });
          push(volumePath(court.code, c.caseNo, volume), { file: out }, fs.statSync(out).size, { kind: 'volume', format: 'pdf', title: `${c.caseNo} ${volume}（装订）`, case: { caseNo: c.caseNo }, volume });
        }
        if (req.includeDocuments) {
          docs.forEach((d, i) => {
            const file = blobPath(app, d.sha256);
            if (!fs.existsSync(file)) fail('NOT_FOUND', `卷宗文件「${d.title}」（${c.caseNo}）的存储文件缺失，请先在电子卷宗中检查存储`);
            push(documentPath(court.code, c.caseNo, volume, i + 1, d.section, d.title, extOf(d.name)), { file }, d.size, {
              kind: 'document',
              format: extOf(d.name),
              title: d.title,
              case: { caseNo: c.caseNo },
              volume,
              ...(d.section ? { section: d.section } : {}),
              ...(d.docDate && /^\d{4}-\d{2}-\d{2}$/.test(d.docDate) ? { documentDate: d.docDate } : {}),
            });
          });
        }
      }
    }
  } catch (e) {
    fs.rmSync(scratch, { recursive: true, force: true });
    throw e;
  }
  return { court, sources, caseNos: cases.map((c) => c.caseNo), secondaryCases: req.includeSecondary ? cases : [], scratch };
}

/**
 * Cases in the ledger extract: every case with a cross-execution transfer that was on foot during
 * the period (created by its end, case not closed before its start), plus the selected cases.
 */
function ledgerCaseIds(app: CoreApp, period: PackagePeriod, cases: CaseRef[]): number[] {
  const rows = app.sqlite
    .prepare(
      `SELECT DISTINCT c.id FROM cases c JOIN transfers t ON t.case_id = c.id
       WHERE substr(t.created_at, 1, 10) <= ? AND (c.closed_on IS NULL OR c.closed_on >= ?) ORDER BY c.case_no`,
    )
    .all(period.to, period.from) as { id: number }[];
  const ids = rows.map((r) => r.id);
  for (const c of cases) if (!ids.includes(c.id)) ids.push(c.id);
  return ids;
}

function ledgerJson(app: CoreApp, court: { code: string; name: string }, period: PackagePeriod, title: string, ids: number[]) {
  const rows: Record<string, unknown>[] = [];
  let i = 0;
  for (const r of exportRowsByCase(app, ids)) {
    const o: Record<string, unknown> = {};
    for (const c of EXPORT_COLUMNS) {
      const v = c.value(r, i);
      o[c.header] = v instanceof Date ? v.toISOString().slice(0, 10) : v;
    }
    rows.push(o);
    i++;
  }
  return {
    format: 'xdesk.ledger-extract',
    version: 1,
    title,
    court,
    period: { kind: period.kind, ...(period.week ? { week: period.week } : {}), from: period.from, to: period.to },
    generatedAt: app.now().toISOString(),
    columns: EXPORT_COLUMNS.map((c) => c.header),
    rows,
  };
}

type DocLine = { id: number; title: string; name: string; size: number; sha256: string; section: string | null; docDate: string | null };
function caseDocuments(app: CoreApp, caseId: number, volume: string): DocLine[] {
  return app.sqlite
    .prepare(
      `SELECT d.id, d.title, d.name, d.size, d.sha256, s.name AS section, d.doc_date AS docDate
       FROM efile_documents d LEFT JOIN efile_sections s ON s.id = d.section_id
       WHERE d.case_id = ? AND d.volume = ? AND d.deleted_at IS NULL
       ORDER BY s.sort_order, d.sort_order, d.id`,
    )
    .all(caseId, volume) as DocLine[];
}

/** Documents per case (for the case picker). */
export function documentCount(app: CoreApp, caseId: number): number {
  return (app.sqlite.prepare(`SELECT COUNT(*) AS n FROM efile_documents WHERE case_id = ? AND deleted_at IS NULL`).get(caseId) as { n: number }).n;
}
