import type { Handlers } from '../context';
import { requireUser } from '../context';
import { removeParty, saveCase, saveParty } from '../../ledger/edit/cases';
import { createTransfer, moveTransferState, updateTransfer } from '../../ledger/edit/transfers';
import { addProgress, saveDeduction, saveSupervision, voidProgress } from '../../ledger/edit/records';
import { raiseDoubleCheckIfDue } from '../../ledger/deadlines/doubleCheck';

type LedgerEditHandlers = Pick<
  Handlers,
  | 'ledger.edit.saveCase'
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
  'ledger.edit.saveCase': (ctx, input) => {
    const r = saveCase(ctx.app, input);
    ctx.note({ recordType: 'case', recordId: r.id, summary: `${r.created ? '新建' : '修改'}案件 ${r.caseNo}` });
    return { id: r.id };
  },
  'ledger.edit.saveParty': (ctx, input) => {
    const r = saveParty(ctx.app, input);
    ctx.note({ recordType: 'case', recordId: input.caseId, summary: `${input.partyId ? '修改' : '新增'}${r.caseNo}的${input.side} ${input.name}` });
    return { id: r.id };
  },
  'ledger.edit.removeParty': (ctx, input) => {
    const r = removeParty(ctx.app, input.partyId);
    ctx.note({ recordType: 'party', recordId: r.id, summary: `删除${r.caseNo}的当事人 ${r.name}` });
    return { id: r.id };
  },
  'ledger.edit.createTransfer': (ctx, input) => {
    const r = createTransfer(ctx.app, requireUser(ctx), input);
    ctx.note({ recordType: 'transfer', recordId: r.id, summary: `${r.caseNo} 新建${input.mode}执行（${input.direction}），状态：${r.state}` });
    return { id: r.id };
  },
  'ledger.edit.updateTransfer': (ctx, input) => {
    const r = updateTransfer(ctx.app, requireUser(ctx), input);
    ctx.note({ recordType: 'transfer', recordId: r.id, summary: `${r.caseNo} 修改交叉执行记录：${r.changed.join('、')}` });
    return { id: r.id };
  },
  'ledger.edit.transferState': (ctx, input) => {
    const r = moveTransferState(ctx.app, requireUser(ctx), input);
    ctx.note({ recordType: 'transfer', recordId: r.id, summary: `${r.caseNo} 交叉执行：${r.from} → ${r.to}${input.reason ? `（${input.reason}）` : ''}` });
    return { id: r.id };
  },
  'ledger.edit.addProgress': (ctx, input) => {
    const r = addProgress(ctx.app, requireUser(ctx), input);
    // 一案双查: substantive progress on a case received from a court where it had stalled raises the check (issue 3 item 6).
    const check = raiseDoubleCheckIfDue(ctx.app, r.id, requireUser(ctx).id > 0 ? requireUser(ctx).id : null);
    ctx.note({ recordType: 'progress', recordId: r.id, summary: `${r.caseNo} 记录进展${input.amountFen ? `，到位 ${(input.amountFen / 100).toFixed(2)} 元` : ''}${check ? '；自动启动一案双查' : ''}` });
    return { id: r.id };
  },
  'ledger.edit.voidProgress': (ctx, input) => {
    const r = voidProgress(ctx.app, requireUser(ctx), input.progressId, input.reason);
    ctx.note({ recordType: 'progress', recordId: r.id, summary: `${r.caseNo} 作废进展：${input.reason}` });
    return { id: r.id };
  },
  'ledger.edit.saveDeduction': (ctx, input) => {
    const r = saveDeduction(ctx.app, requireUser(ctx), input);
    ctx.note({ recordType: 'deduction', recordId: r.id, summary: `${r.caseNo} ${input.deductionId ? '修改' : '登记'}扣除期间：${input.kind} ${input.startOn} 至 ${input.endOn ?? '今'}` });
    return { id: r.id };
  },
  'ledger.edit.saveSupervision': (ctx, input) => {
    const r = saveSupervision(ctx.app, requireUser(ctx), input);
    ctx.note({ recordType: 'supervision', recordId: r.id, summary: `${r.caseNo} ${input.kind}${input.resultOn ? '办结' : input.supervisionId ? '修改' : '启动'}` });
    return { id: r.id };
  },
};
