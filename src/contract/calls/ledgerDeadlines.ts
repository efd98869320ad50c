import { z } from 'zod';
import { defineCall } from '../define';
import { CASE_ROLES } from '../roles';
import { TRANSFER_MODES, TRANSFER_REASONS, DIRECTIONS } from '../vocabulary';
import { id, legalDate } from './common';

/**
 * Legal calendar administration, deadlines and reminders, case discovery (issue 3 items 3–6).
 * Every rule the domain brief marks unverified (❓) is one of the settings below, with its source.
 */
export const deadlineSettings = z.object({
  /** 民诉法85 / 民法典203 ❓ (domain brief §2): whether a 调休上班 weekend day counts as a working day on which a period can end. Default: yes. */
  makeUpDayCounts: z.boolean(),
  /** Local rule ❓ (brief §6.3; 7-day pattern of 委托执行规定): the receiving court registers a transferred case within N days of receipt. */
  filingDays: z.number().int().min(1, '至少 1 日').max(60, '不超过 60 日'),
  /** Local rule ❓ (brief §6.3, 次日填报): a filed cross case's information is entered by the next working day. */
  entryNextWorkingDay: z.boolean(),
  /** Hubei local rule 🟡 (嘉鱼法院 2024; brief §6.2): case money is paid out within N days of arrival (SPC 法发〔2017〕6号: 30). */
  payoutDays: z.number().int().min(1, '至少 1 日').max(60, '不超过 60 日'),
  /** Local setting: a deadline this many days away or fewer is shown as 即将到期. */
  reminderSoonDays: z.number().int().min(0).max(30, '不超过 30 日'),
  /** Local setting ❓ (四川「6553」uses ≥10 cases across courts): one debtor with at least this many open cases is a discovery candidate. */
  debtorOpenCasesThreshold: z.number().int().min(2, '至少 2 件').max(100),
  /** Local setting ❓: a 终本 case registered more than this many months ago counts as 超长期未结. */
  longPendingMonths: z.number().int().min(6, '至少 6 个月').max(240),
  /** Soft warning ❓ (2024 opinion Part V, 甩包袱 not verified): a case registered less than this many months ago is "too young" to report out. */
  offloadMinCaseMonths: z.number().int().min(0).max(60),
  /** Local setting (法〔2021〕322号 item 31, 一案双查): a stall at the original court longer than this many months raises the check. */
  doubleCheckStallMonths: z.number().int().min(1).max(60),
  /** Local setting ❓ (执行程序解释 第十三条 names the intervals, not how long one may stay open): an interval still open after this many days raises a soft reminder to record its end. */
  openDeductionDays: z.number().int().min(7, '至少 7 日').max(730, '不超过 730 日'),
});
export type DeadlineSettings = z.infer<typeof deadlineSettings>;

export const REMINDER_KINDS = ['filing', 'entry', 'urge', 'sixMonth', 'deduction', 'zhongben', 'payout', 'entrustStart', 'entrustReport', 'weekly'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];
export const REMINDER_KIND_LABELS: Record<ReminderKind, string> = {
  filing: '移入立案',
  entry: '信息填报',
  urge: '督促限期',
  sixMonth: '六个月期限',
  deduction: '扣除期间未结束',
  zhongben: '终本三个月',
  payout: '案款发放',
  entrustStart: '委托执行开始',
  entrustReport: '委托执行函复',
  weekly: '本周进展',
};
export const REMINDER_LEVELS = ['overdue', 'soon', 'ok'] as const;
export type ReminderLevel = (typeof REMINDER_LEVELS)[number];

export const reminder = z.object({
  kind: z.enum(REMINDER_KINDS),
  caseId: id,
  caseNo: z.string(),
  transferId: id.optional(),
  progressId: id.optional(),
  dueOn: z.string(),
  /** Negative = overdue by that many days. */
  daysLeft: z.number().int(),
  level: z.enum(REMINDER_LEVELS),
  what: z.string(),
  /** The law or the local setting behind the deadline. */
  source: z.string(),
  /** 未含节假日顺延 / 请人工核对 when the deadline falls in a year without holiday data. */
  warning: z.string().optional(),
});
export type Reminder = z.infer<typeof reminder>;

/** A case's six-month clock (民诉法237) as every screen shows it: whose clock, start and why, deducted, due/overdue. */
export const clockStatus = z.object({
  runs: z.boolean(),
  /** Why the clock starts when it does — or why it does not run here. */
  why: z.string(),
  startOn: z.string().nullable(),
  startKind: z.string().nullable(),
  endOn: z.string().nullable(),
  deductedDays: z.number().int(),
  past: z.boolean(),
  /** Negative = past the end by that many days. */
  daysLeft: z.number().int().nullable(),
  source: z.string(),
  warning: z.string().optional(),
});
export type ClockStatus = z.infer<typeof clockStatus>;

/** A ground for reporting a case for cross-execution, whether it holds on the ledger's facts, and its legal source. */
export const legalGround = z.object({ reason: z.string(), holds: z.boolean(), basis: z.string(), source: z.string(), note: z.string() });
export type LegalGround = z.infer<typeof legalGround>;

