import type { UserPublic } from '../../contract/calls/common';
import type { TransferMode, TransferState } from '../../contract/vocabulary';
import type { CoreApp } from '../app';
import { notFound } from '../errors';
import { transitionTransfer } from '../ledger/transferState';
import { chinaDate } from './time';

/**
 * Where approvals touch the ledger: the transfer a request is about, its state changes and its
 * events. State changes that belong to approval (submit, approve, return, reject, withdraw) go
 * through the ledger's state machine so the ledger stays the one owner of transfer states.
 */
export type TransferFields = {
  mode: TransferMode;
  reasons: string[];
  reasonOther: string | null;
  receivingCourtCode: string | null;
  receivingTeam: string | null;
};

export type CaseRow = {
  id: number;
  caseNo: string;
  courtCode: string;
  cause: string | null;
  filedOn: string | null;
  /** 收到申请执行书日期 (the 审批表 shows it on the six-month ground). */
  applicationReceivedOn: string | null;
  closedOn: string | null;
  closureType: string | null;
  amountDueFen: number | null;
  handlerId: number | null;
  handlerName: string | null;
};

export function getCase(app: CoreApp, caseId: number): CaseRow {
  const row = app.sqlite
    .prepare(
      `SELECT c.id, c.case_no AS caseNo, c.court_code AS courtCode, c.cause, c.filed_on AS filedOn, c.application_received_on AS applicationReceivedOn, c.closed_on AS closedOn,
              c.closure_type AS closureType, c.amount_due_fen AS amountDueFen, c.handler_id AS handlerId, u.display_name AS handlerName
       FROM cases c LEFT JOIN users u ON u.id = c.handler_id WHERE c.id = ?`,
    )
    .get(caseId) as CaseRow | undefined;
  return row ?? notFound(`案件（编号 ${caseId}）`);
}

export function partiesOf(app: CoreApp, caseId: number): { applicants: string[]; debtors: string[] } {
  const rows = app.sqlite.prepare('SELECT side, name FROM parties WHERE case_id = ? ORDER BY id').all(caseId) as { side: string; name: string }[];
  return {
    applicants: rows.filter((r) => r.side === '申请执行人').map((r) => r.name),
    debtors: rows.filter((r) => r.side === '被执行人').map((r) => r.name),
  };
}

export function transferState(app: CoreApp, transferId: number): TransferState {
  const row = app.sqlite.prepare('SELECT state FROM transfers WHERE id = ?').get(transferId) as { state: TransferState } | undefined;
  return row?.state ?? notFound(`移送记录（编号 ${transferId}）`);
}

function directionOf(mode: TransferMode): '移出' | '院内' {
  return mode === '院内交叉' ? '院内' : '移出';
}

