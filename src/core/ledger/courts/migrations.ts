import type { Migration } from '../../db/migrations';

/**
 * The court directory, seeded for 宜昌 (the configured court's area: settings courtCode 鄂0505).
 *
 * Why a migration and not seeding at init: the directory is reference data every ledger row points
 * to (cases.court_code REFERENCES courts), so it must exist before the first case, the CLI import
 * or the demo runs, whoever opens the database first; a migration runs exactly once, inside the
 * upgrade transaction, with a backup made beforehand, and is recorded in schema_migrations. Seeding
 * "at init" would have to guess on every start whether an admin deleted or renamed a court on
 * purpose. INSERT OR IGNORE keeps admins' own rows if they added the same code earlier.
 *
 * Codes (法〔2015〕137号 第四条、第五条 ✅): 高院 = province abbreviation; 中院 = + the 3rd–4th digits,
 * 基层 = + the 3rd–6th digits of the GB/T 2260 division code (domain brief §3.2).
 * 🟡 Every code below except the rule itself is DERIVED from GB/T 2260 (4205 宜昌市, 420502 西陵区 …
 * 420583 枝江市); the SPC's published list was not seen. Admins correct them in 设置 → 法院.
 */
const BASIC: [code: string, name: string][] = [
  ['鄂0502', '宜昌市西陵区人民法院'], // 🟡 420502
  ['鄂0503', '宜昌市伍家岗区人民法院'], // 🟡 420503
  ['鄂0504', '宜昌市点军区人民法院'], // 🟡 420504
  ['鄂0505', '宜昌市猇亭区人民法院'], // 🟡 420505 (domain brief §3.2: division code ✅, court code derived)
  ['鄂0506', '宜昌市夷陵区人民法院'], // 🟡 420506
  ['鄂0525', '远安县人民法院'], // 🟡 420525
  ['鄂0526', '兴山县人民法院'], // 🟡 420526
  ['鄂0527', '秭归县人民法院'], // 🟡 420527
  ['鄂0528', '长阳土家族自治县人民法院'], // 🟡 420528
  ['鄂0529', '五峰土家族自治县人民法院'], // 🟡 420529
  ['鄂0581', '宜都市人民法院'], // 🟡 420581
  ['鄂0582', '当阳市人民法院'], // 🟡 420582
  ['鄂0583', '枝江市人民法院'], // 🟡 420583
];

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

