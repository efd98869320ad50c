import type { UserPublic } from '../../contract/calls/common';
import type { TransferMode } from '../../contract/vocabulary';
import type { CoreApp } from '../app';
import { fail } from '../errors';
import { notify, usersWithRole } from '../notifications/notifications';
import { getSettings } from '../settings/settings';
import { createDraftTransfer, getCase, moveTransfer, syncDraftTransfer, transferState, type CaseRow, type TransferFields } from './ledgerBridge';
import { AFTER_HANDOVER, assertCaseOpen, assertCourts, assertRequester, assertSubmittable, isOpen, needsSecondLevel } from './rules';
import { carryAttachments } from './attachments';
import { freezeLegal } from './legal';
import { getRequest, linksOf, openRequestForCase, isSuperseded, type RequestRecord } from './store';

export type DraftInput = {
  mode?: TransferMode;
  reasons?: string[];
  reasonOther?: string;
  receivingCourtCode?: string | null;
  receivingTeam?: string | null;
  proposal?: string;
  summaryProcess?: string;
  summaryProperty?: string;
  summaryGrounds?: string;
  caseIds?: number[];
};

const link = (id: number) => `/approvals/${id}`;
const fieldsOf = (r: RequestRecord): TransferFields => ({
  mode: r.mode,
  reasons: r.reasons,
  reasonOther: r.reasonOther,
  receivingCourtCode: r.receivingCourtCode,
  receivingTeam: r.receivingTeam,
});

function loadCases(app: CoreApp, caseIds: number[], exceptRequest?: number): CaseRow[] {
  const unique = [...new Set(caseIds)];
  return unique.map((id) => {
    const c = getCase(app, id);
    assertCaseOpen(c);
    const open = openRequestForCase(app, id, exceptRequest);
    if (open) fail('CONFLICT', `案件${c.caseNo}已在审批请求（编号 ${open}）中，请在该请求中处理`, 'caseIds');
    return c;
  });
}

/** Applies draft fields over a record (only what was given). */
function merge(r: RequestRecord, input: DraftInput): RequestRecord {
  const pick = <T>(v: T | undefined, old: T) => (v === undefined ? old : v);
  return {
    ...r,
    mode: pick(input.mode, r.mode),
    reasons: pick(input.reasons, r.reasons),
    reasonOther: pick(input.reasonOther, r.reasonOther ?? undefined) ?? null,
    receivingCourtCode: pick(input.receivingCourtCode, r.receivingCourtCode) || null,
    receivingTeam: pick(input.receivingTeam, r.receivingTeam) || null,
    proposal: pick(input.proposal, r.proposal),
    summaryProcess: pick(input.summaryProcess, r.summaryProcess),
    summaryProperty: pick(input.summaryProperty, r.summaryProperty),
    summaryGrounds: pick(input.summaryGrounds, r.summaryGrounds),
  };
}

function writeFields(app: CoreApp, r: RequestRecord): void {
  app.sqlite
    .prepare(
      `UPDATE approval_requests SET mode = ?, reasons = ?, reason_other = ?, receiving_court_code = ?, receiving_team = ?, proposal = ?,
         summary_process = ?, summary_property = ?, summary_grounds = ?, updated_at = ? WHERE id = ?`,
    )
    .run(r.mode, JSON.stringify(r.reasons), r.reasonOther, r.receivingCourtCode, r.receivingTeam, r.proposal, r.summaryProcess, r.summaryProperty, r.summaryGrounds, app.now().toISOString(), r.id);
}

