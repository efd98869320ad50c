import type { CaseView } from '../../../contract/calls/ledgerView';
import type { CoreApp } from '../../app';
import { notFound } from '../../errors';
import { nextStates } from '../edit/transfers';
import { duplicateOf } from '../caseNumber';
import type { TransferState } from '../../../contract/vocabulary';

/** The case page's data in one read: the case, parties, transfers with their events, progress, deductions, supervision. */
export function caseView(app: CoreApp, caseId: number): CaseView {
  const db = app.sqlite;
  const c = db
    .prepare(
      `SELECT c.id, c.case_no AS caseNo, c.court_code AS courtCode, ct.name AS courtName, c.cause, c.basis_title AS basisTitle, c.basis_doc_no AS basisDocNo,
         c.application_received_on AS applicationReceivedOn, c.property_found_on AS propertyFoundOn, c.filed_on AS filedOn, c.closed_on AS closedOn,
         c.closure_type AS closureType, c.zhongben_basis AS zhongbenBasis, c.amount_due_fen AS amountDueFen, c.handler_id AS handlerId, u.display_name AS handlerName, c.note, c.source,
         c.created_at AS createdAt, c.updated_at AS updatedAt
       FROM cases c LEFT JOIN users u ON u.id = c.handler_id LEFT JOIN courts ct ON ct.code = c.court_code WHERE c.id = ?`,
    )
    .get(caseId) as Omit<CaseView['case'], 'duplicateOf'> | undefined;
  if (!c) return notFound('案件');
  const parties = (
    db.prepare('SELECT id, side, kind, name, id_number AS idNumber, is_smb AS isSmb, is_livelihood AS isLivelihood, phone, address FROM parties WHERE case_id = ? ORDER BY side DESC, id').all(caseId) as (Omit<
      CaseView['parties'][number],
      'isSmb' | 'isLivelihood'
    > & { isSmb: number; isLivelihood: number })[]
  ).map((p) => ({ ...p, isSmb: !!p.isSmb, isLivelihood: !!p.isLivelihood }));
  const transfers = (
    db
      .prepare(
        `SELECT t.id, t.mode, t.direction, t.state, t.reasons, t.reason_other AS reasonOther, t.initiated_by AS initiatedBy, t.deciding_court_code AS decidingCourtCode, dc.name AS decidingCourt,
           t.decision_doc_type AS decisionDocType, t.decision_doc_no AS decisionDocNo, t.decision_on AS decisionOn, t.deadline_on AS deadlineOn,
           t.original_court_code AS originalCourtCode, oc.name AS originalCourt, t.receiving_court_code AS receivingCourtCode, rc.name AS receivingCourt,
           t.receiving_team AS receivingTeam, t.original_case_no AS originalCaseNo, t.new_case_no AS newCaseNo, t.requested_on AS requestedOn,
           t.handed_over_on AS handedOverOn, t.received_on AS receivedOn, t.filed_on AS filedOn, t.closed_on AS closedOn, t.our_contact AS ourContact,
           t.our_phone AS ourPhone, t.their_contact AS theirContact, t.their_phone AS theirPhone, t.exit_reason AS exitReason, t.initiated_by AS initiatedByRaw, u.display_name AS handlerName, t.version
         FROM transfers t LEFT JOIN courts dc ON dc.code = t.deciding_court_code LEFT JOIN courts oc ON oc.code = t.original_court_code
           LEFT JOIN courts rc ON rc.code = t.receiving_court_code LEFT JOIN users u ON u.id = t.handler_id
         WHERE t.case_id = ? ORDER BY t.id DESC`,
      )
      .all(caseId) as (Omit<CaseView['transfers'][number], 'reasons' | 'events' | 'nextStates'> & { reasons: string; initiatedByRaw: string | null })[]
  ).map(({ initiatedByRaw, ...t }) => ({
    ...t,
    reasons: safeList(t.reasons),
    nextStates: nextStates({ state: t.state as TransferState, direction: t.direction, initiatedBy: initiatedByRaw }),
    events: db
      .prepare(
        `SELECT id, at, effective_on AS effectiveOn, user_name AS userName, kind, from_state AS fromState, to_state AS toState, data
         FROM transfer_events WHERE transfer_id = ? ORDER BY id`,
      )
      .all(t.id) as CaseView['transfers'][number]['events'],
  }));
  const progress = (
    db
      .prepare(
        `SELECT p.id, p.transfer_id AS transferId, p.on_date AS onDate, p.measures, p.measure_other AS measureOther, p.amount_fen AS amountFen,
           p.substantive, p.resolved, p.text, p.recorded_at AS recordedAt, u.display_name AS recordedBy, p.voided_at AS voidedAt, p.void_reason AS voidReason
         FROM progress_entries p LEFT JOIN users u ON u.id = p.recorded_by WHERE p.case_id = ? ORDER BY p.on_date DESC, p.id DESC`,
      )
      .all(caseId) as (Omit<CaseView['progress'][number], 'measures' | 'substantive' | 'resolved'> & { measures: string; substantive: number; resolved: number })[]
  ).map((p) => ({ ...p, measures: safeList(p.measures), substantive: !!p.substantive, resolved: !!p.resolved }));
  const deductions = db
    .prepare('SELECT id, kind, start_on AS startOn, end_on AS endOn, note FROM deductions WHERE case_id = ? ORDER BY start_on')
    .all(caseId) as CaseView['deductions'];
  const supervisions = db
    .prepare(
      `SELECT id, transfer_id AS transferId, kind, status, raised_on AS raisedOn, reason, result, result_on AS resultOn
       FROM supervisions WHERE case_id = ? ORDER BY raised_on DESC, id DESC`,
    )
    .all(caseId) as CaseView['supervisions'];
  const recoveredFen = progress.filter((p) => !p.voidedAt).reduce((a, p) => a + p.amountFen, 0);
  return { case: { ...c, duplicateOf: duplicateOf(app, caseId) }, recoveredFen, parties, transfers, progress, deductions, supervisions };
}

function safeList(s: string | null): string[] {
  try {
    const v = JSON.parse(s ?? '[]');
    return Array.isArray(v) ? v.map(String) : [];
  } catch {
    return [];
  }
}
