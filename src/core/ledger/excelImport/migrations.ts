import type { Migration } from '../../db/migrations';

/**
 * What the Excel import remembers: each import (file, who, counts) and, per imported row, the
 * normalised 案号 and a hash of its content — so importing the same file again adds nothing.
 */
export const ledgerImportMigrations: Migration[] = [
  {
    id: 'ledgerImport/0001_imports',
    sql: `
CREATE TABLE ledger_imports (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  user_id INTEGER,
  user_name TEXT NOT NULL,
  file_name TEXT NOT NULL,
  file_sha256 TEXT NOT NULL,
  sheet TEXT NOT NULL,
  rows_total INTEGER NOT NULL,
  imported INTEGER NOT NULL,
  duplicates INTEGER NOT NULL,
  rejected INTEGER NOT NULL
);
CREATE TABLE ledger_import_rows (
  case_no TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  import_id INTEGER NOT NULL REFERENCES ledger_imports(id),
  case_id INTEGER NOT NULL REFERENCES cases(id),
  row_number INTEGER NOT NULL,
  PRIMARY KEY (case_no, content_hash)
) WITHOUT ROWID;
CREATE INDEX ledger_import_rows_case ON ledger_import_rows(case_id);
`,
  },
  // Words for the vocabularies added by an administrator (synonyms.ts): a local setting kept in the database.
  {
    id: 'ledgerImport/0002_synonyms',
    sql: `
CREATE TABLE ledger_import_synonyms (
  kind TEXT NOT NULL CHECK (kind IN ('mode', 'direction', 'state', 'closure')),
  phrase TEXT NOT NULL CHECK (length(phrase) BETWEEN 1 AND 50),
  value TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  PRIMARY KEY (kind, phrase)
) WITHOUT ROWID;
`,
  },
];
