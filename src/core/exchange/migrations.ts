import type { Migration } from '../db/migrations';

/** Upward packages: one row per export (append-only); revisions count exports of the same period. */
export const exchangeMigrations: Migration[] = [
  {
    id: 'exchange/0001_exports',
    sql: `
CREATE TABLE exchange_exports (
  id INTEGER PRIMARY KEY,
  package_id TEXT NOT NULL UNIQUE,
  period_kind TEXT NOT NULL CHECK (period_kind IN ('week','range')),
  week TEXT,
  from_on TEXT NOT NULL,
  to_on TEXT NOT NULL,
  revision INTEGER NOT NULL CHECK (revision >= 1),
  cases TEXT NOT NULL DEFAULT '[]',
  contents TEXT NOT NULL DEFAULT '{}',
  files INTEGER NOT NULL,
  includes_secondary INTEGER NOT NULL DEFAULT 0,
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  manifest_sha256 TEXT NOT NULL,
  key_id TEXT NOT NULL,
  file_name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by INTEGER,
  created_by_name TEXT NOT NULL
);
CREATE INDEX exchange_exports_period ON exchange_exports(period_kind, from_on, to_on);
`,
  },
];
