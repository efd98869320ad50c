import type { LedgerFilter, LedgerRow } from '../../../contract/calls/ledgerView';
import type { CoreApp } from '../../app';
import { getSettings } from '../../settings/settings';
import { chinaToday } from '../excelImport/analyseWorkbook';
import { overdueCases } from '../deadlines/overdueCases';

/**
 * The ledger table: one line per case with its latest transfer. Built as plain SQL so a page of 50
 * out of 100 000 cases stays in milliseconds: the filters narrow cases first, the sort uses the
 * cases' indexes where it can, and per-row figures (parties, money recovered) are computed only for
 * the rows on the page.
 */

/** Full-width brackets as 案号 are stored (法〔2015〕137号 uses （ ）), so "(2025)鄂0505" finds them. */
export function normaliseSearch(q: string): string {
  return q.normalize('NFKC').replace(/\(/g, '（').replace(/\)/g, '）').replace(/\s+/g, '');
}

const like = (s: string) => `%${s.replace(/[\\%_]/g, (c) => '\\' + c)}%`;

export function whereOf(app: CoreApp, f: LedgerFilter): { sql: string; params: Record<string, unknown>; needsTransfer: boolean } {
  const where: string[] = [];
  const tw: string[] = [];
  const params: Record<string, unknown> = {};
  if (f.q) {
    const q = normaliseSearch(f.q);
    params.q = like(q);
    // Something that looks like a 案号 is looked up among case numbers only; anything else among parties too.
    if (/[0-9（）执]/.test(q)) {
      where.push(`(c.case_no LIKE @q ESCAPE '\\' OR c.id IN (SELECT case_id FROM transfers WHERE new_case_no LIKE @q ESCAPE '\\' OR original_case_no LIKE @q ESCAPE '\\')
        OR c.id IN (SELECT case_id FROM parties WHERE id_number = @qExact))`);
      params.qExact = q.toUpperCase();
    } else {
      where.push(`c.id IN (SELECT case_id FROM parties WHERE name LIKE @q ESCAPE '\\')`);
    }
  }
  if (f.modes?.length) {
    tw.push(`t.mode IN (${f.modes.map((_, i) => `@mode${i}`).join(',')})`);
    f.modes.forEach((m, i) => (params[`mode${i}`] = m));
  }
  if (f.direction) {
    tw.push('t.direction = @direction');
    params.direction = f.direction;
  }
  if (f.states?.length) {
    tw.push(`t.state IN (${f.states.map((_, i) => `@state${i}`).join(',')})`);
    f.states.forEach((s, i) => (params[`state${i}`] = s));
  }
  if (f.court) {
    tw.push('(t.original_court_code = @court OR t.receiving_court_code = @court OR t.deciding_court_code = @court)');
    params.court = f.court;
  }
  if (f.overdue) {
    // Every overdue kind 工作台 shows (deadlines/overdueCases.ts), not only the 督促 deadline.
    where.push('c.id IN (SELECT value FROM json_each(@overdueIds))');
    params.overdueIds = JSON.stringify([...overdueCases(app).keys()]);
  }
  if (f.handlerId) {
    // The unary + keeps SQLite from answering this through the handler index and then sorting the
    // handler's ~10k cases: walking the sort order's index and testing each row is far cheaper for a
    // page of 50. The count (countWhere) keeps the indexable form.
    where.push('(+c.handler_id = @handlerId OR c.id IN (SELECT case_id FROM transfers WHERE handler_id = @handlerId))');
    params.handlerId = f.handlerId;
  }
  if (f.filedFrom) {
    where.push('c.filed_on >= @filedFrom');
    params.filedFrom = f.filedFrom;
  }
  if (f.filedTo) {
    where.push('c.filed_on <= @filedTo');
    params.filedTo = f.filedTo;
  }
  // Transfer filters apply to each case's latest transfer (cases.latest_transfer_id, kept by triggers —
  // migration ledger-courts/0003); they are read from the (few) transfers, not the (many) cases.
  if (tw.length) {
    where.push(`c.latest_transfer_id IN (SELECT t.id FROM transfers t WHERE ${tw.join(' AND ')})`);
  }
  params.today = chinaToday(app.now());
  params.ourCourt = getSettings(app).courtCode;
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', params, needsTransfer: tw.length > 0 };
}


const LATEST = 'LEFT JOIN transfers t ON t.id = c.latest_transfer_id';

const ORDER: Record<string, string> = {
  filedOn: 'c.filed_on',
  caseNo: 'c.court_code, c.year, c.type_code, c.seq',
  amountDue: 'c.amount_due_fen',
  // The latest transfer's state and mode are copied onto the case (with indexes) so these sorts walk an index.
  state: 'c.latest_state',
  mode: 'c.latest_mode',
  updatedAt: 'c.updated_at',
  closedOn: 'c.closed_on',
};

