/**
 * The standard catalogue of an enforcement file, as seeded into `efile_sections` by migration
 * efiles/0001_store. Source: 《人民法院执行文书立卷归档办法（试行）》(法发〔2006〕11号) and common
 * court practice as summarised in the domain brief §5.2 (❓ order unverified: each court edits its
 * own list in the table, so this list is only the starting point).
 *
 * Keywords drive the section suggestion on import (file name and first-page text); they are stored
 * with the section so a court can extend them. FROZEN: the migration is built from this list, so
 * never edit released entries — add a new migration instead.
 */
export type SeedSection = { volume: '正卷' | '副卷' | '局务'; name: string; keywords: string[] };

export const ZHENG_JUAN: SeedSection[] = [
  { volume: '正卷', name: '卷宗封面', keywords: ['卷宗封面', '卷皮'] },
  { volume: '正卷', name: '卷内目录', keywords: ['卷内目录'] },
  { volume: '正卷', name: '立案审批表、申请执行书（移送执行书）及附件', keywords: ['立案审批表', '立案登记表', '申请执行书', '移送执行书', '执行申请书'] },
  { volume: '正卷', name: '执行依据及生效证明', keywords: ['判决书', '调解书', '仲裁裁决', '公证债权文书', '生效证明', '执行依据', '支付令'] },
  { volume: '正卷', name: '当事人身份证明、授权委托书', keywords: ['身份证', '身份证明', '授权委托书', '法定代表人', '营业执照', '律师事务所函'] },
  { volume: '正卷', name: '受理通知书、执行通知书、报告财产令及送达回证', keywords: ['受理通知书', '执行通知书', '报告财产令', '风险告知书', '廉政监督卡'] },
  { volume: '正卷', name: '被执行人财产报告及核查材料', keywords: ['财产报告', '财产申报', '报告财产'] },
  { volume: '正卷', name: '财产查控材料', keywords: ['网络查控', '查控反馈', '调查笔录', '询问笔录', '查询', '总对总', '点对点'] },
  { volume: '正卷', name: '查封、扣押、冻结、扣划裁定书及协助执行通知书', keywords: ['查封', '扣押', '冻结', '扣划', '协助执行通知书', '协助执行'] },
  { volume: '正卷', name: '评估、拍卖、变卖、以物抵债材料', keywords: ['评估', '询价', '拍卖', '变卖', '以物抵债', '成交确认'] },
  { volume: '正卷', name: '限制消费令、纳入失信决定书', keywords: ['限制消费', '失信', '拘留决定书', '罚款决定书', '司法拘留', '拘留'] },
  { volume: '正卷', name: '执行和解协议及笔录', keywords: ['和解协议', '和解笔录', '执行和解'] },
  { volume: '正卷', name: '中止、终结、终结本次执行程序裁定书', keywords: ['中止执行', '终结执行', '终结本次执行', '终本'] },
  { volume: '正卷', name: '执行款收付凭证及发放材料', keywords: ['执行款', '案款', '收款凭证', '发放', '收据', '转账'] },
  { volume: '正卷', name: '结案通知书', keywords: ['结案通知书'] },
  { volume: '正卷', name: '送达回证', keywords: ['送达回证', '送达地址确认书', '邮寄送达'] },
  { volume: '正卷', name: '备考表', keywords: ['备考表'] },
  { volume: '正卷', name: '卷底', keywords: ['卷底'] },
];

export const FU_JUAN: SeedSection[] = [
  { volume: '副卷', name: '卷宗封面', keywords: ['卷宗封面', '卷皮'] },
  { volume: '副卷', name: '卷内目录', keywords: ['卷内目录'] },
  { volume: '副卷', name: '阅卷笔录', keywords: ['阅卷笔录'] },
  { volume: '副卷', name: '执行方案', keywords: ['执行方案', '执行计划'] },
  { volume: '副卷', name: '审查报告、案情报告', keywords: ['审查报告', '案情报告', '情况报告'] },
  { volume: '副卷', name: '各类审批表、审批意见', keywords: ['审批表', '审批意见', '报请', '移送审批', '执行措施审批', '案款发放审批'] },
  { volume: '副卷', name: '合议庭评议笔录', keywords: ['合议庭评议', '合议笔录', '评议笔录'] },
  { volume: '副卷', name: '审判委员会讨论记录', keywords: ['审判委员会', '审委会'] },
  { volume: '副卷', name: '内部请示与批复、领导批示', keywords: ['请示', '批复', '领导批示', '批示'] },
  { volume: '副卷', name: '法律文书签发稿、原本', keywords: ['签发稿', '原本', '签发'] },
  { volume: '副卷', name: '结案报告', keywords: ['结案报告', '结案审批'] },
  { volume: '副卷', name: '备考表', keywords: ['备考表'] },
  { volume: '副卷', name: '卷底', keywords: ['卷底'] },
];

/** Bureau records that belong to no case (weekly reports, statistics): local setting. */
export const JU_WU: SeedSection[] = [
  { volume: '局务', name: '周报及统计报表', keywords: ['周报', '统计', '报表'] },
  { volume: '局务', name: '其他局务文件', keywords: [] },
];

export const SEED_SECTIONS = [ZHENG_JUAN, FU_JUAN, JU_WU].flatMap((list) => list.map((s, i) => ({ ...s, id: `${s.volume}-${i + 1}`, order: i + 1 })));

/**
 * Where the app's own documents are filed (随案同步生成): one table for every generator, so a
 * generated document never depends on the keyword guess. The 审批表 and the 报请函/移送函 are the
 * court's internal request to another court, not served on the parties (issue 13): 副卷 item 6 of
 * the brief's list (各类审批表/审批意见: 交叉执行报请/移送审批). Weekly reports are bureau records.
 */
export const GENERATED_FILING: Record<'审批表' | '报请函' | '移送函' | '周报', { volume: '正卷' | '副卷' | '局务'; section: string }> = {
  审批表: { volume: '副卷', section: '各类审批表、审批意见' },
  报请函: { volume: '副卷', section: '各类审批表、审批意见' },
  移送函: { volume: '副卷', section: '各类审批表、审批意见' },
  周报: { volume: '局务', section: '周报及统计报表' },
};

/** The section a document goes to when nothing better is known (by volume). */
export const FALLBACK_SECTION: Record<'正卷' | '副卷' | '局务', string> = {
  正卷: '正卷-8',
  副卷: '副卷-5',
  局务: '局务-2',
};
