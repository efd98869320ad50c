import type { EfileDocument, EfileSection } from '../../contract/calls/efiles';
import type { CoreApp } from '../app';
import { fail } from '../errors';

/** Rows of `efile_documents` and `efile_sections`, mapped to the contract's shapes. */
export type DocRow = {
  id: number;
  case_id: number | null;
  volume: '正卷' | '副卷' | '局务';
  section_id: string;
  title: string;
  name: string;
  size: number;
  sha256: string;
  mime: string;
  kind: EfileDocument['kind'];
  pages: number | null;
  doc_date: string | null;
  sort_order: number;
  source: 'import' | 'generated';
  deleted_at: string | null;
  created_at: string;
  created_by: number | null;
};

function hasTable(app: CoreApp, name: string): boolean {
  return !!app.sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type IN ('table','view') AND name = ?").get(name);
}

/**
 * Text-recognition status per document, from EFILES-SEARCH's view `efile_text_status(document_id,
 * status)` when it is installed (read by name so the store works without the search module).
 */
export function textStatus(app: CoreApp, ids: number[]): Map<number, string> {
  const out = new Map<number, string>();
  if (!ids.length || !hasTable(app, 'efile_text_status')) return out;
  const rows = app.sqlite
    .prepare(`SELECT document_id AS id, status FROM efile_text_status WHERE document_id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ids)) as { id: number; status: string }[];
  for (const r of rows) out.set(r.id, r.status);
  return out;
}

export function toDoc(r: DocRow, ocr: string | null = null): EfileDocument {
  return {
    id: r.id,
    caseId: r.case_id,
    volume: r.volume,
    sectionId: r.section_id,
    title: r.title,
    fileName: r.name,
    docDate: r.doc_date,
    pages: r.pages,
    order: r.sort_order,
    kind: r.kind,
    mime: r.mime,
    size: r.size,
    sha256: r.sha256,
    ocr: ocr ?? (r.kind === 'pdf' || r.kind === 'image' ? null : 'none'),
    source: r.source,
    createdAt: r.created_at,
    deletedAt: r.deleted_at,
  };
}

export function withStatus(app: CoreApp, rows: DocRow[]): EfileDocument[] {
  const st = textStatus(app, rows.map((r) => r.id));
  return rows.map((r) => toDoc(r, st.get(r.id) ?? null));
}

export function docRow(app: CoreApp, id: number): DocRow {
  const r = app.sqlite.prepare('SELECT * FROM efile_documents WHERE id = ?').get(id) as DocRow | undefined;
  return r ?? fail('NOT_FOUND', '文件不存在或已被彻底删除', 'id');
}

type SectionRow = { id: string; volume: EfileSection['volume']; name: string; sort_order: number; keywords: string; active: number };
const toSection = (s: SectionRow): EfileSection => ({
  id: s.id,
  volume: s.volume,
  name: s.name,
  order: s.sort_order,
  keywords: s.keywords ? s.keywords.split(',').filter(Boolean) : [],
  active: s.active === 1,
});

export function listSections(app: CoreApp, opts: { includeInactive?: boolean } = {}): EfileSection[] {
  const rows = app.sqlite
    .prepare(`SELECT * FROM efile_sections ${opts.includeInactive ? '' : 'WHERE active = 1'} ORDER BY CASE volume WHEN '正卷' THEN 1 WHEN '副卷' THEN 2 ELSE 3 END, sort_order, id`)
    .all() as SectionRow[];
  return rows.map(toSection);
}

export function sectionById(app: CoreApp, id: string): EfileSection | null {
  const r = app.sqlite.prepare('SELECT * FROM efile_sections WHERE id = ?').get(id) as SectionRow | undefined;
  return r ? toSection(r) : null;
}

/** The section `id` of `volume`, refused with a message naming the field when it belongs elsewhere. */
export function requireSection(app: CoreApp, id: string, volume: string): EfileSection {
  const s = sectionById(app, id);
  if (!s) return fail('INVALID_INPUT', `「目录」不存在：${id}`, 'sectionId');
  if (s.volume !== volume) return fail('INVALID_INPUT', `「目录」「${s.name}」属于${s.volume}，不能用于${volume}`, 'sectionId');
  return s;
}

/** Finds a section by its name within a volume (generated documents name their section). */
export function sectionByName(app: CoreApp, volume: string, name: string): EfileSection | null {
  const r = app.sqlite.prepare('SELECT * FROM efile_sections WHERE volume = ? AND name = ?').get(volume, name) as SectionRow | undefined;
  if (r) return toSection(r);
  // Fall back to a section whose name contains the words asked for (courts may rename slightly).
  const like = app.sqlite.prepare("SELECT * FROM efile_sections WHERE volume = ? AND active = 1 AND instr(name, ?) > 0 ORDER BY sort_order LIMIT 1").get(volume, name) as SectionRow | undefined;
  return like ? toSection(like) : null;
}

/** Next position at the end of a section. */
export function nextOrder(app: CoreApp, caseId: number | null, volume: string, sectionId: string): number {
  const r = app.sqlite
    .prepare('SELECT COALESCE(MAX(sort_order), 0) + 1 AS n FROM efile_documents WHERE case_id IS ? AND volume = ? AND section_id = ? AND deleted_at IS NULL')
    .get(caseId, volume, sectionId) as { n: number };
  return r.n;
}

export type NewDocument = {
  caseId: number | null;
  volume: '正卷' | '副卷' | '局务';
  sectionId: string;
  title: string;
  name: string;
  size: number;
  sha256: string;
  mime: string;
  kind: EfileDocument['kind'];
  pages: number | null;
  docDate: string | null;
  source: 'import' | 'generated';
  userId: number | null;
  /** 文号 and 责任者 of the 卷内目录 (efiles/0002); null when not known. */
  docNo?: string | null;
  author?: string | null;
};

/** Inserts the row (call inside a transaction, after the blob is in place). */
export function insertDocument(app: CoreApp, d: NewDocument): DocRow {
  const r = app.sqlite
    .prepare(
      `INSERT INTO efile_documents (case_id, volume, section_id, title, name, size, sha256, mime, kind, pages, doc_date, sort_order, source, created_at, created_by, doc_no, author)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      d.caseId,
      d.volume,
      d.sectionId,
      d.title,
      d.name,
      d.size,
      d.sha256,
      d.mime,
      d.kind,
      d.pages,
      d.docDate,
      nextOrder(app, d.caseId, d.volume, d.sectionId),
      d.source,
      app.now().toISOString(),
      d.userId && d.userId > 0 ? d.userId : null,
      d.docNo ?? null,
      d.author ?? null,
    );
  return docRow(app, Number(r.lastInsertRowid));
}
