import type { Migration } from '../db/migrations';

/**
 * Generated weekly reports. Each generation is kept (never overwritten) with the figures it was
 * made from and the three files, so the history shows who generated what and when, with checksums.
 * Once a version is marked 已报送 it is frozen; later generations for the same week are revisions.
 * The progress_entries columns the as-of computation needs (recorded_at, voided_at) already exist
 * in the ledger's own migration.
 */
export const reportMigrations: Migration[] = [
  {
    id: 'reports/0001_weekly_reports',
    sql: `
CREATE TABLE weekly_reports (
  id INTEGER PRIMARY KEY,
  week TEXT NOT NULL,
  version INTEGER NOT NULL,
  status TEXT NOT NULL DEFAULT '已生成' CHECK (status IN ('已生成','已报送')),
  revision INTEGER NOT NULL DEFAULT 0,
  start_on TEXT NOT NULL,
  end_on TEXT NOT NULL,
  cutoff_at TEXT NOT NULL,
  figures TEXT NOT NULL,
  figures_sha256 TEXT NOT NULL,
  generated_at TEXT NOT NULL,
  generated_by INTEGER REFERENCES users(id),
  generated_by_name TEXT NOT NULL,
  submitted_at TEXT,
  submitted_by INTEGER REFERENCES users(id),
  submitted_by_name TEXT,
  efile_document_ids TEXT,
  UNIQUE (week, version)
);
CREATE INDEX weekly_reports_week ON weekly_reports(week, status);

CREATE TABLE weekly_report_files (
  report_id INTEGER NOT NULL REFERENCES weekly_reports(id),
  kind TEXT NOT NULL CHECK (kind IN ('docx','xlsx','pdf')),
  file_name TEXT NOT NULL,
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  bytes BLOB NOT NULL,
  PRIMARY KEY (report_id, kind)
);

-- A submitted version is frozen: its files and figures can never change.
CREATE TRIGGER weekly_reports_frozen BEFORE UPDATE OF figures, figures_sha256, week, version ON weekly_reports
WHEN OLD.status = '已报送'
BEGIN SELECT RAISE(ABORT, '已报送的周报不能修改'); END;
CREATE TRIGGER weekly_report_files_frozen BEFORE UPDATE ON weekly_report_files
BEGIN SELECT RAISE(ABORT, '周报文件不能修改'); END;
CREATE TRIGGER weekly_report_files_keep BEFORE DELETE ON weekly_report_files
BEGIN SELECT RAISE(ABORT, '周报文件不能删除'); END;
`,
  },
  {
    // Correction lines look for entries voided within a reporting window; without this index that
    // is a scan of every progress entry. Partial: only voided entries (few) are indexed.
    id: 'reports/0002_progress_voided_index',
    sql: `CREATE INDEX IF NOT EXISTS reports_progress_voided ON progress_entries(voided_at) WHERE voided_at IS NOT NULL;`,
  },
  {
    // A case's closure type as it stood at any instant (issue 6: a past week's report must not move
    // when a closure type is corrected later). cases.closure_type keeps only the current value, so
    // every change is appended here by triggers, stamped with the row's updated_at (the app's clock,
    // which tests can set; SQLite's own 'now' would not follow it). Existing values are carried over
    // with their updated_at, the best date known for them.
    id: 'reports/0003_case_closure_history',
    sql: `
CREATE TABLE case_closure_history (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  closure_type TEXT,
  at TEXT NOT NULL
);
CREATE INDEX case_closure_history_case ON case_closure_history(case_id, at);
INSERT INTO case_closure_history (case_id, closure_type, at) SELECT id, closure_type, updated_at FROM cases WHERE closure_type IS NOT NULL;
CREATE TRIGGER cases_closure_insert AFTER INSERT ON cases WHEN NEW.closure_type IS NOT NULL BEGIN
  INSERT INTO case_closure_history (case_id, closure_type, at) VALUES (NEW.id, NEW.closure_type, NEW.updated_at);
END;
CREATE TRIGGER cases_closure_update AFTER UPDATE OF closure_type ON cases WHEN NEW.closure_type IS NOT OLD.closure_type BEGIN
  INSERT INTO case_closure_history (case_id, closure_type, at) VALUES (NEW.id, NEW.closure_type, NEW.updated_at);
END;
`,
  },
  {
    // The weekly figures read every entry of the cross-execution cases up to the week's end with
    // its as-of test (recorded_at, voided_at) and its money and flags: with all of them in one index
    // the pass never touches the wide table rows (178 → 120 ms on 200k entries in the sqlite3 shell).
    // It starts with (case_id, on_date), so it also serves everything progress_case did.
    id: 'reports/0004_progress_as_of_index',
    sql: `
CREATE INDEX progress_as_of ON progress_entries(case_id, on_date, recorded_at, voided_at, amount_fen, substantive, resolved);
DROP INDEX IF EXISTS progress_case;
`,
  },
  {
    // A case's 案号 as it stood at any instant (issue 11 item 8): a case renumbered after a week was
    // reported must keep the number that week showed, and the next report says it was renumbered.
    // cases.case_no keeps only the current number, so every change is appended here by triggers,
    // stamped with the row's updated_at (the app's clock, as case_closure_history). Existing cases are
    // carried over with their created_at: the earliest instant the ledger knew them.
    id: 'reports/0005_case_no_history',
    sql: `
CREATE TABLE case_no_history (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  case_no TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX case_no_history_case ON case_no_history(case_id, at);
CREATE INDEX case_no_history_at ON case_no_history(at);
INSERT INTO case_no_history (case_id, case_no, at) SELECT id, case_no, created_at FROM cases;
CREATE TRIGGER cases_case_no_insert AFTER INSERT ON cases BEGIN
  INSERT INTO case_no_history (case_id, case_no, at) VALUES (NEW.id, NEW.case_no, NEW.created_at);
END;
CREATE TRIGGER cases_case_no_update AFTER UPDATE OF case_no ON cases WHEN NEW.case_no IS NOT OLD.case_no BEGIN
  INSERT INTO case_no_history (case_id, case_no, at) VALUES (NEW.id, NEW.case_no, NEW.updated_at);
END;
`,
  },
];
