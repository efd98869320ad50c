import { z } from 'zod';
import { defineCall } from '../define';
import { CASE_ROLES } from '../roles';
import { DIRECTIONS, TRANSFER_MODES, TRANSFER_STATES } from '../vocabulary';
import { id, legalDate } from './common';
import { download } from './ledgerExcel';

/**
 * The ledger as a table (issue 3, item 7): filters, sorting, search by 案号 or party, server-side
 * paging, saved views, and the export of exactly what the filters select.
 */
export const ledgerFilter = z.object({
  q: z.string().trim().max(100, '不能超过 100 个字').optional(),
  modes: z.array(z.enum(TRANSFER_MODES)).max(TRANSFER_MODES.length).optional(),
  direction: z.enum(DIRECTIONS).optional(),
  states: z.array(z.enum(TRANSFER_STATES)).max(TRANSFER_STATES.length).optional(),
  /** Counterpart court (original or receiving court of the latest transfer), by code. */
  court: z.string().trim().max(10).optional(),
  handlerId: id.optional(),
  overdue: z.boolean().optional(),
  filedFrom: legalDate.optional(),
  filedTo: legalDate.optional(),
});
export type LedgerFilter = z.infer<typeof ledgerFilter>;

export const LEDGER_SORTS = ['filedOn', 'caseNo', 'amountDue', 'state', 'mode', 'updatedAt', 'closedOn'] as const;
const sorting = { sort: z.enum(LEDGER_SORTS).default('filedOn'), order: z.enum(['asc', 'desc']).default('desc') };

export const ledgerRow = z.object({
  caseId: z.number(),
  caseNo: z.string(),
  cause: z.string().nullable(),
  applicants: z.string(),
  debtors: z.string(),
  amountDueFen: z.number().nullable(),
  recoveredFen: z.number(),
  filedOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  closureType: z.string().nullable(),
  handlerName: z.string().nullable(),
  transferId: z.number().nullable(),
  transferCount: z.number(),
  mode: z.string().nullable(),
  direction: z.string().nullable(),
  state: z.string().nullable(),
  counterpartCourt: z.string().nullable(),
  deadlineOn: z.string().nullable(),
  overdue: z.boolean(),
});
export type LedgerRow = z.infer<typeof ledgerRow>;

const savedView = z.object({ id: z.number(), name: z.string(), filters: z.string(), createdAt: z.string() });

const tableCalls = {
  'ledger.table': defineCall({
    title: '查询台账',
    access: CASE_ROLES,
    mutates: false,
    input: ledgerFilter.extend({
      ...sorting,
      page: z.number().int().min(1).default(1),
      pageSize: z.number().int().min(10).max(200).default(50),
    }),
    output: z.object({ rows: z.array(ledgerRow), total: z.number() }),
  }),
  'ledger.filterOptions': defineCall({
    title: '台账筛选选项',
    access: CASE_ROLES,
    mutates: false,
    input: z.object({}).strict(),
    output: z.object({
      courts: z.array(z.object({ code: z.string(), name: z.string() })),
      handlers: z.array(z.object({ id: z.number(), displayName: z.string() })),
    }),
  }),
  'ledger.export': defineCall({
    title: '导出台账',
    access: CASE_ROLES,
    mutates: true,
    input: ledgerFilter.extend({ ...sorting, description: z.string().max(300).optional() }),
    output: download.extend({ rows: z.number() }),
  }),
  'ledger.views.list': defineCall({ title: '查看台账视图', access: CASE_ROLES, mutates: false, input: z.object({}).strict(), output: z.array(savedView) }),
  'ledger.views.save': defineCall({
    title: '保存台账视图',
    access: CASE_ROLES,
    mutates: true,
    input: z.object({
      name: z.string().trim().min(1, '请填写视图名称').max(30, '不能超过 30 个字'),
      filters: z.string().max(2000),
    }),
    output: savedView,
  }),
  'ledger.views.delete': defineCall({
    title: '删除台账视图',
    access: CASE_ROLES,
    mutates: true,
    input: z.object({ viewId: id }),
    output: z.object({ done: z.literal(true) }),
  }),
};

