import type { z } from 'zod';
import type { transferInput, transferStateInput } from '../../../contract/calls/ledgerEdit';
import type { UserPublic } from '../../../contract/calls/common';
import type { TransferState } from '../../../contract/vocabulary';
import type { CoreApp } from '../../app';
import { fail } from '../../errors';
import { allowedTransitions, getTransferWithCase, transitionTransfer } from '../transferState';
import { caseExists, courtKnown, n, notFuture } from './guards';
import { getSettings } from '../../settings/settings';
import { chinaToday } from '../excelImport/analyseWorkbook';

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
