import type { Migration } from '../db/migrations';

/**
 * Ledger tables. History is append-only: transfer_events records every change of a transfer;
 * progress entries are never deleted, only voided; reports compute "as of" an instant from them.
 * Legal dates are 'YYYY-MM-DD' (China time); instants are ISO UTC; money is integer fen.
 */
export const ledgerMigrations: Migration[] = [
  {
    id: 'ledger/0001_courts_cases_transfers',
    sql: `
CREATE TABLE courts (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  level TEXT NOT NULL CHECK (level IN ('最高','高级','中级','基层','专门')),
  parent_code TEXT REFERENCES courts(code),
  active INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE cases (
  id INTEGER PRIMARY KEY,
  case_no TEXT NOT NULL UNIQUE,
  year INTEGER NOT NULL,
  court_code TEXT NOT NULL REFERENCES courts(code),
  type_code TEXT NOT NULL,
  seq INTEGER NOT NULL,
  cause TEXT,
  basis_title TEXT,
  basis_doc_no TEXT,
  application_received_on TEXT,
  property_found_on TEXT,
  filed_on TEXT,
  closed_on TEXT,
  closure_type TEXT CHECK (closure_type IN ('执行完毕','终结本次执行程序','终结执行','销案','不予执行','驳回申请')),
  amount_due_fen INTEGER CHECK (amount_due_fen IS NULL OR amount_due_fen >= 0),
  handler_id INTEGER REFERENCES users(id),
  note TEXT,
  source TEXT NOT NULL DEFAULT 'manual',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX cases_handler ON cases(handler_id);
CREATE INDEX cases_filed ON cases(filed_on);
CREATE INDEX cases_court ON cases(court_code, year, type_code, seq);

CREATE TABLE parties (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  side TEXT NOT NULL CHECK (side IN ('申请执行人','被执行人')),
  kind TEXT NOT NULL CHECK (kind IN ('自然人','法人或其他组织')),
  name TEXT NOT NULL,
  id_number TEXT,
  is_smb INTEGER NOT NULL DEFAULT 0,
  is_livelihood INTEGER NOT NULL DEFAULT 0,
  phone TEXT,
  address TEXT
);
CREATE INDEX parties_case ON parties(case_id);
CREATE INDEX parties_name ON parties(name);
CREATE INDEX parties_id_number ON parties(id_number);

CREATE TABLE transfers (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  mode TEXT NOT NULL CHECK (mode IN ('督促','指令','提级','集中','协同','委托','院内交叉')),
  direction TEXT NOT NULL CHECK (direction IN ('移出','移入','院内')),
  reasons TEXT NOT NULL DEFAULT '[]',
  reason_other TEXT,
  initiated_by TEXT CHECK (initiated_by IN ('依申请','依职权','上级交办')),
  deciding_court_code TEXT REFERENCES courts(code),
  decision_doc_type TEXT,
  decision_doc_no TEXT,
  decision_on TEXT,
  deadline_on TEXT,
  original_court_code TEXT REFERENCES courts(code),
  receiving_court_code TEXT REFERENCES courts(code),
  receiving_team TEXT,
  original_case_no TEXT,
  new_case_no TEXT,
  requested_on TEXT,
  handed_over_on TEXT,
  received_on TEXT,
  filed_on TEXT,
  closed_on TEXT,
  our_contact TEXT,
  our_phone TEXT,
  their_contact TEXT,
  their_phone TEXT,
  state TEXT NOT NULL,
  exit_reason TEXT,
  handler_id INTEGER REFERENCES users(id),
  created_by INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX transfers_case ON transfers(case_id);
CREATE INDEX transfers_state ON transfers(state);
CREATE INDEX transfers_mode ON transfers(mode, direction);

CREATE TABLE transfer_events (
  id INTEGER PRIMARY KEY,
  transfer_id INTEGER NOT NULL REFERENCES transfers(id),
  at TEXT NOT NULL,
  effective_on TEXT NOT NULL,
  user_id INTEGER,
  user_name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('created','state','edit','approval','note')),
  from_state TEXT,
  to_state TEXT,
  data TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX transfer_events_transfer ON transfer_events(transfer_id, id);
CREATE INDEX transfer_events_at ON transfer_events(at);

CREATE TABLE progress_entries (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  transfer_id INTEGER REFERENCES transfers(id),
  on_date TEXT NOT NULL,
  measures TEXT NOT NULL DEFAULT '[]',
  measure_other TEXT,
  amount_fen INTEGER NOT NULL DEFAULT 0 CHECK (amount_fen >= 0),
  substantive INTEGER NOT NULL DEFAULT 0,
  resolved INTEGER NOT NULL DEFAULT 0,
  text TEXT,
  recorded_at TEXT NOT NULL,
  recorded_by INTEGER REFERENCES users(id),
  voided_at TEXT,
  voided_by INTEGER REFERENCES users(id),
  void_reason TEXT
);
CREATE INDEX progress_case ON progress_entries(case_id, on_date);
CREATE INDEX progress_transfer ON progress_entries(transfer_id, on_date);
CREATE INDEX progress_date ON progress_entries(on_date);
CREATE INDEX progress_recorded ON progress_entries(recorded_at);

CREATE TABLE deductions (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  kind TEXT NOT NULL CHECK (kind IN ('公告','鉴定评估','管辖争议','执行协调','暂缓','中止')),
  start_on TEXT NOT NULL,
  end_on TEXT,
  note TEXT,
  created_at TEXT NOT NULL,
  created_by INTEGER REFERENCES users(id),
  CHECK (end_on IS NULL OR end_on >= start_on)
);
CREATE INDEX deductions_case ON deductions(case_id);

CREATE TABLE supervisions (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  transfer_id INTEGER REFERENCES transfers(id),
  kind TEXT NOT NULL CHECK (kind IN ('督办','一案双查')),
  status TEXT NOT NULL CHECK (status IN ('进行中','已办结')),
  raised_on TEXT NOT NULL,
  reason TEXT,
  result TEXT,
  result_on TEXT,
  created_by INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL
);
CREATE INDEX supervisions_case ON supervisions(case_id);

CREATE TABLE holidays (
  date TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  is_off_day INTEGER NOT NULL,
  source TEXT NOT NULL,
  imported_at TEXT NOT NULL
);

CREATE TABLE saved_views (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  name TEXT NOT NULL,
  filters TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (user_id, name)
);
`,
  },
  {
    // 案号 uniqueness on the number, not its spelling (issue 11 item 7): 执0170号 and 执170号 are one case
    // (法〔2015〕137号 第十条: numbers run from 1, a leading 0 is not part of them). case_no keeps what was
    // written (a legacy 第00123号 stays as printed on old documents); case_no_key drops the number's
    // leading zeros. It is a generated column, so every writer (forms, import, demo, fixtures) gets it
    // without knowing of it, and the SQL is the same rule as `key` in src/contract/caseNumber.ts.
    //
    // Old databases may already hold both spellings as two rows. The migration must not fail (the app
    // would not open) and must not merge or delete (each row may carry its own transfers, progress and
    // e-files): the later row of each pair is marked case_no_dup_of = the earlier row's id and left out
    // of the unique index. The case page shows the mark, and saving that case under a number that is
    // no longer taken clears it (src/core/ledger/caseNumber.ts). Until then nothing is lost and no new
    // duplicate can be added.
    id: 'ledger/0002_case_no_key',
    sql: `
ALTER TABLE cases ADD COLUMN case_no_key TEXT GENERATED ALWAYS AS (
  CASE WHEN substr(case_no, -1) = '号'
        AND length(case_no) - 1 > length(rtrim(substr(case_no, 1, length(case_no) - 1), '0123456789'))
       THEN rtrim(substr(case_no, 1, length(case_no) - 1), '0123456789')
            || CAST(CAST(substr(case_no, length(rtrim(substr(case_no, 1, length(case_no) - 1), '0123456789')) + 1,
                                length(case_no) - 1 - length(rtrim(substr(case_no, 1, length(case_no) - 1), '0123456789'))) AS INTEGER) AS TEXT)
            || '号'
       ELSE case_no END
) VIRTUAL;
ALTER TABLE cases ADD COLUMN case_no_dup_of INTEGER;
CREATE INDEX cases_case_no_key ON cases(case_no_key);
UPDATE cases SET case_no_dup_of = (SELECT min(o.id) FROM cases o WHERE o.case_no_key = cases.case_no_key AND o.id < cases.id)
 WHERE EXISTS (SELECT 1 FROM cases o WHERE o.case_no_key = cases.case_no_key AND o.id < cases.id);
CREATE UNIQUE INDEX cases_case_no_key_unique ON cases(case_no_key) WHERE case_no_dup_of IS NULL;
`,
  },
];
