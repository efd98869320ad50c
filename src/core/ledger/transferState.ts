import type { UserPublic } from '../../contract/calls/common';
import type { TransferState } from '../../contract/vocabulary';
import type { CoreApp } from '../app';
import { fail, notFound } from '../errors';
import { chinaToday } from './dates';

/**
 * A transfer's life (issue 3, item 2) as one explicit table. Every change appends a
 * transfer_events row (who, instant `at`, legal date `effective_on`) and updates transfers.state in
 * the same transaction (callers run inside the dispatcher's transaction; this function also wraps
 * itself so a direct call is atomic too).
 *
 * `approval` transitions belong to the approvals module (执行局长 decides; domain brief §9.4): the
 * plain ledger calls refuse them, the approvals module passes `{ approval: true }`.
 * 已退出 is the "standardised exit" (规范退出, domain brief §1.6) and always needs a reason.
 */
export type TransitionKind = 'approval' | 'manual';
type Edge = { to: TransferState; kind: TransitionKind; label: string };

export const TRANSITIONS: Record<TransferState, Edge[]> = {
  草稿: [
    { to: '待审批', kind: 'approval', label: '提交审批' },
    { to: '已决定', kind: 'manual', label: '登记决定' },
    { to: '已退出', kind: 'manual', label: '退出' },
  ],
  待审批: [
    { to: '已批准', kind: 'approval', label: '批准' },
    { to: '已退回', kind: 'approval', label: '退回补充' },
    { to: '不予批准', kind: 'approval', label: '不予批准' },
    { to: '草稿', kind: 'approval', label: '撤回' },
  ],
  已退回: [
    { to: '待审批', kind: 'approval', label: '重新提交' },
    { to: '草稿', kind: 'approval', label: '撤回' },
    { to: '已退出', kind: 'manual', label: '退出' },
  ],
  不予批准: [],
  已批准: [
    { to: '已决定', kind: 'manual', label: '登记决定' },
    { to: '草稿', kind: 'approval', label: '撤回' },
    { to: '已退出', kind: 'manual', label: '退出' },
  ],
  已决定: [
    { to: '已移送', kind: 'manual', label: '移送卷宗' },
    { to: '已立案', kind: 'manual', label: '登记立案' },
    { to: '办理中', kind: 'manual', label: '开始办理' },
    { to: '草稿', kind: 'approval', label: '撤回' },
    { to: '已退出', kind: 'manual', label: '退出' },
  ],
  已移送: [
    { to: '已立案', kind: 'manual', label: '登记立案' },
    { to: '已退出', kind: 'manual', label: '退出' },
  ],
  已立案: [
    { to: '办理中', kind: 'manual', label: '开始办理' },
    { to: '已退出', kind: 'manual', label: '退出' },
  ],
  办理中: [
    { to: '已化解', kind: 'manual', label: '登记化解' },
    { to: '已结案', kind: 'manual', label: '登记结案' },
    { to: '已退出', kind: 'manual', label: '退出' },
  ],
  已化解: [
    { to: '已结案', kind: 'manual', label: '登记结案' },
    { to: '已退出', kind: 'manual', label: '退出' },
  ],
  已结案: [],
  已退出: [],
};

/** States in which nothing runs any more (no deadline, no reminder). */
export const FINAL_STATES: readonly TransferState[] = ['不予批准', '已结案', '已退出'];
/** States before a decision exists (the transfer is only a proposal). */
export const PROPOSAL_STATES: readonly TransferState[] = ['草稿', '待审批', '已退回', '已批准'];

/** A draft for a case decided elsewhere (移入, or 上级交办) needs no internal approval before 已决定. */
function decidedElsewhere(t: { direction: string; initiatedBy: string | null }): boolean {
  return t.direction === '移入' || t.initiatedBy === '上级交办';
}

