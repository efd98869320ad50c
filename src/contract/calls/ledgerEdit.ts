import { z } from 'zod';
import { defineCall } from '../define';
import { CASE_ROLES, REASSIGN_ROLES } from '../roles';
import {
  CLOSURE_TYPES, DECISION_DOC_TYPES, DEDUCTION_KINDS, DIRECTIONS, INITIATED_BY, MEASURES, PARTY_KINDS, PARTY_SIDES, TRANSFER_MODES, TRANSFER_REASONS, ZHONGBEN_BASES,
} from '../vocabulary';
import { id, legalDate } from './common';
import { checkCaseNo, checkPartyIdFor, COURT_CODE } from '../ledgerRules';

/**
 * Editing the ledger from the case page: the case, its parties, transfers and their non-approval
 * state changes, progress entries, deductible intervals and supervision. Every rule here is the one
 * the forms check as the user types (the renderer validates with these very schemas).
 */
const opt = (max: number) => z.string().trim().max(max, `不能超过 ${max} 个字`).optional().transform((v) => (v ? v : undefined));
const date = legalDate.optional();
const fen = z.number().int('金额应精确到分').min(0, '不能为负数').max(100_000_000_000_000, '金额过大，请核对单位');
const phone = z.string().trim().regex(/^[0-9+\-（）() ]{0,20}$/, '应为电话号码').optional();

/** Dates that must not run backwards: each pair is [earlier, later, later's label]. */
function ordered<T extends Record<string, unknown>>(pairs: [keyof T & string, keyof T & string, string, string][]) {
  return (v: T, ctx: z.RefinementCtx) => {
    for (const [a, b, la, lb] of pairs) {
      const x = v[a] as string | undefined;
      const y = v[b] as string | undefined;
      if (x && y && y < x) ctx.addIssue({ code: 'custom', path: [b], message: `不能早于${la}（${x}）` + (lb ? '' : '') });
    }
  };
}

export const caseInput = z
  .object({
    caseId: id.optional(),
    caseNo: z.string().trim().min(1, '请填写案号').superRefine((s, ctx) => {
      const r = checkCaseNo(s);
      if (!r.ok) ctx.addIssue({ code: 'custom', message: r.reason });
    }),
    cause: opt(100),
    basisTitle: opt(100),
    basisDocNo: opt(100),
    applicationReceivedOn: date,
    propertyFoundOn: date,
    filedOn: date,
    closedOn: date,
    closureType: z.enum(CLOSURE_TYPES).optional(),
    /** 终本 only (民诉法解释517): how the 终本 was agreed; required when a case is closed as 终本. */
    zhongbenBasis: z.enum(ZHONGBEN_BASES, '请选择终本依据').optional(),
    /** The user has seen the soft warning that 立案 is not yet three months old (终本规定 第一条第四项) and saves anyway. */
    confirmEarlyZhongben: z.boolean().optional(),
    amountDueFen: fen.optional(),
    // A new case: a staff member handles it themselves. An existing case keeps its handler when this is
    // left out; naming another is a reassignment (ledger.edit.reassignCase's rule, src/core/ledger/edit/editRights.ts).
    handlerId: id.optional(),
    note: opt(1000),
  })
  .superRefine(
    ordered<{ applicationReceivedOn?: string; filedOn?: string; closedOn?: string }>([
      ['applicationReceivedOn', 'filedOn', '收到申请执行书日期', ''],
      ['filedOn', 'closedOn', '立案日期', ''],
    ]),
  )
  .superRefine((v, ctx) => {
    if (v.closureType && !v.closedOn) ctx.addIssue({ code: 'custom', path: ['closedOn'], message: '已选择结案方式，请填写结案日期' });
    if (v.closedOn && !v.closureType) ctx.addIssue({ code: 'custom', path: ['closureType'], message: '请选择结案方式' });
  });

export const partyInput = z
  .object({
    caseId: id,
    partyId: id.optional(),
    side: z.enum(PARTY_SIDES),
    kind: z.enum(PARTY_KINDS),
    name: z.string().trim().min(1, '请填写姓名或名称').max(100, '不能超过 100 个字'),
    idNumber: z.string().trim().max(30).optional().transform((v) => (v ? v.normalize('NFKC').toUpperCase() : undefined)),
    isSmb: z.boolean().default(false),
    isLivelihood: z.boolean().default(false),
    phone,
    address: opt(200),
  })
  .superRefine((v, ctx) => {
    if (!v.idNumber) return;
    const r = checkPartyIdFor(v.kind, v.idNumber);
    if (!r.ok) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: r.reason });
  });

