import type { DecisionOutcome, RequestRow, RequestState } from '../../contract/calls/approvals';
import type { TransferMode, TransferState } from '../../contract/vocabulary';
import type { CoreApp } from '../app';
import { notFound } from '../errors';

/** One stored version of a request, as the core works with it. */
export type RequestRecord = {
  id: number;
  rootId: number;
  version: number;
  supersedesId: number | null;
  state: RequestState;
  mode: TransferMode;
  reasons: string[];
  reasonOther: string | null;
  receivingCourtCode: string | null;
  receivingTeam: string | null;
  proposal: string;
  summaryProcess: string;
  summaryProperty: string;
  summaryGrounds: string;
  needsSecondLevel: boolean;
  requesterId: number;
  requesterName: string;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  decidedAt: string | null;
  withdrawnAt: string | null;
  withdrawReason: string | null;
};

export type RequestCaseLink = { caseId: number; transferId: number; caseNo: string; transferState: TransferState };

export type DecisionRecord = {
  id: number;
  requestId: number;
  level: number;
  outcome: DecisionOutcome;
  opinion: string;
  deciderId: number;
  deciderName: string;
  deciderTitle: string;
  decidedAt: string;
  decidedOn: string;
};

const SELECT_REQUEST = `SELECT id, root_id AS rootId, version, supersedes_id AS supersedesId, state, mode, reasons, reason_other AS reasonOther,
  receiving_court_code AS receivingCourtCode, receiving_team AS receivingTeam, proposal, summary_process AS summaryProcess,
  summary_property AS summaryProperty, summary_grounds AS summaryGrounds, needs_second_level AS needsSecondLevel,
  requester_id AS requesterId, requester_name AS requesterName, created_at AS createdAt, updated_at AS updatedAt,
  submitted_at AS submittedAt, decided_at AS decidedAt, withdrawn_at AS withdrawnAt, withdraw_reason AS withdrawReason
  FROM approval_requests`;

type RawRequest = Omit<RequestRecord, 'reasons' | 'needsSecondLevel'> & { reasons: string; needsSecondLevel: number };

const toRecord = (r: RawRequest): RequestRecord => ({ ...r, reasons: JSON.parse(r.reasons) as string[], needsSecondLevel: r.needsSecondLevel === 1 });

export function findRequest(app: CoreApp, id: number): RequestRecord | null {
  const r = app.sqlite.prepare(`${SELECT_REQUEST} WHERE id = ?`).get(id) as RawRequest | undefined;
  return r ? toRecord(r) : null;
}

export function getRequest(app: CoreApp, id: number): RequestRecord {
  return findRequest(app, id) ?? notFound(`审批请求（编号 ${id}）`);
}

export function versionsOf(app: CoreApp, rootId: number): RequestRecord[] {
  return (app.sqlite.prepare(`${SELECT_REQUEST} WHERE root_id = ? ORDER BY version`).all(rootId) as RawRequest[]).map(toRecord);
}

export function isSuperseded(app: CoreApp, id: number): boolean {
  return !!app.sqlite.prepare('SELECT 1 FROM approval_requests WHERE supersedes_id = ?').get(id);
}

export function linksOf(app: CoreApp, requestId: number): RequestCaseLink[] {
  return app.sqlite
    .prepare(
      `SELECT l.case_id AS caseId, l.transfer_id AS transferId, c.case_no AS caseNo, t.state AS transferState
       FROM approval_request_cases l JOIN cases c ON c.id = l.case_id JOIN transfers t ON t.id = l.transfer_id
       WHERE l.request_id = ? ORDER BY l.position`,
    )
    .all(requestId) as RequestCaseLink[];
}

export function decisionsOf(app: CoreApp, requestId: number): DecisionRecord[] {
  return app.sqlite
    .prepare(
      `SELECT id, request_id AS requestId, level, outcome, opinion, decider_id AS deciderId, decider_name AS deciderName,
              decider_title AS deciderTitle, decided_at AS decidedAt, decided_on AS decidedOn
       FROM approval_decisions WHERE request_id = ? ORDER BY id`,
    )
    .all(requestId) as DecisionRecord[];
}

export function courtName(app: CoreApp, code: string | null): string | null {
  if (!code) return null;
  const r = app.sqlite.prepare('SELECT name FROM courts WHERE code = ?').get(code) as { name: string } | undefined;
  return r?.name ?? null;
}

/** The list shape of a request. */
export function toRow(app: CoreApp, r: RequestRecord): RequestRow {
  const last = app.sqlite
    .prepare('SELECT outcome FROM approval_decisions WHERE request_id = ? ORDER BY id DESC LIMIT 1')
    .get(r.id) as { outcome: DecisionOutcome } | undefined;
  return {
    id: r.id,
    rootId: r.rootId,
    version: r.version,
    state: r.state,
    mode: r.mode,
    caseNos: linksOf(app, r.id).map((l) => l.caseNo),
    receivingCourtName: courtName(app, r.receivingCourtCode),
    receivingTeam: r.receivingTeam,
    requesterId: r.requesterId,
    requesterName: r.requesterName,
    needsSecondLevel: r.needsSecondLevel,
    createdAt: r.createdAt,
    submittedAt: r.submittedAt,
    decidedAt: r.decidedAt,
    lastOutcome: last?.outcome ?? null,
    superseded: isSuperseded(app, r.id),
  };
}

/** The open (not yet decided) request a case is already in, if any: one case, one open request. */
export function openRequestForCase(app: CoreApp, caseId: number, except?: number): number | null {
  const r = app.sqlite
    .prepare(
      `SELECT r.id FROM approval_request_cases l JOIN approval_requests r ON r.id = l.request_id
       WHERE l.case_id = ? AND r.state IN ('草稿','待审批','待院领导审批') AND r.id <> ? LIMIT 1`,
    )
    .get(caseId, except ?? 0) as { id: number } | undefined;
  return r?.id ?? null;
}
