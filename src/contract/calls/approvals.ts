import { z } from 'zod';
import { defineCall } from '../define';
import { TRANSFER_MODES, TRANSFER_REASONS, TRANSFER_STATES } from '../vocabulary';
import { id, instant, legalDate, paging } from './common';
import { clockStatus, legalGround, offloadWarning } from './ledgerDeadlines';

/**
 * Transfer approval by the chief of enforcement (执行局长), issue 4.
 * A request ("报请") carries one or more cases (集中执行: several) and moves through the states
 * below; decided versions are immutable and re-submission makes a new version.
 */
export const REQUEST_STATES = ['草稿', '待审批', '待院领导审批', '已同意', '已退回', '不同意', '已撤回'] as const;
export type RequestState = (typeof REQUEST_STATES)[number];
export const DECISION_OUTCOMES = ['同意', '退回补充', '不同意'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];
export const APPROVAL_DOC_KINDS = ['审批表', '报请函', '移送函'] as const;

/** Settings fragment (all local settings; the domain brief §9.4 names the chief's approval, the rest is local practice ❓). */
export const approvalSettings = z.object({
  /** Local setting: requests that go up to the intermediate court also need the 分管院领导. */
  approvalSecondLevel: z.boolean(),
  /** Local setting: which modes count as "going up" for the second level (default 提级, 指令). */
  approvalSecondLevelModes: z.array(z.enum(TRANSFER_MODES)),
  /** Local setting: the user who may decide in the chief's place (副局长), or none. */
  approvalDeputyUserId: id.nullable(),
  /** Local setting: prefix of the letter number, e.g. 猇法执函 → 猇法执函〔2026〕3号. */
  letterNoPrefix: z.string().trim().min(1, '请填写函件文号前缀').max(20),
  /** Local setting: the bureau's telephone printed with the handler's name as 联系人 on letters (GB/T 9704 §7.3.4 附注). */
  letterContactPhone: z.string().trim().max(30, '不能超过 30 个字').regex(/^[\d\-—－（）() 转]*$/, '应为电话号码，如 0717-6512345'),
  /** Local setting: remind this many days before a transfer deadline. */
  deadlineReminderDays: z.number().int().min(0).max(60),
});
export type ApprovalSettings = z.infer<typeof approvalSettings>;

const text = (max: number) => z.string().trim().max(max, `不能超过 ${max} 个字`);
const courtCode = z.string().trim().max(20);

/** What a handler fills in; the server checks completeness when the request is submitted. */
const draftFields = z.object({
  mode: z.enum(TRANSFER_MODES, '请选择交叉执行方式'),
  reasons: z.array(z.enum(TRANSFER_REASONS)).max(TRANSFER_REASONS.length),
  reasonOther: text(500).optional(),
  receivingCourtCode: courtCode.nullable().optional(),
  receivingTeam: text(100).nullable().optional(),
  proposal: text(2000).optional(),
  summaryProcess: text(4000).optional(),
  summaryProperty: text(4000).optional(),
  summaryGrounds: text(4000).optional(),
});

export const requestRow = z.object({
  id,
  rootId: id,
  version: z.number().int(),
  state: z.enum(REQUEST_STATES),
  mode: z.enum(TRANSFER_MODES),
  caseNos: z.array(z.string()),
  receivingCourtName: z.string().nullable(),
  receivingTeam: z.string().nullable(),
  requesterId: id,
  requesterName: z.string(),
  needsSecondLevel: z.boolean(),
  createdAt: instant,
  submittedAt: instant.nullable(),
  decidedAt: instant.nullable(),
  /** Latest decision, if any (for lists). */
  lastOutcome: z.enum(DECISION_OUTCOMES).nullable(),
  superseded: z.boolean(),
});
export type RequestRow = z.infer<typeof requestRow>;

export const decisionRow = z.object({
  id,
  level: z.number().int(),
  outcome: z.enum(DECISION_OUTCOMES),
  opinion: z.string(),
  deciderId: id,
  deciderName: z.string(),
  deciderTitle: z.string(),
  decidedAt: instant,
  decidedOn: legalDate,
});