const courtCode = z.string().trim().regex(COURT_CODE, '应为法院代字，如 鄂0505').optional();
/** Another court's or the new 案号 on a transfer: the same rule, stored in its official form (brackets, no leading 0). */
const optionalCaseNo = z
  .string()
  .trim()
  .optional()
  .superRefine((s, ctx) => {
    if (!s) return;
    const r = checkCaseNo(s);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: r.reason });
  })
  .transform((s) => {
    if (!s) return s;
    const r = checkCaseNo(s);
    return r.ok ? r.value.caseNo : s;
  });

/** A transfer's fields as the form holds them; create adds the rules below, update leaves out case and direction. */
const transferFields = z
  .object({
    caseId: id,
    mode: z.enum(TRANSFER_MODES),
    direction: z.enum(DIRECTIONS),
    reasons: z.array(z.enum(TRANSFER_REASONS)).min(1, '请至少选择一项交叉原因'),
    reasonOther: opt(200),
    initiatedBy: z.enum(INITIATED_BY).optional(),
    decidingCourtCode: courtCode,
    decisionDocType: z.enum(DECISION_DOC_TYPES).optional(),
    decisionDocNo: opt(100),
    decisionOn: date,
    deadlineOn: date,
    originalCourtCode: courtCode,
    receivingCourtCode: courtCode,
    receivingTeam: opt(50),
    originalCaseNo: optionalCaseNo,
    newCaseNo: optionalCaseNo,
    requestedOn: date,
    ourContact: opt(30),
    ourPhone: phone,
    theirContact: opt(30),
    theirPhone: phone,
  });

type DetailRuleInput = { mode: string; reasons: string[]; reasonOther?: string; decisionOn?: string; deadlineOn?: string; requestedOn?: string };
type DirectionRuleInput = { mode: string; direction: string; originalCourtCode?: string | null; receivingCourtCode?: string | null };
type Issue = { path: string; message: string };

/** Rules among the detail fields alone (they hold for a new transfer and for a correction alike). */
function detailIssues(v: DetailRuleInput): Issue[] {
  const out: Issue[] = [];
  if (v.reasons.includes('其他') && !v.reasonOther) out.push({ path: 'reasonOther', message: '选择了“其他”，请写明原因' });
  if (v.deadlineOn && v.decisionOn && v.deadlineOn < v.decisionOn) out.push({ path: 'deadlineOn', message: `不能早于决定日期（${v.decisionOn}）` });
  if (v.requestedOn && v.decisionOn && v.decisionOn < v.requestedOn) out.push({ path: 'decisionOn', message: `不能早于报请日期（${v.requestedOn}）` });
  return out;
}

/**
 * Rules tying mode and courts to the direction. A correction cannot change the direction, so the
 * core checks these against the stored one (and the edit form against the one it shows).
 */
export function transferDirectionIssues(v: DirectionRuleInput): Issue[] {
  const out: Issue[] = [];
  if (v.mode === '院内交叉' && v.direction !== '院内') out.push({ path: 'direction', message: '院内交叉的方向应为“院内”' });
  if (v.direction === '院内' && v.mode !== '院内交叉') out.push({ path: 'mode', message: '方向为“院内”时交叉方式应为院内交叉' });
  // 督促 keeps the case (and enforcement power) at the executing court (执行程序解释 第十一条): no receiving court.
  if (v.direction === '移出' && v.mode !== '督促' && !v.receivingCourtCode) out.push({ path: 'receivingCourtCode', message: '请选择承办法院' });
  if (v.direction === '移入' && !v.originalCourtCode) out.push({ path: 'originalCourtCode', message: '请选择原执行法院' });
  return out;
}

const addIssues = (issues: Issue[], ctx: z.RefinementCtx) => {
  for (const i of issues) ctx.addIssue({ code: 'custom', path: [i.path], message: i.message });
};

export const transferInput = transferFields.superRefine((v, ctx) => {
  addIssues(transferDirectionIssues(v), ctx);
  addIssues(detailIssues(v), ctx);
});

/** States in which a transfer's details can no longer be corrected (refused, or exited: the record is closed for good). */
export const TRANSFER_FROZEN_STATES = ['不予批准', '已退出'] as const;

/**
 * Correcting a transfer's details: every detail field as it should now stand (an empty one is
 * cleared), with the version the user saw so a change by someone else meanwhile is refused.
 * Case, direction and state are not editable here (the state moves only by its steps).
 */
export const transferUpdateInput = transferFields
  .omit({ caseId: true, direction: true })
  .extend({ transferId: id, version: z.number().int().min(1) })
  .superRefine((v, ctx) => addIssues(detailIssues(v), ctx));

