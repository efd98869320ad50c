import type { CoreApp } from '../app';

/**
 * Transfers as they stood at an instant, rebuilt from the append-only `transfer_events`.
 *
 * Two clocks, on purpose:
 * - `at` (when a change was recorded) decides WHETHER the change is known at the report's cutoff:
 *   only events with at < cutoff count, so a report for a past week does not move when someone later
 *   back-dates an entry (that shows up as a correction line in the next report instead);
 * - `effective_on` (the legal date of the step) decides WHICH WEEK the step belongs to (a decision
 *   dated Friday and recorded Friday counts for that week).
 *
 * Field values (mode, courts, deadline …) are today's row with every later edit undone: edits store
 * { field: [old, new] }, so walking the edits recorded after the cutoff backwards restores the value
 * known at the cutoff (the 'created' event holds no field values, so rolling back from the row is
 * the only complete source).
 */
/**
 * A case's 案号 as known at the cutoff (`@cutoff`, table alias `c`): the last number recorded before it
 * (case_no_history, reports/0005), so a renumbering after a week never changes that week's report.
 */
export const CASE_NO_AS_OF = `coalesce((SELECT h.case_no FROM case_no_history h WHERE h.case_id = c.id AND h.at < @cutoff ORDER BY h.at DESC, h.id DESC LIMIT 1), c.case_no)`;

export const DECIDED_STATES = new Set(['已决定', '已移送', '已立案', '办理中', '已化解', '已结案']);
export const ACTIVE_STATES = new Set(['已决定', '已移送', '已立案', '办理中', '已化解']);

export type TransferAsOf = {
  id: number;
  caseId: number;
  mode: string;
  direction: string;
  originalCourtCode: string | null;
  receivingCourtCode: string | null;
  handlerId: number | null;
  deadlineOn: string | null;
  receivedOn: string | null;
  filedOn: string | null;
  /** State known at the cutoff (null: the transfer did not exist yet). */
  state: string | null;
  /** Legal date the transfer (last) became a decided cross-execution; null if never (or withdrawn). */
  decidedOn: string | null;
  closedOn: string | null;
  resolvedOn: string | null;
  exitedOn: string | null;
  closureType: string | null;
};

const FIELD_COLUMNS: Record<string, keyof TransferAsOf> = {
  mode: 'mode',
  direction: 'direction',
  originalCourtCode: 'originalCourtCode',
  original_court_code: 'originalCourtCode',
  receivingCourtCode: 'receivingCourtCode',
  receiving_court_code: 'receivingCourtCode',
  handlerId: 'handlerId',
  handler_id: 'handlerId',
  deadlineOn: 'deadlineOn',
  deadline_on: 'deadlineOn',
  receivedOn: 'receivedOn',
  received_on: 'receivedOn',
  filedOn: 'filedOn',
  filed_on: 'filedOn',
};

export function transfersAsOf(app: CoreApp, cutoffAt: string): TransferAsOf[] {
  const rows = app.sqlite
    .prepare(
      `SELECT id, case_id AS caseId, mode, direction, original_court_code AS originalCourtCode, receiving_court_code AS receivingCourtCode,
              handler_id AS handlerId, deadline_on AS deadlineOn, coalesce(received_on, handed_over_on) AS receivedOn, filed_on AS filedOn
       FROM transfers WHERE created_at < ? ORDER BY id`,
    )
    .all(cutoffAt) as TransferAsOf[];
  const byId = new Map<number, TransferAsOf>();
  for (const r of rows) {
    Object.assign(r, { state: null, decidedOn: null, closedOn: null, resolvedOn: null, exitedOn: null, closureType: null });
    byId.set(r.id, r);
  }

  // Undo edits recorded after the cutoff, newest first.
  const later = app.sqlite
    .prepare(`SELECT transfer_id AS t, data FROM transfer_events WHERE at >= ? AND kind = 'edit' ORDER BY id DESC`)
    .all(cutoffAt) as { t: number; data: string }[];
  for (const e of later) {
    const t = byId.get(e.t);
    if (!t) continue;
    for (const [k, v] of Object.entries(parse(e.data))) {
      const col = FIELD_COLUMNS[k];
      if (col && Array.isArray(v) && v.length === 2) (t as Record<string, unknown>)[col] = v[0];
    }
  }

  // Replay the known state steps in order.
  const steps = app.sqlite
    .prepare(`SELECT transfer_id, effective_on, to_state, data FROM transfer_events WHERE at < ? AND to_state IS NOT NULL ORDER BY transfer_id, id`)
    .raw()
    .all(cutoffAt) as [number, string, string, string][];
  for (const [tid, on, to, data] of steps) {
    const t = byId.get(tid);
    if (!t) continue;
    const was = t.state;
    t.state = to;
    if (DECIDED_STATES.has(to) && (was === null || !DECIDED_STATES.has(was))) t.decidedOn = on;
    if (to === '草稿' || to === '待审批' || to === '已退回' || to === '已批准' || to === '不予批准') t.decidedOn = null;
    if (to === '已化解') t.resolvedOn = on;
    if (to === '已结案') {
      t.closedOn = on;
      const d = data.includes('closureType') ? parse(data).closureType : null;
      if (typeof d === 'string') t.closureType = d;
    }
    if (to === '已退出') t.exitedOn = on;
  }
  return rows.filter((r) => r.state !== null);
}

function parse(s: string): Record<string, unknown> {
  try {
    const v = JSON.parse(s);
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
