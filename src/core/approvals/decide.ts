import type { UserPublic } from '../../contract/calls/common';
import type { DecisionOutcome } from '../../contract/calls/approvals';
import { ROLE_LABELS } from '../../contract/roles';
import type { CoreApp } from '../app';
import { notify, usersWithRole } from '../notifications/notifications';
import { moveTransfer, noteApproval } from './ledgerBridge';
import { assertMayDecide, isDeputy, normaliseOpinion } from './rules';
import { getRequest, linksOf, type RequestRecord } from './store';
import { chinaDate } from './time';

const FINAL_STATE = { 同意: '已同意', 退回补充: '已退回', 不同意: '不同意' } as const;
const TRANSFER_STATE = { 同意: '已批准', 退回补充: '已退回', 不同意: '不予批准' } as const;

function titleOf(app: CoreApp, user: UserPublic, level: 1 | 2): string {
  if (level === 2) return ROLE_LABELS.leader;
  return user.role === 'chief' ? ROLE_LABELS.chief : `${ROLE_LABELS.chief}（代）`;
}

/**
 * The chief's (or leader's) decision. Stored as a decision row and as an 'approval' event on
 * every transfer of the request, in the caller's transaction; the requester is notified at once.
 * A first-level 同意 on a request that needs the second level passes it to the 分管院领导.
 */
export function decideRequest(app: CoreApp, user: UserPublic, requestId: number, outcome: DecisionOutcome, rawOpinion: string): RequestRecord {
  const r = getRequest(app, requestId);
  const level = assertMayDecide(app, user, r);
  const opinion = normaliseOpinion(outcome, rawOpinion);
  const now = app.now().toISOString();
  const title = titleOf(app, user, level);
  app.sqlite
    .prepare(
      `INSERT INTO approval_decisions (request_id, level, outcome, opinion, decider_id, decider_name, decider_title, decided_at, decided_on)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(requestId, level, outcome, opinion, user.id, user.displayName, title, now, chinaDate(app.now()));

  const goesUp = level === 1 && outcome === '同意' && r.needsSecondLevel;
  const links = linksOf(app, requestId);
  const event = { requestId, version: r.version, level, outcome, opinion, decider: user.displayName, deciderTitle: title, deputy: isDeputy(app, user) && user.role !== 'chief' };
  if (goesUp) {
    app.sqlite.prepare(`UPDATE approval_requests SET state = '待院领导审批', updated_at = ? WHERE id = ?`).run(now, requestId);
    for (const l of links) noteApproval(app, user, l.transferId, { ...event, note: '报分管院领导审批' });
    notify(app, usersWithRole(app, ['leader']).filter((id) => id !== r.requesterId), {
      kind: '新请求',
      title: `待您审批（${r.mode}）：${links.map((l) => l.caseNo).join('、')}`,
      body: `${title}${user.displayName}已同意：${opinion}`,
      link: `/approvals/${requestId}`,
      recordType: 'approval',
      recordId: requestId,
    });
  } else {
    app.sqlite.prepare('UPDATE approval_requests SET state = ?, decided_at = ?, updated_at = ? WHERE id = ?').run(FINAL_STATE[outcome], now, now, requestId);
    for (const l of links) moveTransfer(app, user, l.transferId, TRANSFER_STATE[outcome], event);
  }
  notify(app, [r.requesterId], {
    kind: outcome === '退回补充' ? '退回' : '审批结果',
    title: goesUp
      ? `${title}已同意，待分管院领导审批：${links.map((l) => l.caseNo).join('、')}`
      : `审批${outcome === '同意' ? '已同意' : outcome === '退回补充' ? '退回补充' : '不同意'}：${links.map((l) => l.caseNo).join('、')}`,
    body: `${title}${user.displayName}：${opinion}`,
    link: `/approvals/${requestId}`,
    recordType: 'approval',
    recordId: requestId,
  });
  return getRequest(app, requestId);
}