export const attachmentRow = z.object({
  id,
  kind: z.enum(['efile', 'upload']),
  name: z.string(),
  size: z.number(),
  addedAt: instant,
  efileDocumentId: z.number().nullable(),
  /** For a document of the case's e-file: its volume (a 副卷 one opens only for those with 副卷 rights). */
  efileVolume: z.enum(['正卷', '副卷', '局务']).nullable(),
});

export const documentRow = z.object({
  id,
  kind: z.enum(APPROVAL_DOC_KINDS),
  format: z.enum(['pdf', 'docx']),
  docNo: z.string().nullable(),
  fileName: z.string(),
  size: z.number(),
  generatedAt: instant,
  filedVolume: z.string().nullable(),
});
export type ApprovalDocument = z.infer<typeof documentRow>;

export const historyItem = z.object({
  at: instant,
  on: z.string(),
  who: z.string(),
  what: z.string(),
  detail: z.string(),
});

export const requestCase = z.object({
  caseId: id,
  caseNo: z.string(),
  cause: z.string().nullable(),
  filedOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  amountDueFen: z.number().nullable(),
  applicants: z.array(z.string()),
  debtors: z.array(z.string()),
  handlerName: z.string().nullable(),
  transferId: id,
  transferState: z.enum(TRANSFER_STATES),
  /**
   * The ledger's six-month clock and the grounds that hold (with their legal source), as stored when
   * the request was submitted (snapshot) or, for a draft, as of now. The 报请函 cites the grounds that hold.
   */
  legal: z.object({ clock: clockStatus.nullable(), grounds: z.array(legalGround), asOf: z.string(), snapshot: z.boolean() }),
  /** The case's history, newest first: transfer events and progress entries. */
  history: z.array(historyItem),
});

export const requestDetail = z.object({
  request: requestRow.extend({
    reasons: z.array(z.enum(TRANSFER_REASONS)),
    reasonOther: z.string().nullable(),
    receivingCourtCode: z.string().nullable(),
    proposal: z.string(),
    summaryProcess: z.string(),
    summaryProperty: z.string(),
    summaryGrounds: z.string(),
    withdrawnAt: instant.nullable(),
    withdrawReason: z.string().nullable(),
    originalCourtCode: z.string(),
    originalCourtName: z.string(),
  }),
  cases: z.array(requestCase),
  /** Soft 甩包袱 warnings (never blocks; 2024 opinion Part V not verified), shown to the chief. */
  offloadWarnings: z.array(offloadWarning.extend({ caseNo: z.string() })),
  decisions: z.array(decisionRow),
  attachments: z.array(attachmentRow),
  documents: z.array(documentRow),
  /** Every version of this request, oldest first, with their decisions. */
  versions: z.array(z.object({ id, version: z.number(), state: z.enum(REQUEST_STATES), submittedAt: instant.nullable(), decisions: z.array(decisionRow) })),
  /** What the caller may do now (the server checks again). */
  can: z.object({ edit: z.boolean(), submit: z.boolean(), withdraw: z.boolean(), revise: z.boolean(), decide: z.boolean(), decideLevel: z.number().nullable() }),
});
export type RequestDetail = z.infer<typeof requestDetail>;

const requestId = z.object({ requestId: id });
const PREPARE: readonly ('staff' | 'clerk' | 'chief')[] = ['staff', 'clerk', 'chief'];
const READ: readonly ('staff' | 'clerk' | 'chief' | 'leader')[] = ['staff', 'clerk', 'chief', 'leader'];

