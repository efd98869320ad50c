import type { RequestDetail } from '../../contract/calls/approvals';
import type { UserPublic } from '../../contract/calls/common';
import type { CoreApp } from '../app';
import { fail } from '../errors';
import { getSettings } from '../settings/settings';
import { attachmentsOf } from './attachments';
import { documentsOf } from './documents/store';
import { caseHistory, getCase, partiesOf } from './ledgerBridge';
import { caseLegal, requestOffloadWarnings } from './legal';
import { AFTER_HANDOVER, canRead, isOpen, mayDecideLevel, pendingLevel } from './rules';
import { courtName, decisionsOf, getRequest, isSuperseded, linksOf, toRow, versionsOf, type DecisionRecord, type RequestRecord } from './store';

const decisionOut = (d: DecisionRecord) => ({
  id: d.id,
  level: d.level,
  outcome: d.outcome,
  opinion: d.opinion,
  deciderId: d.deciderId,
  deciderName: d.deciderName,
  deciderTitle: d.deciderTitle,
  decidedAt: d.decidedAt,
  decidedOn: d.decidedOn,
});

/** Loads a request for a reader, refusing those who may not see it (record-level check). */
export function readableRequest(app: CoreApp, user: UserPublic, requestId: number): RequestRecord {
  const r = getRequest(app, requestId);
  const handlers = linksOf(app, requestId).map((l) => getCase(app, l.caseId).handlerId);
  if (!canRead(app, user, r, handlers)) fail('FORBIDDEN', '只有报请人、案件承办人和审批人可以查看该请求');
  return r;
}

/** Everything the request page shows: the request, its cases with their history, decisions, files, versions. */
export function requestDetail(app: CoreApp, user: UserPublic, requestId: number): RequestDetail {
  const r = readableRequest(app, user, requestId);
  const links = linksOf(app, requestId);
  const superseded = isSuperseded(app, requestId);
  const level = pendingLevel(r);
  const mine = r.requesterId === user.id;
  const handedOver = links.some((l) => AFTER_HANDOVER.includes(l.transferState));
  const own = getSettings(app).courtCode;
  const firstCase = links[0] ? getCase(app, links[0].caseId) : null;
  const originalCourtCode = firstCase?.courtCode ?? own;
  return {
    request: {
      ...toRow(app, r),
      reasons: r.reasons as RequestDetail['request']['reasons'],
      reasonOther: r.reasonOther,
      receivingCourtCode: r.receivingCourtCode,
      proposal: r.proposal,
      summaryProcess: r.summaryProcess,
      summaryProperty: r.summaryProperty,
      summaryGrounds: r.summaryGrounds,
      withdrawnAt: r.withdrawnAt,
      withdrawReason: r.withdrawReason,
      originalCourtCode,
      originalCourtName: courtName(app, originalCourtCode) ?? getSettings(app).courtName,
    },
    cases: links.map((l) => {
      const c = getCase(app, l.caseId);
      return {
        caseId: c.id,
        caseNo: c.caseNo,
        cause: c.cause,
        filedOn: c.filedOn,
        closedOn: c.closedOn,
        amountDueFen: c.amountDueFen,
        ...partiesOf(app, c.id),
        handlerName: c.handlerName,
        transferId: l.transferId,
        transferState: l.transferState,
        legal: caseLegal(app, r, c.id),
        history: caseHistory(app, c.id),
      };
    }),
    offloadWarnings: requestOffloadWarnings(app, r, links),
    decisions: decisionsOf(app, requestId).map(decisionOut),
    attachments: attachmentsOf(app, requestId),
    documents: documentsOf(app, requestId),
    versions: versionsOf(app, r.rootId).map((v) => ({
      id: v.id,
      version: v.version,
      state: v.state,
      submittedAt: v.submittedAt,
      decisions: decisionsOf(app, v.id).map(decisionOut),
    })),
    can: {
      edit: mine && r.state === '草稿',
      submit: mine && r.state === '草稿',
      withdraw: mine && !superseded && (isOpen(r) || (r.state === '已同意' && !handedOver)),
      revise: mine && !superseded && (r.state === '已退回' || r.state === '不同意' || r.state === '已撤回'),
      decide: level !== null && !mine && mayDecideLevel(app, user, level),
      decideLevel: level,
    },
  };
}