function insertRequest(app: CoreApp, user: UserPublic, r: Omit<RequestRecord, 'id'>): number {
  const res = app.sqlite
    .prepare(
      `INSERT INTO approval_requests (root_id, version, supersedes_id, state, mode, reasons, reason_other, receiving_court_code, receiving_team,
         proposal, summary_process, summary_property, summary_grounds, requester_id, requester_name, created_at, updated_at)
       VALUES (?, ?, ?, '草稿', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(r.rootId, r.version, r.supersedesId, r.mode, JSON.stringify(r.reasons), r.reasonOther, r.receivingCourtCode, r.receivingTeam, r.proposal, r.summaryProcess, r.summaryProperty, r.summaryGrounds, user.id, user.displayName, r.createdAt, r.createdAt);
  const id = Number(res.lastInsertRowid);
  if (r.rootId === 0) app.sqlite.prepare('UPDATE approval_requests SET root_id = ? WHERE id = ?').run(id, id);
  return id;
}

function linkCase(app: CoreApp, requestId: number, position: number, caseId: number, transferId: number): void {
  app.sqlite.prepare('INSERT INTO approval_request_cases (request_id, position, case_id, transfer_id) VALUES (?, ?, ?, ?)').run(requestId, position, caseId, transferId);
}

/** A draft transfer of the case that no request holds yet (made in the ledger), reused rather than duplicated. */
function freeDraftTransfer(app: CoreApp, caseId: number): number | null {
  const r = app.sqlite
    .prepare(
      `SELECT t.id FROM transfers t WHERE t.case_id = ? AND t.state = '草稿'
         AND NOT EXISTS (SELECT 1 FROM approval_request_cases l JOIN approval_requests q ON q.id = l.request_id
                         WHERE l.transfer_id = t.id AND q.state IN ('草稿','待审批','待院领导审批'))
       ORDER BY t.id DESC LIMIT 1`,
    )
    .get(caseId) as { id: number } | undefined;
  return r?.id ?? null;
}

/** A handler starts a request for one or more cases; each case gets (or reuses) a draft transfer. */
export function createRequest(app: CoreApp, user: UserPublic, input: DraftInput & { mode: TransferMode; caseIds: number[] }): number {
  const cases = loadCases(app, input.caseIds);
  const now = app.now().toISOString();
  const base: RequestRecord = merge(
    {
      id: 0, rootId: 0, version: 1, supersedesId: null, state: '草稿', mode: input.mode, reasons: [], reasonOther: null,
      receivingCourtCode: null, receivingTeam: null, proposal: '', summaryProcess: '', summaryProperty: '', summaryGrounds: '',
      needsSecondLevel: false, requesterId: user.id, requesterName: user.displayName, createdAt: now, updatedAt: now,
      submittedAt: null, decidedAt: null, withdrawnAt: null, withdrawReason: null,
    },
    input,
  );
  assertCourts(app, base, cases);
  const id = insertRequest(app, user, base);
  cases.forEach((c, i) => {
    const existing = freeDraftTransfer(app, c.id);
    const transferId = existing ?? createDraftTransfer(app, user, c, fieldsOf(base));
    if (existing) syncDraftTransfer(app, user, existing, fieldsOf(base));
    linkCase(app, id, i, c.id, transferId);
  });
  return id;
}

/** Edits a draft. Anything submitted or decided is immutable (issue 4 §3). */
export function updateRequest(app: CoreApp, user: UserPublic, requestId: number, input: DraftInput): void {
  const r = getRequest(app, requestId);
  assertRequester(user, r, '修改请求');
  if (r.state !== '草稿') fail('INVALID_STATE', `该请求为「${r.state}」，不能修改；已决定的请求只能撤回或修改后重新报请（新版本）`);
  const next = merge(r, input);
  const links = linksOf(app, requestId);
  let cases: CaseRow[] = links.map((l) => getCase(app, l.caseId));
  if (input.caseIds) {
    cases = loadCases(app, input.caseIds, requestId);
    const keep = new Map(links.map((l) => [l.caseId, l.transferId]));
    app.sqlite.prepare('DELETE FROM approval_request_cases WHERE request_id = ?').run(requestId);
    cases.forEach((c, i) => {
      const transferId = keep.get(c.id) ?? freeDraftTransfer(app, c.id) ?? createDraftTransfer(app, user, c, fieldsOf(next));
      linkCase(app, requestId, i, c.id, transferId);
    });
  }
  assertCourts(app, next, cases);
  writeFields(app, next);
  for (const l of linksOf(app, requestId)) syncDraftTransfer(app, user, l.transferId, fieldsOf(next));
}

/** Submits a draft: completeness is checked, every transfer goes to 待审批, the deciders are told. */
export function submitRequest(app: CoreApp, user: UserPublic, requestId: number): RequestRecord {
  const r = getRequest(app, requestId);
  assertRequester(user, r, '提交请求');
  if (r.state !== '草稿') fail('INVALID_STATE', `该请求为「${r.state}」，不能再次提交`);
  const links = linksOf(app, requestId);
  assertSubmittable(app, r, links.map((l) => getCase(app, l.caseId)));
  const second = needsSecondLevel(app, r.mode);
  const now = app.now().toISOString();
  app.sqlite
    .prepare(`UPDATE approval_requests SET state = '待审批', submitted_at = ?, updated_at = ?, needs_second_level = ? WHERE id = ?`)
    .run(now, now, second ? 1 : 0, requestId);
  // What the ledger says when the request is reported (clock, grounds) is kept with this version.
  freezeLegal(app, r);
  for (const l of links) {
    const state = transferState(app, l.transferId);
    if (state !== '草稿' && state !== '已退回') fail('INVALID_STATE', `案件${l.caseNo}的移送记录为「${state}」，不能报请审批`);
    moveTransfer(app, user, l.transferId, '待审批', { requestId, version: r.version, action: '提交审批', note: `${user.displayName}提交审批（第 ${r.version} 版）` });
  }
  const deputy = getSettings(app).approvalDeputyUserId;
  const deciders = [...usersWithRole(app, ['chief']), ...(deputy ? [deputy] : [])].filter((id) => id !== user.id);
  notify(app, deciders, {
    kind: '新请求',
    title: `新的${r.mode}执行审批请求：${links.map((l) => l.caseNo).join('、')}`,
    body: `${user.displayName}提交${r.version > 1 ? `第 ${r.version} 版` : ''}，请审批。`,
    link: link(requestId),
    recordType: 'approval',
    recordId: requestId,
  });
  return getRequest(app, requestId);
}

/**
 * Withdraws a request. Pending: back to draft state in the ledger. Approved: the approval is
 * revoked — but only before the hand-over (after 已移送 it can only be followed by new events).
 */
export function withdrawRequest(app: CoreApp, user: UserPublic, requestId: number, reason: string): RequestRecord {
  const r = getRequest(app, requestId);
  assertRequester(user, r, '撤回请求');
  if (isSuperseded(app, requestId)) fail('INVALID_STATE', '该版本已有新版本，请在最新版本上操作');
  if (r.state === '已撤回') fail('INVALID_STATE', '该请求已撤回');
  if (r.state === '已退回' || r.state === '不同意') fail('INVALID_STATE', `该请求已${r.state}，无需撤回；可修改后重新报请`);
  const links = linksOf(app, requestId);
  if (r.state === '已同意') {
    const moved = links.find((l) => AFTER_HANDOVER.includes(l.transferState));
    if (moved) fail('INVALID_STATE', `案件${moved.caseNo}已进入「${moved.transferState}」，审批不能撤销，只能在台账中追加新的记录`);
  }
  const now = app.now().toISOString();
  app.sqlite.prepare(`UPDATE approval_requests SET state = '已撤回', withdrawn_at = ?, withdraw_reason = ?, updated_at = ? WHERE id = ?`).run(now, reason, now, requestId);
  for (const l of links) {
    if (l.transferState === '待审批' || l.transferState === '已批准' || l.transferState === '已决定') {
      moveTransfer(app, user, l.transferId, '草稿', { requestId, version: r.version, action: '撤回', reason });
    }
  }
  if (r.state !== '草稿') {
    const deputy = getSettings(app).approvalDeputyUserId;
    const told = [...usersWithRole(app, r.state === '待院领导审批' ? ['chief', 'leader'] : ['chief']), ...(deputy ? [deputy] : [])];
    notify(app, told.filter((id) => id !== user.id), {
      kind: '撤回',
      title: `审批请求已撤回：${links.map((l) => l.caseNo).join('、')}`,
      body: `${user.displayName}撤回，原因：${reason}`,
      link: link(requestId),
      recordType: 'approval',
      recordId: requestId,
    });
  }
  return getRequest(app, requestId);
}

/**
 * Starts a new version from a decided or withdrawn one: a copy in 草稿 that the handler edits and
 * submits; the old version stays as it was (history kept, issue 4 §3).
 */
export function reviseRequest(app: CoreApp, user: UserPublic, requestId: number): number {
  const r = getRequest(app, requestId);
  assertRequester(user, r, '重新报请');
  if (isOpen(r)) fail('INVALID_STATE', `该请求为「${r.state}」，可直接修改或等待审批，无需新建版本`);
  if (r.state === '已同意') fail('INVALID_STATE', '该请求已同意；如需改变，请先撤回（移送前）');
  if (isSuperseded(app, requestId)) fail('INVALID_STATE', '该版本已有新版本，请在最新版本上操作');
  const links = linksOf(app, requestId);
  const cases = loadCases(app, links.map((l) => l.caseId), requestId);
  const now = app.now().toISOString();
  const id = insertRequest(app, user, { ...r, rootId: r.rootId, version: r.version + 1, supersedesId: r.id, state: '草稿', createdAt: now, updatedAt: now });
  cases.forEach((c, i) => {
    const old = links.find((l) => l.caseId === c.id)!;
    const state = transferState(app, old.transferId);
    // A transfer the chief returned or that was withdrawn carries on; a refused one stays refused and a new one starts.
    const transferId = state === '草稿' || state === '已退回' ? old.transferId : createDraftTransfer(app, user, c, fieldsOf(r));
    linkCase(app, id, i, c.id, transferId);
  });
  carryAttachments(app, r.id, id);
  return id;
}