export const approvalCalls = {
  'approvals.list': defineCall({
    title: '审批请求列表',
    access: READ,
    mutates: false,
    input: z.object({
      ...paging,
      scope: z.enum(['mine', 'queue', 'all']).default('mine'),
      state: z.enum(REQUEST_STATES).optional(),
      q: z.string().trim().max(100).optional(),
    }),
    output: z.object({ rows: z.array(requestRow), total: z.number() }),
  }),
  'approvals.get': defineCall({ title: '查看审批请求', access: READ, mutates: false, input: requestId, output: requestDetail }),
  'approvals.candidates': defineCall({
    title: '可报请的案件',
    access: PREPARE,
    mutates: false,
    input: z.object({ q: z.string().trim().max(100).optional() }),
    output: z.object({
      cases: z.array(
        z.object({
          caseId: id,
          caseNo: z.string(),
          cause: z.string().nullable(),
          debtors: z.array(z.string()),
          handlerName: z.string().nullable(),
          closed: z.boolean(),
          /** Why the ledger suggests it (e.g. 超六个月未执行), when it is a discovery candidate. */
          suggestion: z.string().nullable(),
          /** The ledger's six-month clock for the case (null when closed). */
          clock: clockStatus.nullable(),
          openRequestId: z.number().nullable(),
        }),
      ),
      courts: z.array(z.object({ code: z.string(), name: z.string(), level: z.string() })),
      ownCourtCode: z.string(),
    }),
  }),
  'approvals.create': defineCall({
    title: '新建审批请求',
    access: PREPARE,
    mutates: true,
    input: draftFields.extend({ caseIds: z.array(id).min(1, '请至少选择一件案件').max(200) }),
    output: requestDetail,
  }),
  'approvals.update': defineCall({
    title: '修改审批请求',
    access: PREPARE,
    mutates: true,
    input: draftFields.partial().extend({ requestId: id, caseIds: z.array(id).min(1, '请至少选择一件案件').max(200).optional() }),
    output: requestDetail,
  }),
  'approvals.submit': defineCall({ title: '提交审批', access: PREPARE, mutates: true, input: requestId, output: requestDetail }),
  'approvals.withdraw': defineCall({
    title: '撤回审批请求',
    access: PREPARE,
    mutates: true,
    input: z.object({ requestId: id, reason: z.string().trim().min(1, '请说明撤回原因').max(500) }),
    output: requestDetail,
  }),
  'approvals.revise': defineCall({ title: '修改后重新报请（新版本）', access: PREPARE, mutates: true, input: requestId, output: requestDetail }),
  'approvals.decide': defineCall({
    title: '审批决定',
    access: ['chief', 'leader', 'staff', 'clerk'],
    mutates: true,
    input: z.object({
      requestId: id,
      outcome: z.enum(DECISION_OUTCOMES, '请选择审批结论'),
      opinion: z.string().trim().max(2000, '不能超过 2000 个字').default(''),
    }),
    output: requestDetail,
  }),
  'approvals.queueCount': defineCall({ title: '待审批数', access: 'user', mutates: false, input: z.object({}).strict(), output: z.object({ count: z.number() }) }),
  'approvals.overview': defineCall({
    title: '局长工作台',
    access: ['chief', 'leader'],
    mutates: false,
    input: z.object({}).strict(),
    output: z.object({
      pending: z.array(requestRow.extend({ waitingDays: z.number() })),
      decidedThisWeek: z.array(requestRow),
      weekCounts: z.object({ 同意: z.number(), 退回补充: z.number(), 不同意: z.number() }),
      transfersByState: z.array(z.object({ state: z.enum(TRANSFER_STATES), count: z.number() })),
      deadlines: z.array(z.object({ transferId: id, caseNo: z.string(), what: z.string(), dueOn: z.string(), daysLeft: z.number() })),
      weekStart: legalDate,
    }),
  }),
  'approvals.addAttachment': defineCall({
    title: '添加审批附件',
    access: PREPARE,
    mutates: true,
    input: z.object({
      requestId: id,
      /** A file staged through the upload route (for=approvals.addAttachment). */
      uploadId: z.string().max(64).optional(),
      /** Or a document already in the case's electronic file. */
      efileDocumentId: id.optional(),
    }),
    output: attachmentRow,
  }),
  'approvals.removeAttachment': defineCall({
    title: '移除审批附件',
    access: PREPARE,
    mutates: true,
    input: z.object({ attachmentId: id }),
    output: z.object({ done: z.literal(true) }),
  }),
  'approvals.download': defineCall({
    title: '下载审批文书或附件',
    access: READ,
    mutates: false,
    input: z.object({ documentId: id.optional(), attachmentId: id.optional() }),
    output: z.object({ token: z.string(), name: z.string(), size: z.number() }),
  }),
  'approvals.generateDocuments': defineCall({
    title: '生成审批表和函件',
    access: READ,
    mutates: true,
    input: requestId,
    output: z.array(documentRow),
  }),
};
