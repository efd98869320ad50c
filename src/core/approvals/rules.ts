import type { UserPublic } from '../../contract/calls/common';
import type { DecisionOutcome } from '../../contract/calls/approvals';
import type { TransferMode, TransferState } from '../../contract/vocabulary';
import type { CoreApp } from '../app';
import { fail } from '../errors';
import { getSettings } from '../settings/settings';
import type { CaseRow } from './ledgerBridge';
import type { RequestRecord } from './store';

/**
 * The approval rules the server enforces (issue 4 §3). Each names its source: the domain brief
 * §9.4 ("reporting for cross-execution and transfers need 执行局长 approval, stored in the 副卷")
 * or a local setting.
 */

/** Modes whose receiving side is another court (执行程序解释 art. 11; 委托执行规定 art. 1). 督促 keeps the case here. */
const NEEDS_RECEIVING_COURT: readonly TransferMode[] = ['指令', '提级', '集中', '协同', '委托'];

/** Transfer states after the hand-over: an approval can no longer be revoked, only followed by new events. */
export const AFTER_HANDOVER: readonly TransferState[] = ['已移送', '已立案', '办理中', '已化解', '已结案', '已退出'];

export const isOpen = (r: RequestRecord) => r.state === '草稿' || r.state === '待审批' || r.state === '待院领导审批';
export const isDecided = (r: RequestRecord) => r.state === '已同意' || r.state === '已退回' || r.state === '不同意';

/** A closed case cannot be reported for cross-execution: there is nothing left to enforce. */
export function assertCaseOpen(c: CaseRow): void {
  if (c.closedOn || c.closureType) {
    fail('INVALID_STATE', `案件${c.caseNo}已结案（${c.closureType ?? '已结案'}${c.closedOn ? `，${c.closedOn}` : ''}），不能报请交叉执行`, 'caseIds');
  }
}

/** Checks that hold for drafts too: a receiving court that is the original court is never right. */
export function assertCourts(app: CoreApp, r: Pick<RequestRecord, 'mode' | 'receivingCourtCode'>, cases: CaseRow[]): void {
  if (!r.receivingCourtCode) return;
  const known = app.sqlite.prepare('SELECT name FROM courts WHERE code = ?').get(r.receivingCourtCode) as { name: string } | undefined;
  if (!known) fail('INVALID_INPUT', `「拟接收法院」${r.receivingCourtCode} 不在法院名录中，请从列表中选择`, 'receivingCourtCode');
  for (const c of cases) {
    if (c.courtCode === r.receivingCourtCode) {
      fail('INVALID_INPUT', `「拟接收法院」不能是原执行法院（${known!.name}，案件${c.caseNo}）`, 'receivingCourtCode');
    }
  }
}

/** Completeness checks made when the handler submits (a draft may be saved half-filled). */
export function assertSubmittable(app: CoreApp, r: RequestRecord, cases: CaseRow[]): void {
  if (cases.length === 0) fail('INVALID_INPUT', '「案件」请至少选择一件案件', 'caseIds');
  if (r.mode === '集中' && cases.length < 2) {
    // 集中执行 gathers several related cases at one court (domain brief §1.3 item 2).
    fail('INVALID_INPUT', '「案件」集中执行应包含两件以上关联案件', 'caseIds');
  }
  for (const c of cases) assertCaseOpen(c);
  if (r.reasons.length === 0) fail('INVALID_INPUT', '「报请理由」请至少选择一项', 'reasons');
  if (r.reasons.includes('其他') && !r.reasonOther?.trim()) fail('INVALID_INPUT', '「其他理由」选择“其他”时请写明理由', 'reasonOther');
  if (NEEDS_RECEIVING_COURT.includes(r.mode) && !r.receivingCourtCode) {
    fail('INVALID_INPUT', `「拟接收法院」${r.mode}执行须写明拟接收法院`, 'receivingCourtCode');
  }
  if (r.mode === '院内交叉' && !r.receivingTeam?.trim()) fail('INVALID_INPUT', '「拟接收团队/承办人」院内交叉须写明拟接收的团队或承办人', 'receivingTeam');
  assertCourts(app, r, cases);
  if (!r.summaryGrounds.trim()) fail('INVALID_INPUT', '「申请理由」请填写', 'summaryGrounds');
  if (!r.summaryProcess.trim()) fail('INVALID_INPUT', '「执行经过」请填写', 'summaryProcess');
}

/** Who may read a request: the requester, the handlers of its cases, and the deciders. */
export function canRead(app: CoreApp, user: UserPublic, r: RequestRecord, handlerIds: (number | null)[]): boolean {
  if (user.role === 'chief' || user.role === 'leader') return true;
  if (isDeputy(app, user)) return true;
  return r.requesterId === user.id || handlerIds.includes(user.id);
}

export function assertRequester(user: UserPublic, r: RequestRecord, what: string): void {
  if (r.requesterId !== user.id) fail('FORBIDDEN', `只有报请人（${r.requesterName}）可以${what}`);
}

export function isDeputy(app: CoreApp, user: UserPublic): boolean {
  const deputy = getSettings(app).approvalDeputyUserId;
  return deputy != null && deputy === user.id;
}

/** The level a request waits for: 1 = the chief (or deputy), 2 = the 分管院领导. */
export function pendingLevel(r: RequestRecord): 1 | 2 | null {
  return r.state === '待审批' ? 1 : r.state === '待院领导审批' ? 2 : null;
}

/** May this user decide at this level? Only the chief or the configured deputy (level 1), only a leader (level 2). */
export function mayDecideLevel(app: CoreApp, user: UserPublic, level: 1 | 2): boolean {
  if (level === 1) return user.role === 'chief' || isDeputy(app, user);
  return user.role === 'leader';
}

/** The server's check before a decision (issue 4 §3). */
export function assertMayDecide(app: CoreApp, user: UserPublic, r: RequestRecord): 1 | 2 {
  const level = pendingLevel(r);
  if (level === null) {
    if (isDecided(r)) fail('INVALID_STATE', `该请求已于审批结束（${r.state}），决定不能更改；如需改变，请由报请人撤回或重新报请`);
    fail('INVALID_STATE', `该请求当前为「${r.state}」，不在待审批状态`);
  }
  if (!mayDecideLevel(app, user, level!)) {
    fail('FORBIDDEN', level === 1 ? '只有执行局长（或设置中指定的代理审批人）可以审批' : '该请求待分管院领导审批，只有分管院领导可以决定');
  }
  if (r.requesterId === user.id) fail('FORBIDDEN', '不能审批本人提交的请求');
  return level!;
}

/** Opinion rules: 退回 and 不同意 must say why; 同意 defaults to “同意。”. */
export function normaliseOpinion(outcome: DecisionOutcome, opinion: string): string {
  const o = opinion.trim();
  if (outcome === '退回补充' && !o) fail('INVALID_INPUT', '「审批意见」退回补充时请写明需要补充的内容', 'opinion');
  if (outcome === '不同意' && !o) fail('INVALID_INPUT', '「审批意见」不同意时请写明理由', 'opinion');
  return o || '同意。';
}

/** Does this request need the second level? (local setting, snapshot at submission) */
export function needsSecondLevel(app: CoreApp, mode: TransferMode): boolean {
  const s = getSettings(app);
  return s.approvalSecondLevel && s.approvalSecondLevelModes.includes(mode);
}
