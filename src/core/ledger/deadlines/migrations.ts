import type { Migration } from '../../db/migrations';

/**
 * Deadlines and discovery: case-money payouts (so the payout reminder of the Hubei 5-day rule can
 * be cleared) and the indexes that keep reminders and discovery for the whole ledger under a second.
 */
export const ledgerDeadlineMigrations: Migration[] = [
  {
    id: 'ledger-deadlines/0001_payouts_indexes',
    sql: `
CREATE TABLE ledger_payouts (
  id INTEGER PRIMARY KEY,
  progress_id INTEGER NOT NULL UNIQUE REFERENCES progress_entries(id),
  case_id INTEGER NOT NULL REFERENCES cases(id),
  paid_on TEXT NOT NULL,
  note TEXT,
  created_at TEXT NOT NULL,
  created_by INTEGER REFERENCES users(id)
);
CREATE INDEX ledger_payouts_case ON ledger_payouts(case_id);
-- Money arrivals still to be paid out: a small partial index instead of scanning a million entries.
CREATE INDEX progress_money ON progress_entries(on_date) WHERE amount_fen > 0 AND voided_at IS NULL;
-- "Resolved" and "substantive" look-ups per case (discovery, 一案双查).
CREATE INDEX progress_resolved ON progress_entries(case_id) WHERE resolved = 1 AND voided_at IS NULL;
CREATE INDEX progress_substantive ON progress_entries(case_id, on_date) WHERE substantive = 1 AND voided_at IS NULL;
CREATE INDEX parties_debtor ON parties(side, id_number, name);
CREATE INDEX supervisions_transfer ON supervisions(transfer_id, kind);
`,
  },
  {
    // 终本 cases (about one in seven): the 三个月 gate reminder and the 终本清仓 discovery read only
    // these, and scanned all 100k cases to find them.
    id: 'ledger-deadlines/0002_zhongben_cases',
    sql: `CREATE INDEX cases_zhongben ON cases(filed_on) WHERE closure_type = '终结本次执行程序';`,
  },
  {
    // 民诉法解释（2022）第五百一十七条: a 终本 rests on the applicant's signed confirmation or on panel review
    // plus the president's approval; which one is recorded with the case (issue 11 §5).
    id: 'ledger-deadlines/0003_zhongben_basis',
    sql: `ALTER TABLE cases ADD COLUMN zhongben_basis TEXT CHECK (zhongben_basis IS NULL OR zhongben_basis IN ('申请执行人签字确认', '合议庭评议并经院长批准'));`,
  },
];
