import type { CoreApp } from '../app';
import type { PackagePeriod } from './period';

/** Every export is recorded; exporting the same period again is its next revision. */
export function nextRevision(app: CoreApp, period: PackagePeriod): number {
  const r = app.sqlite
    .prepare('SELECT COALESCE(MAX(revision), 0) AS n FROM exchange_exports WHERE period_kind = ? AND from_on = ? AND to_on = ?')
    .get(period.kind, period.from, period.to) as { n: number };
  return r.n + 1;
}

export type ExportRecord = {
  packageId: string;
  period: PackagePeriod;
  revision: number;
  cases: string[];
  contents: Record<string, number>;
  files: number;
  includesSecondary: boolean;
  size: number;
  sha256: string;
  manifestSha256: string;
  keyId: string;
  fileName: string;
  createdBy: { id: number; name: string };
};

export function recordExport(app: CoreApp, r: ExportRecord): number {
  const info = app.sqlite
    .prepare(
      `INSERT INTO exchange_exports (package_id, period_kind, week, from_on, to_on, revision, cases, contents, files, includes_secondary, size, sha256, manifest_sha256, key_id, file_name, created_at, created_by, created_by_name)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      r.packageId, r.period.kind, r.period.week ?? null, r.period.from, r.period.to, r.revision, JSON.stringify(r.cases), JSON.stringify(r.contents),
      r.files, r.includesSecondary ? 1 : 0, r.size, r.sha256, r.manifestSha256, r.keyId, r.fileName, app.now().toISOString(), r.createdBy.id > 0 ? r.createdBy.id : null, r.createdBy.name,
    );
  return Number(info.lastInsertRowid);
}

export function listExports(app: CoreApp) {
  const rows = app.sqlite
    .prepare(`SELECT * FROM exchange_exports ORDER BY id DESC LIMIT 500`)
    .all() as { id: number; period_kind: string; week: string | null; from_on: string; to_on: string; revision: number; cases: string; files: number; includes_secondary: number; size: number; sha256: string; key_id: string; file_name: string; created_at: string; created_by_name: string }[];
  return rows.map((r) => ({
    id: r.id,
    periodLabel: r.week ?? `${r.from_on} 至 ${r.to_on}`,
    from: r.from_on,
    to: r.to_on,
    week: r.week,
    revision: r.revision,
    files: r.files,
    cases: JSON.parse(r.cases) as string[],
    includesSecondary: r.includes_secondary === 1,
    size: r.size,
    sha256: r.sha256,
    keyId: r.key_id,
    fileName: r.file_name,
    createdAt: r.created_at,
    createdBy: r.created_by_name,
  }));
}
