import type { Migration } from '../db/migrations';
import { SEED_SECTIONS } from './sections';

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * The e-file store (issue 5): the catalogue sections (editable per court) and the documents. A
 * document's bytes live in the content-addressed store under <data>/efiles/blobs (store.ts); the
 * row names them by SHA-256, so identical files are stored once. `deleted_at` is the recycle bin;
 * only an administrator purges a row for good.
 * `case_id` NULL = bureau records (局务: weekly reports).
 */
export const efilesMigrations: Migration[] = [
  {
    id: 'efiles/0001_store',
    sql: `
CREATE TABLE efile_sections (
  id TEXT PRIMARY KEY,
  volume TEXT NOT NULL CHECK (volume IN ('正卷','副卷','局务')),
  name TEXT NOT NULL,
  sort_order INTEGER NOT NULL,
  keywords TEXT NOT NULL DEFAULT '',
  active INTEGER NOT NULL DEFAULT 1,
  UNIQUE (volume, name)
);

CREATE TABLE efile_documents (
  id INTEGER PRIMARY KEY,
  case_id INTEGER REFERENCES cases(id),
  volume TEXT NOT NULL CHECK (volume IN ('正卷','副卷','局务')),
  section_id TEXT NOT NULL REFERENCES efile_sections(id),
  title TEXT NOT NULL,
  name TEXT NOT NULL,
  size INTEGER NOT NULL CHECK (size >= 0),
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  mime TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('pdf','image','docx','xlsx','ofd','other')),
  pages INTEGER,
  doc_date TEXT,
  sort_order INTEGER NOT NULL DEFAULT 0,
  source TEXT NOT NULL DEFAULT 'import' CHECK (source IN ('import','generated')),
  deleted_at TEXT,
  deleted_by INTEGER,
  created_at TEXT NOT NULL,
  created_by INTEGER,
  CHECK ((case_id IS NULL) = (volume = '局务'))
);
CREATE INDEX efile_documents_case ON efile_documents(case_id, volume, section_id, sort_order);
CREATE INDEX efile_documents_sha ON efile_documents(sha256);

${SEED_SECTIONS.map((s) => `INSERT INTO efile_sections (id, volume, name, sort_order, keywords) VALUES (${q(s.id)}, ${q(s.volume)}, ${q(s.name)}, ${s.order}, ${q(s.keywords.join(','))});`).join('\n')}
`,
  },
  {
    // The 卷内目录 lists each document's 文号 and 责任者 (法发〔2006〕11号 卷内目录 columns): kept with the document.
    id: 'efiles/0002_catalogue_doc_no_author',
    sql: `
ALTER TABLE efile_documents ADD COLUMN doc_no TEXT;
ALTER TABLE efile_documents ADD COLUMN author TEXT;
`,
  },
  {
    // 报请函/移送函 are internal requests between courts, not open to the parties: letters filed into the
    // 正卷 before issue 13 move to the 副卷 section 各类审批表、审批意见 (副卷-6), keeping their row, blob and
    // text; the approval record follows. Bound volumes exported before stay as they were written.
    id: 'efiles/0003_letters_to_secondary',
    sql: `
UPDATE efile_documents SET volume = '副卷', section_id = '副卷-6'
 WHERE volume = '正卷' AND source = 'generated' AND id IN (
   SELECT CAST(j.value AS INTEGER) FROM approval_documents a, json_each('[' || a.filed_ref || ']') j
    WHERE a.kind IN ('报请函', '移送函') AND a.filed_volume = '正卷' AND a.filed_ref IS NOT NULL AND a.filed_ref <> '');
UPDATE approval_documents SET filed_volume = '副卷' WHERE kind IN ('报请函', '移送函') AND filed_volume = '正卷';
`,
  },  {
    // Scans placed in the fallback section for want of text, re-catalogued once OCR reads them (autoCatalogue.ts).
    id: 'efiles/0200_auto_catalogue',
    sql: `
CREATE TABLE efile_auto_catalogue (
  document_id INTEGER PRIMARY KEY REFERENCES efile_documents(id) ON DELETE CASCADE
) WITHOUT ROWID;
`,
  },
];