export const DISCOVERY_CLASSES = ['sixMonth', 'zhongben', 'debtor'] as const;
export type DiscoveryClass = (typeof DISCOVERY_CLASSES)[number];
export const DISCOVERY_CLASS_LABELS: Record<DiscoveryClass, string> = {
  sixMonth: '超过六个月未执行',
  zhongben: '长期终本（重点类别）',
  debtor: '同一被执行人多案',
};

export const candidate = z.object({
  class: z.enum(DISCOVERY_CLASSES),
  caseId: id,
  caseNo: z.string(),
  /** All cases the candidate concerns (a debtor's open cases; otherwise just caseId). */
  caseIds: z.array(id),
  caseNos: z.array(z.string()),
  /** 超长期未结 / 涉中小微企业 / 涉民生 for 终本 candidates. */
  priority: z.array(z.string()),
  debtor: z.string().nullable(),
  reason: z.string(),
  source: z.string(),
  sinceOn: z.string().nullable(),
  suggestedMode: z.enum(TRANSFER_MODES),
});
export type Candidate = z.infer<typeof candidate>;

export const offloadWarning = z.object({ code: z.enum(['noReason', 'tooYoung', 'clockNotPast']), message: z.string() });

const holidayEntry = z.object({
  date: z.string(),
  name: z.string(),
  isOffDay: z.boolean(),
  source: z.string(),
  builtin: z.boolean(),
  importedAt: z.string().nullable(),
});
const year = z.number().int('年份应为整数').min(2000, '年份应在 2000–2100 之间').max(2100, '年份应在 2000–2100 之间');
const source = z.string().trim().min(2, '请注明来源（如国务院办公厅通知网址）').max(300, '不能超过 300 个字');

export const ledgerDeadlineCalls = {
  'ledger.reminders.list': defineCall({
    title: '查看期限提醒',
    access: CASE_ROLES,
    mutates: false,
    input: z.object({
      caseId: id.optional(),
      handlerId: id.optional(),
      levels: z.array(z.enum(REMINDER_LEVELS)).optional(),
      limit: z.number().int().min(1).max(5000).default(200),
    }),
    output: z.object({
      items: z.array(reminder),
      total: z.number().int(),
      counts: z.object({ overdue: z.number().int(), soon: z.number().int(), ok: z.number().int() }),
      today: z.string(),
      /** Years the holiday calendar lacks among the ones deadlines fall in. */
      missingYears: z.array(z.number().int()),
    }),
  }),
  'ledger.payout.record': defineCall({
    title: '登记案款发放',
    access: CASE_ROLES,
    mutates: true,
    input: z.object({ progressId: id, paidOn: legalDate, note: z.string().trim().max(200, '不能超过 200 个字').optional() }),
    output: z.object({ id }),
  }),
  'ledger.discover.list': defineCall({
    title: '发现可交叉执行案件',
    access: CASE_ROLES,
    mutates: false,
    input: z.object({ classes: z.array(z.enum(DISCOVERY_CLASSES)).optional(), limit: z.number().int().min(1).max(5000).default(200) }),
    output: z.object({
      items: z.array(candidate),
      total: z.number().int(),
      counts: z.object({ sixMonth: z.number().int(), zhongben: z.number().int(), debtor: z.number().int() }),
    }),
  }),
  'ledger.discover.startDraft': defineCall({
    title: '由发现结果新建交叉执行草稿',
    access: CASE_ROLES,
    mutates: true,
    input: z.object({ class: z.enum(DISCOVERY_CLASSES), caseIds: z.array(id).min(1, '请至少选择一件案件').max(50, '一次最多 50 件') }),
    output: z.object({ transferIds: z.array(id), warnings: z.array(offloadWarning.extend({ caseNo: z.string() })) }),
  }),
  'ledger.discover.offloadCheck': defineCall({
    title: '检查移出是否像“甩包袱”',
    access: CASE_ROLES,
    mutates: false,
    input: z.object({ caseId: id, direction: z.enum(DIRECTIONS), mode: z.enum(TRANSFER_MODES), reasons: z.array(z.enum(TRANSFER_REASONS)) }),
    output: z.object({ warnings: z.array(offloadWarning) }),
  }),
  'calendar.holidays.year': defineCall({
    title: '查看节假日',
    access: CASE_ROLES,
    mutates: false,
    input: z.object({ year }),
    output: z.object({ year: z.number().int(), covered: z.boolean(), coveredYears: z.array(z.number().int()), entries: z.array(holidayEntry), makeUpDayCounts: z.boolean() }),
  }),
  'calendar.holidays.importYear': defineCall({
    title: '导入节假日',
    access: ['admin'],
    mutates: true,
    input: z.object({ year, source, text: z.string().max(200_000, '文件过大（应为一年的放假数据）') }),
    output: z.object({ year: z.number().int(), count: z.number().int() }),
  }),
  'calendar.holidays.save': defineCall({
    title: '修改节假日',
    access: ['admin'],
    mutates: true,
    input: z.object({ date: legalDate, name: z.string().trim().min(1, '请填写名称').max(30, '不能超过 30 个字'), isOffDay: z.boolean(), source }),
    output: z.object({ date: z.string() }),
  }),
  'calendar.holidays.delete': defineCall({
    title: '删除节假日记录',
    access: ['admin'],
    mutates: true,
    input: z.object({ date: legalDate }),
    output: z.object({ date: z.string() }),
  }),
};
