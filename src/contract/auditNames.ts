import { calls, isCallName, type CallName } from './index';

/**
 * Chinese names for what the audit log records, so the audit page never shows an internal call name
 * or record type. A call's name is its contract `title` (one source, cannot drift); the few events
 * hosts and the core write outside a call are named here. `AuditRecordType` types every audit note
 * in the core, so a new record type does not compile until it has a name.
 */
export const AUDIT_RECORD_TYPES = {
  approval: '审批',
  approvalDocument: '审批文书',
  backup: '数据备份',
  case: '案件',
  court: '法院',
  deduction: '扣除期间',
  efile: '电子卷宗文件',
  efile_section: '卷宗目录',
  efile_store: '卷宗存储',
  exchange_export: '上报包',
  exchange_job: '上报包导出任务',
  exchange_key: '本院签名密钥',
  exchange_trust: '他院签名公钥',
  exchange_view: '上报包查阅',
  holidays: '节假日',
  ledgerExport: '台账导出',
  ledgerImport: '台账导入',
  ledgerImportSynonym: '导入用语对照',
  party: '当事人',
  payout: '案款发放',
  progress: '执行进展',
  savedView: '台账视图',
  settings: '设置',
  supervision: '督办',
  transfer: '交叉执行记录',
  user: '用户',
  weeklyReport: '周报',
} as const;
export type AuditRecordType = keyof typeof AUDIT_RECORD_TYPES;

/** Events written without a contract call of that name (demo loading, documents filed by the core, e-file reads). */
export const AUDIT_EVENT_TITLES = {
  'demo.load': '载入演示数据',
  'efiles.fileGenerated': '生成文书归档',
  'efiles.autoCatalogue': '文字识别后自动编目',
  'efiles.view': '查看卷宗文件',
  'efiles.download': '下载卷宗文件',
  'backup.restore': '恢复备份',
  'audit.rekey': '审计日志改用本机密钥校验',
  'cli export upward': '命令行导出上报包',
  'cli open': '命令行打开上报包',
  'cli key rotate': '命令行更换签名密钥',
} as const;
export type AuditEventName = keyof typeof AUDIT_EVENT_TITLES;
/** What an audit row may name: a contract call or one of the events above. */
export type AuditCallName = CallName | AuditEventName;

/** The Chinese name of an audit row's call; an unknown name (from an older version) reads as 其他操作, never the code. */
export function auditCallTitle(call: string): string {
  if (isCallName(call)) return calls[call].title;
  return (AUDIT_EVENT_TITLES as Record<string, string>)[call] ?? '其他操作';
}

export function auditRecordLabel(type: string | null): string {
  if (!type) return '—';
  return (AUDIT_RECORD_TYPES as Record<string, string>)[type] ?? '其他记录';
}
