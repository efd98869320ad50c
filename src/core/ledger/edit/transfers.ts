import type { z } from 'zod';
import { TRANSFER_FROZEN_STATES, transferDirectionIssues, type transferInput, type transferStateInput, type transferUpdateInput } from '../../../contract/calls/ledgerEdit';
import { FIELD_LABELS } from '../../../contract/labels';
import type { UserPublic } from '../../../contract/calls/common';
import type { Direction, TransferMode, TransferState } from '../../../contract/vocabulary';
import type { CoreApp } from '../../app';
import { fail } from '../../errors';
import { allowedTransitions, appendTransferEvent, getTransferWithCase, transitionTransfer } from '../transferState';
import { caseExists, courtKnown, n, notFuture } from './guards';
import { getSettings } from '../../settings/settings';
import { chinaToday } from '../excelImport/analyseWorkbook';
import { counterpartField, modeCourtCheck } from '../courts/modeCourts';

/** Allowed next manual states, for the UI's buttons (the ledger core's state machine decides). */
export function nextStates(t: { state: TransferState; direction: string; initiatedBy: string | null }): TransferState[] {
  return allowedTransitions(t, 'manual').map((e) => e.to);
}

function event(app: CoreApp, actor: UserPublic, transferId: number, kind: 'created' | 'state', from: string | null, to: string, on: string, data: object) {
  app.sqlite
    .prepare(`INSERT INTO transfer_events (transfer_id, at, effective_on, user_id, user_name, kind, from_state, to_state, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(transferId, app.now().toISOString(), on, actor.id > 0 ? actor.id : null, actor.displayName, kind, from, to, JSON.stringify(data));
}

export function createTransfer(app: CoreApp, actor: UserPublic, v: z.output<typeof transferInput>): { id: number; caseNo: string; state: TransferState } {
  const c = caseExists(app, v.caseId);
  const ours = getSettings(app).courtCode;
  courtKnown(app, v.decidingCourtCode, 'decidingCourtCode', '决定法院');
  courtKnown(app, v.originalCourtCode, 'originalCourtCode', '原执行法院');
  courtKnown(app, v.receivingCourtCode, 'receivingCourtCode', '承办法院');
  notFuture(app, { decisionOn: v.decisionOn, requestedOn: v.requestedOn }, { decisionOn: '决定日期', requestedOn: '报请日期' });
  const original = v.originalCourtCode ?? (v.direction === '移入' ? null : ours);
  const receiving = v.receivingCourtCode ?? (v.direction === '移出' ? null : ours);
  if (v.direction === '移出' && receiving === ours) fail('INVALID_INPUT', '「承办法院」移出案件的承办法院不能是本院', 'receivingCourtCode');
  if (v.direction === '移入' && original === ours) fail('INVALID_INPUT', '「原执行法院」移入案件的原执行法院不能是本院', 'originalCourtCode');
  // Decided elsewhere (we receive it, or the superior assigned it): no internal approval, it starts decided.
  const state: TransferState = v.direction === '移入' || v.initiatedBy === '上级交办' ? '已决定' : '草稿';
  modeCourtAllowed(app, v.mode, v.direction, original, receiving, state === '草稿');
  const now = app.now().toISOString();
  const id = Number(
    app.sqlite
      .prepare(
        `INSERT INTO transfers (case_id, mode, direction, reasons, reason_other, initiated_by, deciding_court_code, decision_doc_type, decision_doc_no,
           decision_on, deadline_on, original_court_code, receiving_court_code, receiving_team, original_case_no, new_case_no, requested_on,
           our_contact, our_phone, their_contact, their_phone, state, handler_id, created_by, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT handler_id FROM cases WHERE id = ?), ?, ?, ?)`,
      )
      .run(
        v.caseId, v.mode, v.direction, JSON.stringify(v.reasons), n(v.reasonOther), n(v.initiatedBy), n(v.decidingCourtCode), n(v.decisionDocType),
        n(v.decisionDocNo), n(v.decisionOn), n(v.deadlineOn), original, receiving, n(v.receivingTeam),
        v.originalCaseNo ? v.originalCaseNo : v.direction !== '移入' ? c.caseNo : null, n(v.newCaseNo), n(v.requestedOn),
        n(v.ourContact), n(v.ourPhone) || null, n(v.theirContact), n(v.theirPhone) || null, state, v.caseId, actor.id > 0 ? actor.id : null, now, now,
      ).lastInsertRowid,
  );
  event(app, actor, id, 'created', null, state, v.decisionOn ?? chinaToday(app.now()), { source: 'case-page' });
  return { id, caseNo: c.caseNo, state: state };
}

/** Delegates to the ledger core's state machine (src/core/ledger/transferState.ts), so there is one set of rules. */
export function moveTransferState(app: CoreApp, actor: UserPublic, v: z.output<typeof transferStateInput>): { id: number; from: string; to: string; caseNo: string } {
  const before = getTransferWithCase(app, v.transferId);
  const after = transitionTransfer(app, actor, v.transferId, v.toState, { effectiveOn: v.effectiveOn, reason: v.reason, expectedVersion: v.version, newCaseNo: v.newCaseNo });
  return { id: after.id, from: before.state, to: after.state, caseNo: after.caseNo };
}

/** The correctable columns: input key → transfers column (the event keeps the input key, which the as-of rebuild reads). */
const EDITABLE: Record<string, string> = {
  mode: 'mode',
  reasons: 'reasons',
  reasonOther: 'reason_other',
  initiatedBy: 'initiated_by',
  decidingCourtCode: 'deciding_court_code',
  decisionDocType: 'decision_doc_type',
  decisionDocNo: 'decision_doc_no',
  decisionOn: 'decision_on',
  deadlineOn: 'deadline_on',
  originalCourtCode: 'original_court_code',
  receivingCourtCode: 'receiving_court_code',
  receivingTeam: 'receiving_team',
  originalCaseNo: 'original_case_no',
  newCaseNo: 'new_case_no',
  requestedOn: 'requested_on',
  ourContact: 'our_contact',
  ourPhone: 'our_phone',
  theirContact: 'their_contact',
  theirPhone: 'their_phone',
};

/**
 * Corrects a transfer's details (a wrong 文书号, phone, court, date …). Same checks as a new one,
 * against the stored direction; only changed fields are written, and one 'edit' event keeps
 * { field: [old, new] } so reports for past weeks can undo the correction as of their cutoff.
 * Nothing changed is refused, so an empty save leaves no event and no audit line.
 */
export function updateTransfer(
  app: CoreApp,
  actor: UserPublic,
  v: z.output<typeof transferUpdateInput>,
): { id: number; caseNo: string; changed: string[] } {
  const t = getTransferWithCase(app, v.transferId);
  if (v.version !== t.version) fail('CONFLICT', '该交叉执行记录刚被他人修改，请刷新后再修改');
  if ((TRANSFER_FROZEN_STATES as readonly string[]).includes(t.state)) fail('INVALID_STATE', `该交叉执行记录已「${t.state}」，不能再修改`);
  const ours = getSettings(app).courtCode;
  courtKnown(app, v.decidingCourtCode, 'decidingCourtCode', '决定法院');
  courtKnown(app, v.originalCourtCode, 'originalCourtCode', '原执行法院');
  courtKnown(app, v.receivingCourtCode, 'receivingCourtCode', '承办法院');
  notFuture(app, { decisionOn: v.decisionOn, requestedOn: v.requestedOn }, { decisionOn: '决定日期', requestedOn: '报请日期' });
  const issue = transferDirectionIssues({ ...v, direction: t.direction })[0];
  if (issue) fail('INVALID_INPUT', `「${FIELD_LABELS[issue.path] ?? issue.path}」${issue.message}`, issue.path);
  // Our own side defaults to our court and our 案号, exactly as when the transfer was created.
  const original = v.originalCourtCode ?? (t.direction === '移入' ? null : ours);
  const receiving = v.receivingCourtCode ?? (t.direction === '移出' ? null : ours);
  if (t.direction === '移出' && receiving === ours) fail('INVALID_INPUT', '「承办法院」移出案件的承办法院不能是本院', 'receivingCourtCode');
  if (t.direction === '移入' && original === ours) fail('INVALID_INPUT', '「原执行法院」移入案件的原执行法院不能是本院', 'originalCourtCode');
  modeCourtAllowed(app, v.mode, t.direction as Direction, original, receiving, t.state === '草稿');
  const next: Record<string, unknown> = {
    mode: v.mode,
    reasons: JSON.stringify(v.reasons),
    reasonOther: n(v.reasonOther),
    initiatedBy: n(v.initiatedBy),
    decidingCourtCode: n(v.decidingCourtCode),
    decisionDocType: n(v.decisionDocType),
    decisionDocNo: n(v.decisionDocNo),
    decisionOn: n(v.decisionOn),
    deadlineOn: n(v.deadlineOn),
    originalCourtCode: original,
    receivingCourtCode: receiving,
    receivingTeam: n(v.receivingTeam),
    originalCaseNo: v.originalCaseNo ? v.originalCaseNo : t.direction !== '移入' ? t.caseNo : null,
    newCaseNo: n(v.newCaseNo),
    requestedOn: n(v.requestedOn),
    ourContact: n(v.ourContact),
    ourPhone: n(v.ourPhone) || null,
    theirContact: n(v.theirContact),
    theirPhone: n(v.theirPhone) || null,
  };
  const cols = Object.entries(EDITABLE).map(([k, c]) => `${c} AS "${k}"`).join(', ');
  const before = app.sqlite.prepare(`SELECT ${cols} FROM transfers WHERE id = ?`).get(t.id) as Record<string, unknown>;
  const diff: Record<string, [unknown, unknown]> = {};
  for (const k of Object.keys(EDITABLE)) if ((before[k] ?? null) !== next[k]) diff[k] = [before[k] ?? null, next[k]];
  const changed = Object.keys(diff);
  if (!changed.length) fail('INVALID_INPUT', '没有修改任何内容');
  const sets = changed.map((k) => `${EDITABLE[k]} = @${k}`);
  app.sqlite
    .prepare(`UPDATE transfers SET ${sets.join(', ')}, updated_at = @now, version = version + 1 WHERE id = @id AND version = @version`)
    .run({ ...Object.fromEntries(changed.map((k) => [k, next[k]])), now: app.now().toISOString(), id: t.id, version: t.version });
  // The event holds reasons as lists, not the stored JSON text, so it reads as what the user saw.
  if (diff.reasons) diff.reasons = [safeList(diff.reasons[0]), v.reasons];
  appendTransferEvent(app, actor, { transferId: t.id, kind: 'edit', effectiveOn: chinaToday(app.now()), data: diff });
  return { id: t.id, caseNo: t.caseNo, changed: changed.map((k) => FIELD_LABELS[k] ?? k) };
}

function safeList(s: unknown): unknown {
  try {
    return typeof s === 'string' ? JSON.parse(s) : s;
  } catch {
    return s;
  }
}

/** The mode's court rule (src/core/ledger/courts/modeCourts.ts): a refusal names the field; a warning does not block. */
function modeCourtAllowed(app: CoreApp, mode: TransferMode, direction: Direction, original: string | null, receiving: string | null, draft: boolean): void {
  const { field } = counterpartField(direction);
  const r = modeCourtCheck(app, { mode, direction, counterpart: field === 'originalCourtCode' ? original : receiving, draft });
  if (r.refusal) fail('INVALID_INPUT', r.refusal, field);
}