/** Allowed next states for a transfer, optionally only one kind (the UI shows manual ones as buttons). */
export function allowedTransitions(t: { state: TransferState; direction: string; initiatedBy: string | null }, kind?: TransitionKind): Edge[] {
  return TRANSITIONS[t.state].filter((e) => {
    if (kind && e.kind !== kind) return false;
    // Our own proposal reaches 已决定 only through approval (草稿 → 待审批 → 已批准 → 已决定).
    if (t.state === '草稿' && e.to === '已决定' && !decidedElsewhere(t)) return false;
    return true;
  });
}

/** Which transfers column a state's legal date goes to. */
const DATE_OF: Partial<Record<TransferState, string>> = {
  待审批: 'requested_on',
  已决定: 'decision_on',
  已移送: 'handed_over_on',
  已立案: 'filed_on',
  已化解: 'closed_on',
  已结案: 'closed_on',
};

export type TransitionOptions = {
  /** The approvals module sets this; plain ledger calls never do. */
  approval?: boolean;
  /** The legal date of the step ('YYYY-MM-DD', China time); today if absent. */
  effectiveOn?: string;
  /** Required for 已退出; kept in the event for every transition. */
  reason?: string;
  /** Optimistic lock: the version the user saw. */
  expectedVersion?: number;
  /** Extra fields written with the step (e.g. new 案号 when 已立案). */
  newCaseNo?: string;
  /** Anything else the caller wants kept in the event (request id, opinion…). */
  data?: Record<string, unknown>;
};

export type TransferWithCase = {
  id: number;
  caseId: number;
  caseNo: string;
  courtCode: string;
  mode: string;
  direction: string;
  initiatedBy: string | null;
  state: TransferState;
  version: number;
  decisionOn: string | null;
  deadlineOn: string | null;
  originalCourtCode: string | null;
  receivingCourtCode: string | null;
  originalCaseNo: string | null;
  newCaseNo: string | null;
  handlerId: number | null;
  caseFiledOn: string | null;
  caseClosedOn: string | null;
};

/** A transfer with the case it belongs to, for other modules (approvals, weekly report, volumes). */
export function getTransferWithCase(app: CoreApp, transferId: number): TransferWithCase {
  const row = app.sqlite
    .prepare(
      `SELECT t.id, t.case_id AS caseId, c.case_no AS caseNo, c.court_code AS courtCode, t.mode, t.direction, t.initiated_by AS initiatedBy,
              t.state, t.version, t.decision_on AS decisionOn, t.deadline_on AS deadlineOn, t.original_court_code AS originalCourtCode,
              t.receiving_court_code AS receivingCourtCode, t.original_case_no AS originalCaseNo, t.new_case_no AS newCaseNo,
              coalesce(t.handler_id, c.handler_id) AS handlerId, c.filed_on AS caseFiledOn, c.closed_on AS caseClosedOn
       FROM transfers t JOIN cases c ON c.id = t.case_id WHERE t.id = ?`,
    )
    .get(transferId) as TransferWithCase | undefined;
  return row ?? notFound(`交叉执行记录（编号 ${transferId}）`);
}

export type TransferEventKind = 'created' | 'state' | 'edit' | 'approval' | 'note';

