import type { AuditRecordType } from '../../../contract/auditNames';
import type { CoreApp } from '../../app';
import { createDownload, XLSX_MIME, type Download } from '../../files/downloads';
import { discardStaged, readStaged } from '../../files/uploads';
import { analyseWorkbook, type WorkbookAnalysis } from './analyseWorkbook';
import type { AnalysedRow } from './candidate';
import { FIELD_BY_KEY } from './headers';
import { rejectedReport } from './report';
import { writeImport, type ImportWriter } from './writer';
import { synonymKey } from './synonyms';
import type { SynonymKind } from '../../../contract/calls/ledgerExcel';

/**
 * The import as the contract offers it: preview (check every row, write nothing) and commit
 * (write the good rows in one transaction, hand back a report of the others). Both read the file
 * staged under an upload id (src/core/files/uploads.ts), whichever host it came from.
 */
export const MAX_IMPORT_BYTES = 30 * 1024 * 1024;

type User = { id: number; displayName: string };
export type ImportPreview = ReturnType<typeof previewOf>;

export async function previewImport(app: CoreApp, user: User, input: { uploadId: string; sheet?: string }) {
  const { meta, bytes } = readStaged(app, user, input.uploadId, MAX_IMPORT_BYTES);
  const a = await analyseWorkbook(app, bytes, { sheet: input.sheet });
  return previewOf(meta, a);
}

function previewOf(file: { name: string; size: number; sha256: string }, a: WorkbookAnalysis) {
  return {
    file: { name: file.name, size: file.size, sha256: file.sha256 },
    sheets: a.sheets,
    sheet: a.sheet,
    headerRows: a.layout.headerRows,
    columns: a.layout.columns.map((c) => ({ letter: c.letter, header: c.header, field: c.field, label: FIELD_BY_KEY[c.field].label, unit: c.unit })),
    unknownHeaders: a.layout.unknownHeaders,
    duplicateHeaders: a.layout.duplicateHeaders.map((d) => ({ ...d, label: FIELD_BY_KEY[d.field].label })),
    counts: countsOf(a.rows),
    rows: a.rows.map((r) => ({ rows: r.rows, caseNo: r.caseNo, status: r.status, problems: r.problems, summary: r.summary })),
    unknownValues: unknownValuesOf(a.rows),
  };
}

/** Each word the vocabularies did not know, once, with the number of rows it refused. */
function unknownValuesOf(rows: AnalysedRow[]) {
  const seen = new Map<string, { kind: SynonymKind; value: string; rows: number }>();
  for (const r of rows) {
    for (const p of r.problems) {
      if (!p.unknown) continue;
      const key = `${p.unknown.kind}\u0000${synonymKey(p.unknown.value)}`;
      const hit = seen.get(key) ?? { kind: p.unknown.kind, value: p.unknown.value, rows: 0 };
      hit.rows++;
      seen.set(key, hit);
    }
  }
  return [...seen.values()].sort((a, b) => b.rows - a.rows);
}

/**
 * The preview is over (closed, cancelled, another file chosen, or the CLI's dry run done): the
 * staged copy of the workbook — names, phone and ID numbers — is removed now rather than left in
 * the uploads folder for the day-long sweep.
 */
export function discardImport(app: CoreApp, user: User, input: { uploadId: string }): { done: true } {
  discardStaged(app, user, input.uploadId);
  return { done: true };
}

export function countsOf(rows: AnalysedRow[]) {
  const n = (s: string) => rows.filter((r) => r.status === s).length;
  return { total: rows.length, ok: n('ok'), warning: n('warning'), error: n('error'), duplicate: n('duplicate') };
}

export type ImportOutcome = {
  importId: number;
  imported: number;
  duplicates: number;
  rejected: number;
  /** 一案双查 raised automatically by imported substantive progress (see writer.ts). */
  doubleChecks: number;
  report: Download | null;
};

/**
 * Analyses again (the ledger may have changed since the preview) and writes inside `commit`, the
 * dispatcher's transaction-with-audit. The report of rejected rows is created after the write.
 */
export async function commitImport(
  app: CoreApp,
  user: User,
  input: { uploadId: string; sheet?: string },
  commit: (fn: () => ImportWriter, note: { recordType: AuditRecordType; summary: string }) => ImportWriter,
): Promise<ImportOutcome> {
  const { meta, bytes } = readStaged(app, user, input.uploadId, MAX_IMPORT_BYTES);
  const a = await analyseWorkbook(app, bytes, { sheet: input.sheet });
  const counts = countsOf(a.rows);
  const summary = `导入台账「${meta.name}」：新增 ${counts.ok + counts.warning} 件，跳过重复 ${counts.duplicate} 件，未导入 ${counts.error} 行`;
  const written = commit(() => writeImport(app, user, { name: meta.name, sha256: meta.sha256, sheet: a.sheet }, a.rows), {
    recordType: 'ledgerImport',
    summary,
  });
  const bytesOut = await rejectedReport(a.grid, a.layout, a.rows, `「${meta.name}」未导入的行（${counts.error + counts.duplicate} 件）— 修改后可直接再次导入`);
  const base = meta.name.replace(/\.xlsx$/i, '');
  const report = bytesOut ? createDownload(app, user, { name: `${base}-未导入的行.xlsx`, bytes: bytesOut, mime: XLSX_MIME }) : null;
  // Written and reported: the staged copy of the workbook has served its purpose.
  discardStaged(app, user, input.uploadId);
  return { importId: written.importId, imported: written.imported, duplicates: counts.duplicate, rejected: counts.error, doubleChecks: written.doubleChecks, report };
}

export function importHistory(app: CoreApp, limit = 50) {
  return app.sqlite
    .prepare(
      `SELECT id, at, user_name AS userName, file_name AS fileName, sheet, rows_total AS rowsTotal, imported, duplicates, rejected
       FROM ledger_imports ORDER BY id DESC LIMIT ?`,
    )
    .all(limit) as { id: number; at: string; userName: string; fileName: string; sheet: string; rowsTotal: number; imported: number; duplicates: number; rejected: number }[];
}