export const courtMigrations: Migration[] = [
  {
    id: 'ledger-courts/0001_yichang_seed',
    sql: [
      `INSERT OR IGNORE INTO courts (code, name, level, parent_code) VALUES ('鄂', '湖北省高级人民法院', '高级', NULL);`,
      `INSERT OR IGNORE INTO courts (code, name, level, parent_code) VALUES ('鄂05', '湖北省宜昌市中级人民法院', '中级', '鄂');`, // 🟡 4205
      ...BASIC.map(([code, name]) => `INSERT OR IGNORE INTO courts (code, name, level, parent_code) VALUES (${q(code)}, ${q(name)}, '基层', '鄂05');`),
    ].join('\n'),
  },
  {
    // Ledger-table indexes (LEDGER-DATA's list; test/bench/ledgerTable.bench.ts measures them on 100k cases / 1M progress entries):
    // the page's 到位金额 sums progress per case from the index alone, and a handler's cases come out already in 案号 order.
    id: 'ledger-courts/0002_ledger_table_indexes',
    sql: `
CREATE INDEX IF NOT EXISTS progress_case_amount ON progress_entries(case_id, voided_at, amount_fen);
CREATE INDEX IF NOT EXISTS cases_handler_caseno ON cases(handler_id, court_code, year, type_code, seq);
CREATE INDEX IF NOT EXISTS transfers_case_latest ON transfers(case_id, id, mode, state, direction);
`,
  },
  {
    // The ledger table shows, filters and sorts every case by its latest transfer (the highest id). Finding
    // that per case with a MAX() sub-query made sorting 100k cases by state cost ~50 ms, so each case keeps
    // its latest transfer's id, state and mode, kept in step by triggers in the same statement as the
    // change — every writer (forms, Excel import, approvals, demo) stays consistent without knowing of it.
    // Read only by raw SQL in src/core/ledger/tableView/query.ts; not part of the drizzle model.
    id: 'ledger-courts/0003_latest_transfer',
    sql: `
ALTER TABLE cases ADD COLUMN latest_transfer_id INTEGER;
ALTER TABLE cases ADD COLUMN latest_state TEXT;
ALTER TABLE cases ADD COLUMN latest_mode TEXT;
UPDATE cases SET (latest_transfer_id, latest_state, latest_mode) =
  (SELECT id, state, mode FROM transfers t WHERE t.case_id = cases.id ORDER BY id DESC LIMIT 1)
  WHERE id IN (SELECT case_id FROM transfers);
CREATE INDEX cases_latest_transfer ON cases(latest_transfer_id);
CREATE INDEX cases_latest_state ON cases(latest_state, id);
CREATE INDEX cases_latest_mode ON cases(latest_mode, id);
CREATE INDEX IF NOT EXISTS transfers_handler ON transfers(handler_id, case_id);
CREATE TRIGGER transfers_latest_insert AFTER INSERT ON transfers BEGIN
  UPDATE cases SET latest_transfer_id = NEW.id, latest_state = NEW.state, latest_mode = NEW.mode
   WHERE id = NEW.case_id AND (latest_transfer_id IS NULL OR latest_transfer_id < NEW.id);
END;
CREATE TRIGGER transfers_latest_update AFTER UPDATE OF state, mode ON transfers BEGIN
  UPDATE cases SET latest_state = NEW.state, latest_mode = NEW.mode WHERE id = NEW.case_id AND latest_transfer_id = NEW.id;
END;
CREATE TRIGGER transfers_latest_move AFTER UPDATE OF case_id ON transfers WHEN OLD.case_id <> NEW.case_id BEGIN
  UPDATE cases SET (latest_transfer_id, latest_state, latest_mode) =
    (SELECT id, state, mode FROM transfers t WHERE t.case_id = cases.id ORDER BY id DESC LIMIT 1)
   WHERE id IN (OLD.case_id, NEW.case_id);
END;
CREATE TRIGGER transfers_latest_delete AFTER DELETE ON transfers BEGIN
  UPDATE cases SET (latest_transfer_id, latest_state, latest_mode) =
    (SELECT id, state, mode FROM transfers t WHERE t.case_id = cases.id ORDER BY id DESC LIMIT 1)
   WHERE id = OLD.case_id;
END;
`,
  },
  {
    // Pre-2016 案号 name the court by a Chinese abbreviation (（2015）鄂猇亭执字第00123号), which was local
    // practice, not a published list (domain brief §3.1: the old form is legacy only). A legacy number
    // is accepted when its abbreviation is registered here for a court of the directory; admins add
    // more in 设置 → 法院. ❓ The seeds are the usual Hubei pattern 鄂 + place name and the 宜猇 form
    // seen on 猇亭 files; none is verified against an SPC list (there was none before 2016).
    id: 'ledger-courts/0004_legacy_names',
    sql: [
      `CREATE TABLE court_legacy_names (name TEXT PRIMARY KEY, court_code TEXT NOT NULL REFERENCES courts(code));`,
      `CREATE INDEX court_legacy_names_court ON court_legacy_names(court_code);`,
      ...[
        ['鄂宜昌中', '鄂05'],
        ...BASIC.map(([code, name]) => ['鄂' + name.replace(/^宜昌市/, '').replace(/(土家族自治县|区|县|市)人民法院$/, ''), code] as const),
        ['宜猇', '鄂0505'],
      ].map(([n, code]) => `INSERT OR IGNORE INTO court_legacy_names (name, court_code) SELECT ${q(n)}, code FROM courts WHERE code = ${q(code)};`),
    ].join('\n'),
  },
];