/** The steps after approval, which the handlers record themselves (approval itself is the approvals module's). */
export const MANUAL_STATES = ['已决定', '已移送', '已立案', '办理中', '已化解', '已结案', '已退出'] as const;
export const transferStateInput = z
  .object({
    transferId: id,
    toState: z.enum(MANUAL_STATES),
    effectiveOn: legalDate,
    /** The version the user saw; a change by someone else meanwhile is refused. */
    version: z.number().int().min(1),
    reason: opt(500),
    newCaseNo: optionalCaseNo,
  })
  .superRefine((v, ctx) => {
    if (v.toState === '已退出' && !v.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: '退出须写明原因' });
  });

export const progressInput = z
  .object({
    caseId: id,
    transferId: id.optional(),
    onDate: legalDate,
    measures: z.array(z.enum(MEASURES)).max(MEASURES.length),
    measureOther: opt(100),
    amountFen: fen.default(0),
    substantive: z.boolean().default(false),
    resolved: z.boolean().default(false),
    text: opt(2000),
  })
  .superRefine((v, ctx) => {
    if (!v.measures.length && !v.text && !v.amountFen) ctx.addIssue({ code: 'custom', path: ['measures'], message: '请选择采取的措施，或填写进展情况' });
    if (v.measures.includes('其他') && !v.measureOther) ctx.addIssue({ code: 'custom', path: ['measureOther'], message: '选择了“其他”，请写明措施' });
  });

export const deductionInput = z
  .object({ caseId: id, deductionId: id.optional(), kind: z.enum(DEDUCTION_KINDS), startOn: legalDate, endOn: date, note: opt(200) })
  .superRefine((v, ctx) => {
    if (v.endOn && v.endOn < v.startOn) ctx.addIssue({ code: 'custom', path: ['endOn'], message: `不能早于开始日期（${v.startOn}）` });
  });

export const supervisionInput = z
  .object({
    caseId: id,
    supervisionId: id.optional(),
    transferId: id.optional(),
    kind: z.enum(['督办', '一案双查']),
    raisedOn: legalDate,
    reason: opt(500),
    result: opt(1000),
    resultOn: date,
  })
  .superRefine((v, ctx) => {
    if (v.resultOn && v.resultOn < v.raisedOn) ctx.addIssue({ code: 'custom', path: ['resultOn'], message: `不能早于启动日期（${v.raisedOn}）` });
    if (v.resultOn && !v.result) ctx.addIssue({ code: 'custom', path: ['result'], message: '请填写办理结果' });
  });

const saved = z.object({ id: z.number() });

export const ledgerEditCalls = {
  'ledger.edit.saveCase': defineCall({ title: '保存案件', access: CASE_ROLES, mutates: true, input: caseInput, output: saved }),
  'ledger.edit.reassignCase': defineCall({
    title: '改派承办人',
    access: REASSIGN_ROLES,
    mutates: true,
    input: z.object({ caseId: id, handlerId: id.nullable(), reason: opt(200) }),
    output: saved,
  }),
  'ledger.edit.saveParty': defineCall({ title: '保存当事人', access: CASE_ROLES, mutates: true, input: partyInput, output: saved }),
  'ledger.edit.removeParty': defineCall({ title: '删除当事人', access: CASE_ROLES, mutates: true, input: z.object({ partyId: id }), output: saved }),
  'ledger.edit.createTransfer': defineCall({ title: '新建交叉执行记录', access: CASE_ROLES, mutates: true, input: transferInput, output: saved }),
  'ledger.edit.updateTransfer': defineCall({ title: '修改交叉执行记录', access: CASE_ROLES, mutates: true, input: transferUpdateInput, output: saved }),
  'ledger.edit.transferState': defineCall({ title: '变更交叉执行状态', access: CASE_ROLES, mutates: true, input: transferStateInput, output: saved }),
  'ledger.edit.addProgress': defineCall({ title: '记录执行进展', access: CASE_ROLES, mutates: true, input: progressInput, output: saved }),
  'ledger.edit.voidProgress': defineCall({
    title: '作废执行进展',
    access: CASE_ROLES,
    mutates: true,
    input: z.object({ progressId: id, reason: z.string().trim().min(2, '请写明作废原因').max(200) }),
    output: saved,
  }),
  'ledger.edit.saveDeduction': defineCall({ title: '保存扣除期间', access: CASE_ROLES, mutates: true, input: deductionInput, output: saved }),
  'ledger.edit.saveSupervision': defineCall({ title: '保存督办或一案双查', access: CASE_ROLES, mutates: true, input: supervisionInput, output: saved }),
};