/** Everything the case page shows, in one read. */
const caseViewTransfer = z.object({
  id: z.number(),
  mode: z.string(),
  direction: z.string(),
  state: z.string(),
  reasons: z.array(z.string()),
  reasonOther: z.string().nullable(),
  initiatedBy: z.string().nullable(),
  decidingCourtCode: z.string().nullable(),
  decidingCourt: z.string().nullable(),
  decisionDocType: z.string().nullable(),
  decisionDocNo: z.string().nullable(),
  decisionOn: z.string().nullable(),
  deadlineOn: z.string().nullable(),
  originalCourtCode: z.string().nullable(),
  originalCourt: z.string().nullable(),
  receivingCourtCode: z.string().nullable(),
  receivingCourt: z.string().nullable(),
  receivingTeam: z.string().nullable(),
  originalCaseNo: z.string().nullable(),
  newCaseNo: z.string().nullable(),
  requestedOn: z.string().nullable(),
  handedOverOn: z.string().nullable(),
  receivedOn: z.string().nullable(),
  filedOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  ourContact: z.string().nullable(),
  ourPhone: z.string().nullable(),
  theirContact: z.string().nullable(),
  theirPhone: z.string().nullable(),
  exitReason: z.string().nullable(),
  handlerName: z.string().nullable(),
  version: z.number(),
  /** The manual state changes allowed now (the approval steps are the approvals module's). */
  nextStates: z.array(z.string()),
  events: z.array(
    z.object({ id: z.number(), at: z.string(), effectiveOn: z.string(), userName: z.string(), kind: z.string(), fromState: z.string().nullable(), toState: z.string().nullable(), data: z.string() }),
  ),
});
export type CaseViewTransfer = z.infer<typeof caseViewTransfer>;

export const caseView = z.object({
  case: z.object({
    id: z.number(),
    caseNo: z.string(),
    courtCode: z.string(),
    courtName: z.string().nullable(),
    cause: z.string().nullable(),
    basisTitle: z.string().nullable(),
    basisDocNo: z.string().nullable(),
    applicationReceivedOn: z.string().nullable(),
    propertyFoundOn: z.string().nullable(),
    filedOn: z.string().nullable(),
    closedOn: z.string().nullable(),
    closureType: z.string().nullable(),
    /** 民诉法解释517 basis of a 终本 closure. */
    zhongbenBasis: z.string().nullable(),
    amountDueFen: z.number().nullable(),
    handlerId: z.number().nullable(),
    handlerName: z.string().nullable(),
    note: z.string().nullable(),
    source: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    /** An earlier case with the same 案号 but for leading zeros, found when the database was upgraded (ledger/0002). */
    duplicateOf: z.object({ id: z.number(), caseNo: z.string() }).nullable(),
  }),
  recoveredFen: z.number(),
  parties: z.array(
    z.object({ id: z.number(), side: z.string(), kind: z.string(), name: z.string(), idNumber: z.string().nullable(), isSmb: z.boolean(), isLivelihood: z.boolean(), phone: z.string().nullable(), address: z.string().nullable() }),
  ),
  transfers: z.array(caseViewTransfer),
  progress: z.array(
    z.object({
      id: z.number(),
      transferId: z.number().nullable(),
      onDate: z.string(),
      measures: z.array(z.string()),
      measureOther: z.string().nullable(),
      amountFen: z.number(),
      substantive: z.boolean(),
      resolved: z.boolean(),
      text: z.string().nullable(),
      recordedAt: z.string(),
      recordedBy: z.string().nullable(),
      voidedAt: z.string().nullable(),
      voidReason: z.string().nullable(),
    }),
  ),
  deductions: z.array(z.object({ id: z.number(), kind: z.string(), startOn: z.string(), endOn: z.string().nullable(), note: z.string().nullable() })),
  supervisions: z.array(
    z.object({ id: z.number(), transferId: z.number().nullable(), kind: z.string(), status: z.string(), raisedOn: z.string(), reason: z.string().nullable(), result: z.string().nullable(), resultOn: z.string().nullable() }),
  ),
});
export type CaseView = z.infer<typeof caseView>;

const caseViewCalls = {
  'ledger.caseView': defineCall({ title: '查看案件', access: CASE_ROLES, mutates: false, input: z.object({ caseId: id }), output: caseView }),
};

export const ledgerViewCalls = { ...tableCalls, ...caseViewCalls };
