import type { Migration } from '../db/migrations';

/**
 * Approval of transfers by the chief of enforcement (执行局长) and in-app notifications.
 *
 * A request is one version of a 报请/移送 proposal covering one or more cases (集中执行: several).
 * A decided version is immutable; re-submitting makes a new row with the same root_id and
 * version + 1, so the history of every version stays readable. Decisions are append-only.
 */
export const approvalMigrations: Migration[] = [
  {
    id: 'approvals/0001_requests_decisions_notifications',
    sql: `
CREATE TABLE approval_requests (
  id INTEGER PRIMARY KEY,
  root_id INTEGER NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  supersedes_id INTEGER REFERENCES approval_requests(id),
  state TEXT NOT NULL CHECK (state IN ('草稿','待审批','待院领导审批','已同意','已退回','不同意','已撤回')),
  mode TEXT NOT NULL CHECK (mode IN ('督促','指令','提级','集中','协同','委托','院内交叉')),
  reasons TEXT NOT NULL DEFAULT '[]',
  reason_other TEXT,
  receiving_court_code TEXT REFERENCES courts(code),
  receiving_team TEXT,
  proposal TEXT NOT NULL DEFAULT '',
  summary_process TEXT NOT NULL DEFAULT '',
  summary_property TEXT NOT NULL DEFAULT '',
  summary_grounds TEXT NOT NULL DEFAULT '',
  needs_second_level INTEGER NOT NULL DEFAULT 0,
  requester_id INTEGER NOT NULL REFERENCES users(id),
  requester_name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  submitted_at TEXT,
  decided_at TEXT,
  withdrawn_at TEXT,
  withdraw_reason TEXT,
  UNIQUE (root_id, version)
);
CREATE INDEX approval_requests_state ON approval_requests(state);
CREATE INDEX approval_requests_requester ON approval_requests(requester_id);
CREATE INDEX approval_requests_decided ON approval_requests(decided_at);

CREATE TABLE approval_request_cases (
  request_id INTEGER NOT NULL REFERENCES approval_requests(id),
  position INTEGER NOT NULL,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  transfer_id INTEGER NOT NULL REFERENCES transfers(id),
  PRIMARY KEY (request_id, position),
  UNIQUE (request_id, case_id)
);
CREATE INDEX approval_request_cases_transfer ON approval_request_cases(transfer_id);
CREATE INDEX approval_request_cases_case ON approval_request_cases(case_id);

CREATE TABLE approval_decisions (
  id INTEGER PRIMARY KEY,
  request_id INTEGER NOT NULL REFERENCES approval_requests(id),
  level INTEGER NOT NULL CHECK (level IN (1, 2)),
  outcome TEXT NOT NULL CHECK (outcome IN ('同意','退回补充','不同意')),
  opinion TEXT NOT NULL,
  decider_id INTEGER NOT NULL REFERENCES users(id),
  decider_name TEXT NOT NULL,
  decider_title TEXT NOT NULL,
  decided_at TEXT NOT NULL,
  decided_on TEXT NOT NULL
);
CREATE INDEX approval_decisions_request ON approval_decisions(request_id, id);
CREATE INDEX approval_decisions_at ON approval_decisions(decided_at);

CREATE TABLE approval_attachments (
  id INTEGER PRIMARY KEY,
  request_id INTEGER NOT NULL REFERENCES approval_requests(id),
  kind TEXT NOT NULL CHECK (kind IN ('efile','upload')),
  efile_document_id INTEGER,
  name TEXT NOT NULL,
  stored_path TEXT,
  size INTEGER NOT NULL DEFAULT 0,
  sha256 TEXT,
  mime TEXT,
  added_by INTEGER REFERENCES users(id),
  added_at TEXT NOT NULL,
  removed_at TEXT
);
CREATE INDEX approval_attachments_request ON approval_attachments(request_id);

CREATE TABLE approval_documents (
  id INTEGER PRIMARY KEY,
  request_id INTEGER NOT NULL REFERENCES approval_requests(id),
  transfer_id INTEGER REFERENCES transfers(id),
  kind TEXT NOT NULL CHECK (kind IN ('审批表','报请函','移送函')),
  format TEXT NOT NULL CHECK (format IN ('pdf','docx')),
  doc_no TEXT,
  file_name TEXT NOT NULL,
  stored_path TEXT NOT NULL,
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  generated_at TEXT NOT NULL,
  generated_by INTEGER REFERENCES users(id),
  filed_volume TEXT,
  filed_ref TEXT
);
CREATE INDEX approval_documents_request ON approval_documents(request_id, id);

-- Letter numbers (报请函/移送函) run per year; the prefix is a local setting.
CREATE TABLE approval_letter_numbers (
  year INTEGER PRIMARY KEY,
  last_seq INTEGER NOT NULL
);

CREATE TABLE notifications (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  kind TEXT NOT NULL CHECK (kind IN ('新请求','审批结果','退回','撤回','期限提醒')),
  title TEXT NOT NULL,
  body TEXT NOT NULL DEFAULT '',
  link TEXT,
  record_type TEXT,
  record_id TEXT,
  created_at TEXT NOT NULL,
  read_at TEXT,
  dedupe_key TEXT UNIQUE
);
CREATE INDEX notifications_user ON notifications(user_id, read_at, id);
`,
  },
  {
    // The six-month clock and the grounds that held when a version was submitted (issue 11 §9),
    // so the decision and the 报请函 rest on what the ledger said then (approvals/legal.ts).
    id: 'approvals/0002_case_legal_snapshot',
    sql: `ALTER TABLE approval_request_cases ADD COLUMN legal_json TEXT;`,
  },
];
