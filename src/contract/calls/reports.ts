import { z } from 'zod';
import { defineCall } from '../define';
import { CASE_ROLES, SUPERVISORS } from '../roles';
import { id } from './common';
import { download } from './ledgerExcel';

/**
 * The weekly report to the intermediate court (issue 6). Figures are computed "as of" the end of the
 * reporting week from the append-only history (transfer_events, voided-not-deleted progress entries),
 * so producing a past week again gives the same figures; later back-dated changes appear as
 * correction lines in the next report.
 */
export const isoWeek = z
  .string()
  .trim()
  .regex(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/, '应为周次，格式如 2025-W10');

const count = z.number().int();
const fen = z.number().int();

export const weeklyCaseRow = z.object({
  caseId: z.number(),
  transferId: z.number(),
  caseNo: z.string(),
  applicants: z.string(),
  debtors: z.string(),
  mode: z.string(),
  direction: z.string(),
  originalCourt: z.string(),
  currentCourt: z.string(),
  progressText: z.string(),
  amountWeekFen: fen,
  amountTotalFen: fen,
  state: z.string(),
  handler: z.string(),
  substantiveWeek: z.boolean(),
});
export type WeeklyCaseRow = z.infer<typeof weeklyCaseRow>;

export const overdueItem = z.object({
  kind: z.enum(['立案', '六个月', '督促期限', '终本', '案款发放']),
  caseId: z.number(),
  caseNo: z.string(),
  transferId: z.number().nullable(),
  dueOn: z.string(),
  daysOverdue: count,
  what: z.string(),
  source: z.string(),
});
export type OverdueItem = z.infer<typeof overdueItem>;

export const correctionLine = z.object({
  caseNo: z.string(),
  /** The earlier week the change is dated into. */
  affectedWeek: z.string(),
  /** Whether that week's report had been marked 已报送 before this week's end. */
  reported: z.boolean(),
  onDate: z.string(),
  recordedAt: z.string(),
  what: z.string(),
  amountDeltaFen: fen,
});
export type CorrectionLine = z.infer<typeof correctionLine>;

export const trendPoint = z.object({
  week: z.string(),
  startOn: z.string(),
  newCases: count,
  amountFen: fen,
  newByMode: z.record(z.string(), count),
  amountByMode: z.record(z.string(), fen),
});

export const weeklyFiguresSchema = z.object({
  week: z.string(),
  startOn: z.string(),
  endOn: z.string(),
  /** The instant the figures are "as of" (end of the week's last day, China time), ISO UTC. */
  cutoffAt: z.string(),
  /** The week has not ended yet: the figures are as of now and will still change. */
  provisional: z.boolean(),
  courtName: z.string(),
  headline: z.object({
    casesWeek: count,
    casesTotal: count,
    activeCases: count,
    progressWeek: count,
    progressTotal: count,
    amountWeekFen: fen,
    amountTotalFen: fen,
  }),
  byMode: z.array(z.object({ mode: z.string(), week: count, total: count, active: count, amountWeekFen: fen, amountTotalFen: fen })),
  byDirection: z.array(z.object({ direction: z.string(), week: count, total: count })),
  closedByType: z.array(z.object({ closureType: z.string(), week: count, total: count })),
  /** 提级执行 cases and their share of the cross-execution cases (cases, not transfers). */
  escalation: z.object({ tiji: count, cases: count, sharePercent: z.number() }),
  /**
   * Cases whose enforcement power is at another court (sent out by 指令/提级/集中/委托, or only assisted)
   * and the money recorded on them: not in headline amounts (the holding court reports it). Optional:
   * figures stored before this field existed do not have it.
   */
  elsewhere: z.object({ cases: count, amountWeekFen: fen, amountTotalFen: fen }).optional(),
  closure: z.object({ closedTotal: count, closedWeek: count, avgDaysToClose: z.number().nullable() }),
  overdue: z.array(overdueItem),
  noProgress: z.array(z.object({ caseId: z.number(), caseNo: z.string(), mode: z.string(), state: z.string(), handler: z.string() })),
  doubleChecks: z.array(z.object({ caseId: z.number(), caseNo: z.string(), raisedOn: z.string(), status: z.string(), reason: z.string() })),
  corrections: z.array(correctionLine),
  rows: z.array(weeklyCaseRow),
  trend: z.array(trendPoint),
  notes: z.array(z.string()),
});
export type WeeklyFigures = z.infer<typeof weeklyFiguresSchema>;

export const REPORT_STATUSES = ['已生成', '已报送'] as const;

export const weeklyReportRecord = z.object({
  id: z.number(),
  week: z.string(),
  version: z.number(),
  status: z.enum(REPORT_STATUSES),
  /** Generated after a version of the same week was marked 已报送. */
  revision: z.boolean(),
  generatedAt: z.string(),
  generatedBy: z.string(),
  submittedAt: z.string().nullable(),
  submittedBy: z.string().nullable(),
  files: z.array(z.object({ kind: z.enum(['docx', 'xlsx', 'pdf']), fileName: z.string(), size: z.number(), sha256: z.string() })),
  figuresSha256: z.string(),
  filedIntoEfiles: z.boolean(),
});
export type WeeklyReportRecord = z.infer<typeof weeklyReportRecord>;

export const reportCalls = {
  'reports.weekly.figures': defineCall({
    title: '查看周报数据',
    access: CASE_ROLES,
    mutates: false,
    input: z.object({ week: isoWeek }).strict(),
    output: weeklyFiguresSchema,
  }),
  'reports.weekly.generate': defineCall({
    title: '生成周报',
    access: CASE_ROLES,
    mutates: true,
    input: z.object({ week: isoWeek }).strict(),
    output: weeklyReportRecord,
  }),
  'reports.weekly.history': defineCall({
    title: '查看周报生成记录',
    access: CASE_ROLES,
    mutates: false,
    input: z.object({ week: isoWeek.optional() }).strict(),
    output: z.array(weeklyReportRecord),
  }),
  'reports.weekly.download': defineCall({
    title: '下载周报文件',
    access: CASE_ROLES,
    mutates: false,
    input: z.object({ reportId: id, kind: z.enum(['docx', 'xlsx', 'pdf']) }).strict(),
    output: download,
  }),
  'reports.weekly.submit': defineCall({
    title: '标记周报已报送',
    access: SUPERVISORS,
    mutates: true,
    input: z.object({ reportId: id }).strict(),
    output: weeklyReportRecord,
  }),
};

/** Report settings (settings fragment). */
export const reportSettings = z.object({
  /**
   * Local setting: the weekday the reporting week starts on (1 = Monday … 7 = Sunday). Default Monday,
   * i.e. Monday–Sunday weeks; a court whose 中院 counts Friday–Thursday sets 5. Week 2025-W10 is the
   * reporting week that ends inside ISO week 10.
   */
  reportWeekStartsOn: z.number().int().min(1).max(7),
  /** Local setting: 主送机关 of the weekly report (GB/T 9704-2012 §7.3.2), default the 中院's enforcement bureau. */
  reportAddressee: z.string().trim().min(2, '请填写周报主送机关').max(40),
  /** Local setting: 机关代字 of the weekly report's 发文字号 (GB/T 9704 §7.2.4): 猇法执周 → 猇法执周〔2026〕11号, the number being the week. */
  reportDocNoPrefix: z.string().trim().min(1, '请填写周报发文字号前缀').max(20),
});
export type ReportSettings = z.infer<typeof reportSettings>;