function insertEvent(
  app: CoreApp,
  actor: UserPublic,
  transferId: number,
  kind: 'created' | 'state' | 'edit' | 'approval' | 'note',
  from: string | null,
  to: string | null,
  data: Record<string, unknown>,
): void {
  app.sqlite
    .prepare(
      `INSERT INTO transfer_events (transfer_id, at, effective_on, user_id, user_name, kind, from_state, to_state, data)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(transferId, app.now().toISOString(), chinaDate(app.now()), actor.id > 0 ? actor.id : null, actor.displayName, kind, from, to, JSON.stringify(data));
}

/** A draft transfer for a case a handler wants to report (our court is the original court). */
export function createDraftTransfer(app: CoreApp, actor: UserPublic, c: CaseRow, f: TransferFields): number {
  const at = app.now().toISOString();
  const r = app.sqlite
    .prepare(
      `INSERT INTO transfers (case_id, mode, direction, reasons, reason_other, initiated_by, original_court_code, receiving_court_code,
         receiving_team, original_case_no, state, handler_id, created_by, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, '依职权', ?, ?, ?, ?, '草稿', ?, ?, ?, ?)`,
    )
    .run(c.id, f.mode, directionOf(f.mode), JSON.stringify(f.reasons), f.reasonOther, c.courtCode, f.receivingCourtCode, f.receivingTeam, c.caseNo, c.handlerId ?? actor.id, actor.id, at, at);
  const id = Number(r.lastInsertRowid);
  insertEvent(app, actor, id, 'created', null, '草稿', { source: 'approval-request' });
  return id;
}

/** Keeps a draft transfer in step with the request the handler is editing. */
export function syncDraftTransfer(app: CoreApp, actor: UserPublic, transferId: number, f: TransferFields): void {
  const state = transferState(app, transferId);
  if (state !== '草稿' && state !== '已退回') return;
  app.sqlite
    .prepare(
      `UPDATE transfers SET mode = ?, direction = ?, reasons = ?, reason_other = ?, receiving_court_code = ?, receiving_team = ?,
         updated_at = ?, version = version + 1 WHERE id = ?`,
    )
    .run(f.mode, directionOf(f.mode), JSON.stringify(f.reasons), f.reasonOther, f.receivingCourtCode, f.receivingTeam, app.now().toISOString(), transferId);
  insertEvent(app, actor, transferId, 'edit', null, null, { source: 'approval-request', mode: f.mode, receivingCourtCode: f.receivingCourtCode });
}

/**
 * An approval state change of the transfer, through the ledger's state machine with
 * `{ approval: true }` (only this module may take approval edges), recorded as an 'approval' event.
 */
export function moveTransfer(app: CoreApp, actor: UserPublic, transferId: number, to: TransferState, data: Record<string, unknown>): void {
  transitionTransfer(app, actor, transferId, to, { approval: true, data, ...(typeof data.reason === 'string' ? { reason: data.reason } : {}) });
}

/** An approval event that does not change the state (a first-level approval awaiting the leader). */
export function noteApproval(app: CoreApp, actor: UserPublic, transferId: number, data: Record<string, unknown>): void {
  insertEvent(app, actor, transferId, 'approval', null, null, data);
}

export type HistoryItem = { at: string; on: string; who: string; what: string; detail: string };

/** The case's history for the decision view: transfer events and progress entries, newest first. */
export function caseHistory(app: CoreApp, caseId: number, limit = 60): HistoryItem[] {
  const events = app.sqlite
    .prepare(
      `SELECT e.at, e.effective_on AS "on", e.user_name AS who, e.kind, e.from_state AS fromState, e.to_state AS toState, e.data, t.mode
       FROM transfer_events e JOIN transfers t ON t.id = e.transfer_id WHERE t.case_id = ? ORDER BY e.id DESC LIMIT ?`,
    )
    .all(caseId, limit) as { at: string; on: string; who: string; kind: string; fromState: string | null; toState: string | null; data: string; mode: string }[];
  const progress = app.sqlite
    .prepare(
      `SELECT p.recorded_at AS at, p.on_date AS "on", coalesce(u.display_name, '') AS who, p.measures, p.amount_fen AS amountFen, p.text
       FROM progress_entries p LEFT JOIN users u ON u.id = p.recorded_by WHERE p.case_id = ? AND p.voided_at IS NULL ORDER BY p.on_date DESC, p.id DESC LIMIT ?`,
    )
    .all(caseId, limit) as { at: string; on: string; who: string; measures: string; amountFen: number; text: string | null }[];
  const items: HistoryItem[] = [
    ...events.map((e) => ({ at: e.at, on: e.on, who: e.who, what: eventTitle(e), detail: eventDetail(e.data) })),
    ...progress.map((p) => {
      const measures = safeArray(p.measures).join('、');
      const money = p.amountFen > 0 ? `，到位 ${(p.amountFen / 100).toFixed(2)} 元` : '';
      return { at: p.at, on: p.on, who: p.who, what: `执行进展${measures ? `：${measures}` : ''}`, detail: `${p.text ?? ''}${money}` };
    }),
  ];
  return items.sort((a, b) => (a.on === b.on ? b.at.localeCompare(a.at) : b.on.localeCompare(a.on))).slice(0, limit);
}

function eventTitle(e: { kind: string; fromState: string | null; toState: string | null; mode: string }): string {
  if (e.kind === 'created') return `新建${e.mode}移送记录`;
  if (e.fromState && e.toState) return `${e.kind === 'approval' ? '审批：' : ''}${e.fromState} → ${e.toState}`;
  if (e.kind === 'approval') return '审批意见';
  if (e.kind === 'edit') return '修改移送信息';
  return '备注';
}

function eventDetail(raw: string): string {
  try {
    const d = JSON.parse(raw) as Record<string, unknown>;
    const parts: string[] = [];
    if (typeof d.outcome === 'string') parts.push(`${d.deciderTitle ?? ''}${d.decider ?? ''}：${d.outcome}`);
    if (typeof d.opinion === 'string' && d.opinion) parts.push(`意见：${d.opinion}`);
    if (typeof d.note === 'string' && d.note) parts.push(d.note);
    if (typeof d.reason === 'string' && d.reason) parts.push(`原因：${d.reason}`);
    return parts.join('；');
  } catch {
    return '';
  }
}

function safeArray(raw: string): string[] {
  try {
    const v = JSON.parse(raw);
    return Array.isArray(v) ? v.map(String) : [];
  } catch {
    return [];
  }
}
