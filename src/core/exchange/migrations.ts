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
  {
    // Other courts' public keys pinned by this installation (the 中院 pins each basic court's key).
    // A removal keeps the row (who, when, why) so the trust history stays explainable.
    id: 'exchange/0002_pinned_keys',
    sql: `
CREATE TABLE exchange_pinned_keys (
  id INTEGER PRIMARY KEY,
  key_id TEXT NOT NULL CHECK (length(key_id) = 16),
  fingerprint TEXT NOT NULL CHECK (length(fingerprint) = 64),
  public_key_pem TEXT NOT NULL,
  court_code TEXT NOT NULL,
  court_name TEXT NOT NULL,
  pinned_at TEXT NOT NULL,
  pinned_by INTEGER,
  pinned_by_name TEXT NOT NULL,
  removed_at TEXT,
  removed_by_name TEXT,
  remove_reason TEXT,
  CHECK ((removed_at IS NULL) = (removed_by_name IS NULL))
);
CREATE UNIQUE INDEX exchange_pinned_keys_active ON exchange_pinned_keys(key_id) WHERE removed_at IS NULL;
`,
  },
];
