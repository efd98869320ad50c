import type { RequestState } from '../../../contract/calls/approvals';

/** Badge colours of request states: grey drafts, blue waiting, green approved, orange returned, red refused. */
export const REQUEST_COLOR: Record<RequestState, string> = {
  草稿: 'gray',
  待审批: 'blue',
  待院领导审批: 'indigo',
  已同意: 'teal',
  已退回: 'orange',
  不同意: 'red',
  已撤回: 'dark',
};

export const OUTCOME_COLOR: Record<string, string> = { 同意: 'teal', 退回补充: 'orange', 不同意: 'red' };

/** What each transfer mode means, for the mode picker. */
export const MODE_HINT: Record<string, string> = {
  督促: '上级法院督促本院限期执行',
  指令: '报请中院指令其他法院执行',
  提级: '报请中院提级执行',
  集中: '多件关联案件报请集中到一院执行',
  协同: '报请中院组织协同执行',
  委托: '委托异地法院执行（移送函）',
  院内交叉: '本院内部换团队执行',
};
