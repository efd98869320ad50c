import type { UserPublic } from '../../../contract/calls/common';
import type { SearchHitOut } from '../../../contract/calls/efilesSearch';
import type { CoreApp } from '../../app';
import { fail } from '../../errors';
import { caseHead, requireVolumeAccess } from '../access';
import { parseQuery } from './grams';
import { makeSnippet } from './snippet';

/** Matches are counted up to this many pages; beyond it the UI says "more than". */
export const COUNT_CAP = 1000;

export type SearchInput = { q: string; caseId?: number; volume?: '正卷' | '副卷' | '局务'; limit?: number };
export type SearchResult = { hits: SearchHitOut[]; total: number; more: boolean };

type Row = {
  docId: number;
  page: number;
  source: string;
  text: string;
  caseId: number | null;
  caseNo: string | null;
  volume: string;
  title: string;
  section: string | null;
};

/**
 * Full-text search over the e-files' page text: everything the user may see, one case, or one
 * volume of a case. Newest pages first (FTS5 walks its rowids backwards, so the first hits come
 * without ranking every match). Documents in the recycle bin are not found.
 *
 * 副卷: the same rule as the catalogue (src/core/efiles/access.ts canSeeSecondary): administrators
 * and the chief see every 副卷, anyone else only the 副卷 of cases they handle.
 */
export function searchEfiles(app: CoreApp, user: UserPublic, input: SearchInput): SearchResult {
  const { match, terms } = parseQuery(input.q);
  if (!match) return fail('INVALID_INPUT', '「搜索内容」应包含文字或数字', 'q');
  const limit = Math.min(200, Math.max(1, input.limit ?? 50));

  const where: string[] = ['efile_pages_fts MATCH @match', 'd.deleted_at IS NULL'];
  const params: Record<string, unknown> = { match };
  if (input.caseId !== undefined) {
    caseHead(app, input.caseId); // NOT_FOUND for a case that does not exist
    where.push('d.case_id = @caseId');
    params.caseId = input.caseId;
    if (input.volume) requireVolumeAccess(app, user, input.caseId, input.volume);
  }
  if (input.volume) {
    where.push('d.volume = @volume');
    params.volume = input.volume;
  }
  const seesAll = user.role === 'admin' || user.role === 'chief';
  if (!seesAll) {
    where.push(`(d.volume <> '副卷' OR c.handler_id = @uid)`);
    params.uid = user.id;
  }
  // Everything: walk the index newest-first and stop at `limit`. One case: its pages are few, so
  // start from them and test membership in the set of matching rowids — otherwise a common word
  // would walk every match in the bureau looking for this case's.
  const inCase = input.caseId !== undefined;
  if (inCase) where[0] = 'p.id IN (SELECT rowid FROM efile_pages_fts WHERE efile_pages_fts MATCH @match)';
  const from = inCase
    ? `FROM efile_documents d
    JOIN efile_pages p ON p.document_id = d.id
    LEFT JOIN cases c ON c.id = d.case_id`
    : `FROM efile_pages_fts f
    JOIN efile_pages p ON p.id = f.rowid
    JOIN efile_documents d ON d.id = p.document_id
    LEFT JOIN cases c ON c.id = d.case_id`;
  const cond = where.join(' AND ');

  const rows = app.sqlite
    .prepare(
      `SELECT p.document_id AS docId, p.page, p.source, p.text, d.case_id AS caseId, c.case_no AS caseNo, d.volume, d.title,
              (SELECT s.name FROM efile_sections s WHERE s.id = d.section_id) AS section
       ${from} WHERE ${cond} ORDER BY ${inCase ? 'p.id' : 'f.rowid'} DESC LIMIT @limit`,
    )
    .all({ ...params, limit }) as Row[];

  let total = rows.length;
  let more = false;
  if (rows.length === limit) {
    const n = (app.sqlite.prepare(`SELECT count(*) AS n FROM (SELECT 1 ${from} WHERE ${cond} LIMIT @cap)`).get({ ...params, cap: COUNT_CAP + 1 }) as { n: number }).n;
    more = n > COUNT_CAP;
    total = Math.min(n, COUNT_CAP);
  }

  return {
    total,
    more,
    hits: rows.map((r) => ({
      docId: r.docId,
      caseId: r.caseId,
      caseNo: r.caseNo ?? '局务',
      volume: r.volume,
      section: r.section ?? '',
      title: r.title,
      page: r.source === 'document' ? null : r.page,
      snippet: makeSnippet(r.text, terms),
      fromOcr: r.source === 'ocr',
    })),
  };
}