export function orderOf(sort: string, order: 'asc' | 'desc'): string {
  const dir = order === 'asc' ? 'ASC' : 'DESC';
  const cols = (ORDER[sort] ?? ORDER.filedOn!).split(', ');
  // Empty values last whichever way the column is sorted (SQLite sorts NULL lowest, so DESC already
  // puts them last and can walk the index); the id keeps pages stable.
  return `ORDER BY ${cols.map((c) => (dir === 'DESC' || NOT_NULL.has(c) ? `${c} ${dir}` : `${c} ASC NULLS LAST`)).join(', ')}, c.id ${dir}`;
}

/** Columns the schema declares NOT NULL: a needless NULLS LAST on them stops SQLite from walking their index in order. */
const NOT_NULL = new Set(['c.court_code', 'c.year', 'c.type_code', 'c.seq', 'c.updated_at']);


export function ledgerTable(app: CoreApp, f: LedgerFilter & { sort: string; order: 'asc' | 'desc'; page: number; pageSize: number }): { rows: LedgerRow[]; total: number } {
  const w = whereOf(app, f);
  const total = (app.sqlite.prepare(`SELECT count(*) AS n FROM cases c ${countWhere(w.sql)}`).get(w.params) as { n: number }).n;
  const ids = (
    app.sqlite.prepare(`SELECT c.id FROM cases c ${w.sql} ${orderOf(f.sort, f.order)} LIMIT @limit OFFSET @offset`).all({
      ...w.params,
      limit: f.pageSize,
      offset: (f.page - 1) * f.pageSize,
    }) as { id: number }[]
  ).map((r) => r.id);
  const rows = rowsFor(app, ids, w.params.today as string, w.params.ourCourt as string);
  // Under 仅看超期 every row is overdue by some kind (overdueCases), not only by its 督促 deadline.
  return { rows: f.overdue ? rows.map((r) => ({ ...r, overdue: true })) : rows, total };
}

/** For counting, the handler test may use its index (there is no order to follow). */
const countWhere = (sql: string) => sql.replace('+c.handler_id', 'c.handler_id');

/** All case ids the filters select, in table order (the export). */
export function ledgerIds(app: CoreApp, f: LedgerFilter & { sort: string; order: 'asc' | 'desc' }, max: number): number[] {
  const w = whereOf(app, f);
  return (app.sqlite.prepare(`SELECT c.id FROM cases c ${w.sql} ${orderOf(f.sort, f.order)} LIMIT @max`).all({ ...w.params, max }) as { id: number }[]).map((r) => r.id);
}

function rowsFor(app: CoreApp, ids: number[], today: string, ourCourt: string): LedgerRow[] {
  if (!ids.length) return [];
  const ph = ids.map(() => '?').join(',');
  const rows = app.sqlite
    .prepare(
      `SELECT c.id AS caseId, c.case_no AS caseNo, c.cause, c.amount_due_fen AS amountDueFen, c.filed_on AS filedOn, c.closed_on AS closedOn,
         c.closure_type AS closureType, COALESCE(tu.display_name, u.display_name) AS handlerName, t.id AS transferId,
         (SELECT count(*) FROM transfers x WHERE x.case_id = c.id) AS transferCount,
         t.mode, t.direction, t.state, t.deadline_on AS deadlineOn, t.original_court_code AS oc, t.receiving_court_code AS rc,
         (SELECT group_concat(name, '、') FROM (SELECT name FROM parties WHERE case_id = c.id AND side = '申请执行人' ORDER BY id)) AS applicants,
         (SELECT group_concat(name, '、') FROM (SELECT name FROM parties WHERE case_id = c.id AND side = '被执行人' ORDER BY id)) AS debtors,
         (SELECT COALESCE(SUM(amount_fen), 0) FROM progress_entries WHERE case_id = c.id AND voided_at IS NULL) AS recoveredFen
       FROM cases c ${LATEST}
       LEFT JOIN users u ON u.id = c.handler_id
       LEFT JOIN users tu ON tu.id = t.handler_id
       WHERE c.id IN (${ph})`,
    )
    .all(...ids) as (Omit<LedgerRow, 'counterpartCourt' | 'overdue' | 'applicants' | 'debtors'> & { oc: string | null; rc: string | null; applicants: string | null; debtors: string | null })[];
  const courtName = new Map((app.sqlite.prepare('SELECT code, name FROM courts').all() as { code: string; name: string }[]).map((c) => [c.code, c.name]));
  const byId = new Map(rows.map((r) => [r.caseId, r]));
  return ids.map((id) => {
    const { oc, rc, ...r } = byId.get(id)!;
    // The court on the other side of the transfer: for 移出 the receiving one, for 移入 the original one.
    const other = r.direction === '移入' ? oc : r.direction === '院内' ? null : rc && rc !== ourCourt ? rc : oc !== ourCourt ? oc : rc;
    return {
      ...r,
      applicants: r.applicants ?? '',
      debtors: r.debtors ?? '',
      counterpartCourt: other ? (courtName.get(other) ?? other) : null,
      overdue: !!(r.deadlineOn && r.deadlineOn < today && r.state && !['已化解', '已结案', '已退出'].includes(r.state)),
    };
  });
}
