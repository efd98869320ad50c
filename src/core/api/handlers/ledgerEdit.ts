import type { Handlers } from '../context';
import { requireUser } from '../context';
import { removeParty, saveCase, saveParty } from '../../ledger/edit/cases';
import { createTransfer, moveTransferState, updateTransfer } from '../../ledger/edit/transfers';
import { addProgress, saveDeduction, saveSupervision, voidProgress } from '../../ledger/edit/records';
import { raiseDoubleCheckIfDue } from '../../ledger/deadlines/doubleCheck';
import { caseOfRecord, handlerForNewCase, reassignCase, requireCaseEditor } from '../../ledger/edit/editRights';

type LedgerEditHandlers = Pick<
  Handlers,
  | 'ledger.edit.saveCase'
  | 'ledger.edit.reassignCase'
  | 'ledger.edit.saveParty'
  | 'ledger.edit.removeParty'
  | 'ledger.edit.createTransfer'
  | 'ledger.edit.updateTransfer'
  | 'ledger.edit.transferState'
  | 'ledger.edit.addProgress'
  | 'ledger.edit.voidProgress'
  | 'ledger.edit.saveDeduction'
  | 'ledger.edit.saveSupervision'
>;

export const ledgerEditHandlers: LedgerEditHandlers = {
  // Every edit names the case it touches and passes editRights.ts's rule (issue 12 §1) before writing.
  'ledger.edit.saveCase': (ctx, input) => {
    const user = requireUser(ctx);
    if (!input.caseId) {
      const r = saveCase(ctx.app, { ...input, handlerId: handlerForNewCase(ctx.app, user, input.handlerId) ?? undefined });
      ctx.note({ recordType: 'case', recordId: r.id, summary: `新建案件 ${r.caseNo}` });
      return { id: r.id };
    }
    const before = requireCaseEditor(ctx.app, user, input.caseId);
    const r = saveCase(ctx.app, input);
    const moved = input.handlerId !== undefined && input.handlerId !== before.handlerId ? reassignCase(ctx.app, user, r.id, input.handlerId) : null;
    ctx.note({ recordType: 'case', recordId: r.id, summary: `修改案件 ${r.caseNo}${moved ? `；${moved}` : ''}` });
    return { id: r.id };
  },
  'ledger.edit.reassignCase': (ctx, input) => {
    const moved = reassignCase(ctx.app, requireUser(ctx), input.caseId, input.handlerId, input.reason);
    const c = requireCaseEditor(ctx.app, requireUser(ctx), input.caseId);
    ctx.note({ recordType: 'case', recordId: input.caseId, summary: moved ?? `${c.caseNo} 承办人未变` });
    return { id: input.caseId };
  },
  'ledger.edit.saveParty': (ctx, input) => {
    requireCaseEditor(ctx.app, requireUser(ctx), input.caseId);
    const r = saveParty(ctx.app, input);
    ctx.note({ recordType: 'case', recordId: input.caseId, summary: `${input.partyId ? '修改' : '新增'}${r.caseNo}的${input.side} ${input.name}` });
    return { id: r.id };
  },
  'ledger.edit.removeParty': (ctx, input) => {
    requireCaseEditor(ctx.app, requireUser(ctx), caseOfRecord(ctx.app, 'parties', input.partyId, '当事人'));
    const r = removeParty(ctx.app, input.partyId);
    ctx.note({ recordType: 'party', recordId: r.id, summary: `删除${r.caseNo}的当事人 ${r.name}` });
    return { id: r.id };
  },
  'ledger.edit.createTransfer': (ctx, input) => {
    requireCaseEditor(ctx.app, requireUser(ctx), input.caseId);
    const r = createTransfer(ctx.app, requireUser(ctx), input);
    ctx.note({ recordType: 'transfer', recordId: r.id, summary: `${r.caseNo} 新建${input.mode}执行（${input.direction}），状态：${r.state}` });
    return { id: r.id };
  },
  'ledger.edit.updateTransfer': (ctx, input) => {
    requireCaseEditor(ctx.app, requireUser(ctx), caseOfRecord(ctx.app, 'transfers', input.transferId, '交叉执行记录'));
    const r = updateTransfer(ctx.app, requireUser(ctx), input);
    ctx.note({ recordType: 'transfer', recordId: r.id, summary: `${r.caseNo} 修改交叉执行记录：${r.changed.join('、')}` });
    return { id: r.id };
  },
  'ledger.edit.transferState': (ctx, input) => {
    requireCaseEditor(ctx.app, requireUser(ctx), caseOfRecord(ctx.app, 'transfers', input.transferId, '交叉执行记录'));
    const r = moveTransferState(ctx.app, requireUser(ctx), input);
    ctx.note({ recordType: 'transfer', recordId: r.id, summary: `${r.caseNo} 交叉执行：${r.from} → ${r.to}${input.reason ? `（${input.reason}）` : ''}` });
    return { id: r.id };
  },
  'ledger.edit.addProgress': (ctx, input) => {
    requireCaseEditor(ctx.app, requireUser(ctx), input.caseId);
    const r = addProgress(ctx.app, requireUser(ctx), input);
    // 一案双查: substantive progress on a case received from a court where it had stalled raises the check (issue 3 item 6).
    const check = raiseDoubleCheckIfDue(ctx.app, r.id, requireUser(ctx).id > 0 ? requireUser(ctx).id : null);
    ctx.note({ recordType: 'progress', recordId: r.id, summary: `${r.caseNo} 记录进展${input.amountFen ? `，到位 ${(input.amountFen / 100).toFixed(2)} 元` : ''}${check ? '；自动启动一案双查' : ''}` });
    return { id: r.id };
  },
  'ledger.edit.voidProgress': (ctx, input) => {
    requireCaseEditor(ctx.app, requireUser(ctx), caseOfRecord(ctx.app, 'progress_entries', input.progressId, '进展记录'));
    const r = voidProgress(ctx.app, requireUser(ctx), input.progressId, input.reason);
    ctx.note({ recordType: 'progress', recordId: r.id, summary: `${r.caseNo} 作废进展：${input.reason}` });
    return { id: r.id };
  },
  'ledger.edit.saveDeduction': (ctx, input) => {
    requireCaseEditor(ctx.app, requireUser(ctx), input.caseId);
    const r = saveDeduction(ctx.app, requireUser(ctx), input);
    ctx.note({ recordType: 'deduction', recordId: r.id, summary: `${r.caseNo} ${input.deductionId ? '修改' : '登记'}扣除期间：${input.kind} ${input.startOn} 至 ${input.endOn ?? '今'}` });
    return { id: r.id };
  },
  'ledger.edit.saveSupervision': (ctx, input) => {
    requireCaseEditor(ctx.app, requireUser(ctx), input.caseId);
    const r = saveSupervision(ctx.app, requireUser(ctx), input);
    ctx.note({ recordType: 'supervision', recordId: r.id, summary: `${r.caseNo} ${input.kind}${input.resultOn ? '办结' : input.supervisionId ? '修改' : '启动'}` });
    return { id: r.id };
  },
};
