/**
 * The ledger's fixed vocabularies (domain brief §1.4, §4.2, §6.1, §9). Shared by the contract,
 * the core and the UI so one list is the truth.
 */
export const TRANSFER_MODES = ['督促', '指令', '提级', '集中', '协同', '委托', '院内交叉'] as const;
export const DIRECTIONS = ['移出', '移入', '院内'] as const;
export const TRANSFER_REASONS = ['不当干预', '消极执行', '力量不足', '关联案件', '疑难复杂', '超六个月未执行', '其他'] as const;
export const INITIATED_BY = ['依申请', '依职权', '上级交办'] as const;
export const DECISION_DOC_TYPES = ['督促执行令', '裁定书', '决定书', '函', '内部审批'] as const;
export const CASE_TYPE_CODES = ['执', '执恢', '执保', '执异', '执复', '执监', '执协', '执他'] as const;
export const CLOSURE_TYPES = ['执行完毕', '终结本次执行程序', '终结执行', '销案', '不予执行', '驳回申请'] as const;
/** 民诉法解释（2022）第五百一十七条: 终本 needs the applicant's signed confirmation, or panel review plus the president's approval. */
export const ZHONGBEN_BASES = ['申请执行人签字确认', '合议庭评议并经院长批准'] as const;
/** 执行审查类 type codes (法发〔2014〕26号; brief §3.3): review cases, never closed by 终本. */
export const REVIEW_TYPE_CODES = ['执异', '执复', '执监', '执协', '执他'] as const;
export const MEASURES = [
  '网络查控', '查封', '扣押', '冻结', '扣划', '评估拍卖', '以物抵债', '限制消费', '失信', '拘传', '罚款', '拘留', '搜查', '移送拒执', '执行和解', '委托执行情况函复', '其他',
] as const;
export const DEDUCTION_KINDS = ['公告', '鉴定评估', '管辖争议', '执行协调', '暂缓', '中止'] as const;
export const TRANSFER_STATES = [
  '草稿', '待审批', '已批准', '已退回', '不予批准', '已决定', '已移送', '已立案', '办理中', '已化解', '已结案', '已退出',
] as const;
export const PARTY_SIDES = ['申请执行人', '被执行人'] as const;
export const PARTY_KINDS = ['自然人', '法人或其他组织'] as const;

export type TransferMode = (typeof TRANSFER_MODES)[number];
export type Direction = (typeof DIRECTIONS)[number];
export type TransferState = (typeof TRANSFER_STATES)[number];
export type ClosureType = (typeof CLOSURE_TYPES)[number];
export type Measure = (typeof MEASURES)[number];