/** Appends one event; `data` holds for edits { field: [old, new] } so a transfer can be rebuilt as of any instant. */
export function appendTransferEvent(
  app: CoreApp,
  actor: UserPublic,
  e: { transferId: number; kind: TransferEventKind; effectiveOn: string; from?: string | null; to?: string | null; data?: Record<string, unknown> },
): void {
  app.sqlite
    .prepare(
      `INSERT INTO transfer_events (transfer_id, at, effective_on, user_id, user_name, kind, from_state, to_state, data)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(e.transferId, app.now().toISOString(), e.effectiveOn, actor.id > 0 ? actor.id : null, actor.displayName, e.kind, e.from ?? null, e.to ?? null, JSON.stringify(e.data ?? {}));
}

/**
 * Moves a transfer to `toState`, or refuses with a Chinese message naming the allowed steps.
 * Returns the transfer as it now stands.
 */
export function transitionTransfer(app: CoreApp, actor: UserPublic, transferId: number, toState: TransferState, opts: TransitionOptions = {}): TransferWithCase {
  return app.sqlite.transaction(() => {
    const t = getTransferWithCase(app, transferId);
    if (opts.expectedVersion !== undefined && opts.expectedVersion !== t.version) fail('CONFLICT', '该交叉执行记录刚被他人修改，请刷新后再操作');
    const edges = allowedTransitions(t);
    const edge = edges.find((e) => e.to === toState);
    if (!edge) {
      const options = allowedTransitions(t, opts.approval ? undefined : 'manual').map((e) => e.to);
      fail(
        'INVALID_STATE',
        `${t.caseNo}的交叉执行记录当前为「${t.state}」，不能变更为「${toState}」` +
          (options.length ? `（可变更为：${options.join('、')}）` : '（该记录已办结，不能再变更）'),
        'to',
      );
    }
    if (edge!.kind === 'approval' && !opts.approval) {
      fail('INVALID_STATE', `「${t.state}」→「${toState}」属于审批环节，请在审批模块办理`, 'to');
    }
    const reason = opts.reason?.trim();
    if (toState === '已退出' && !reason) fail('INVALID_INPUT', '「退出原因」退出交叉执行须写明原因', 'reason');
    const today = chinaToday(app.now());
    const on = opts.effectiveOn ?? today;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(on)) fail('INVALID_INPUT', '「日期」应为 YYYY-MM-DD', 'effectiveOn');
    if (on > today) fail('INVALID_INPUT', `「日期」${on} 晚于今天，请核对`, 'effectiveOn');
    const sets = ['state = @to', 'updated_at = @now', 'version = version + 1'];
    const col = DATE_OF[toState];
    // Going back (撤回) keeps the earlier dates; a date column is only filled going forward.
    if (col && toState !== '草稿') sets.push(`${col} = coalesce(${col}, @on)`);
    if (toState === '已退出') sets.push('exit_reason = @reason');
    if (opts.newCaseNo) sets.push('new_case_no = @newCaseNo');
    app.sqlite
      .prepare(`UPDATE transfers SET ${sets.join(', ')} WHERE id = @id`)
      .run({ to: toState, now: app.now().toISOString(), on, reason: reason ?? null, newCaseNo: opts.newCaseNo ?? null, id: t.id });
    appendTransferEvent(app, actor, {
      transferId: t.id,
      kind: opts.approval ? 'approval' : 'state',
      effectiveOn: on,
      from: t.state,
      to: toState,
      data: { ...(opts.data ?? {}), ...(reason ? { reason } : {}), ...(opts.newCaseNo ? { newCaseNo: [t.newCaseNo, opts.newCaseNo] } : {}) },
    });
    return getTransferWithCase(app, t.id);
  })();
}

/** Rebuilds a transfer's state and mode as they stood at instant `at` from its events (for "as of" reports). */
export function transferAsOf(app: CoreApp, transferId: number, at: string): { state: TransferState | null; fields: Record<string, unknown> } {
  const events = app.sqlite
    .prepare('SELECT kind, to_state AS toState, data FROM transfer_events WHERE transfer_id = ? AND at <= ? ORDER BY id')
    .all(transferId, at) as { kind: string; toState: string | null; data: string }[];
  let state: TransferState | null = null;
  const fields: Record<string, unknown> = {};
  for (const e of events) {
    if (e.toState) state = e.toState as TransferState;
    if (e.kind === 'edit' || e.kind === 'created') {
      const d = safeJson(e.data);
      for (const [k, v] of Object.entries(d)) if (Array.isArray(v) && v.length === 2) fields[k] = v[1];
    }
  }
  return { state, fields };
}

function safeJson(s: string): Record<string, unknown> {
  try {
    const v = JSON.parse(s);
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
