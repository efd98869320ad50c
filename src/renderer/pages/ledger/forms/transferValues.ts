import type { CallInput } from '../../../../contract';
import type { CaseViewTransfer } from '../../../../contract/calls/ledgerView';
import { transferDirectionIssues } from '../../../../contract/calls/ledgerEdit';
import type { Direction, TransferMode } from '../../../../contract/vocabulary';
import { opt } from './useContractForm';

/** What the transfer form holds: text as typed, pickers as codes (null when empty). */
export type TransferValues = {
  mode: TransferMode;
  direction: Direction;
  reasons: string[];
  reasonOther: string;
  initiatedBy: string | null;
  decidingCourtCode: string | null;
  decisionDocType: string | null;
  decisionDocNo: string;
  decisionOn: string;
  deadlineOn: string;
  originalCourtCode: string | null;
  receivingCourtCode: string | null;
  receivingTeam: string;
  originalCaseNo: string;
  newCaseNo: string;
  requestedOn: string;
  ourContact: string;
  ourPhone: string;
  theirContact: string;
  theirPhone: string;
};

export const EMPTY_TRANSFER: TransferValues = {
  mode: '指令',
  direction: '移出',
  reasons: [],
  reasonOther: '',
  initiatedBy: null,
  decidingCourtCode: null,
  decisionDocType: null,
  decisionDocNo: '',
  decisionOn: '',
  deadlineOn: '',
  originalCourtCode: null,
  receivingCourtCode: null,
  receivingTeam: '',
  originalCaseNo: '',
  newCaseNo: '',
  requestedOn: '',
  ourContact: '',
  ourPhone: '',
  theirContact: '',
  theirPhone: '',
};

/** Form values → ledger.edit.createTransfer input; fields that do not apply to the chosen mode are left out. */
export function transferInputOf(caseId: number, v: TransferValues): CallInput<'ledger.edit.createTransfer'> {
  const internal = v.mode === '院内交叉';
  return {
    caseId,
    mode: v.mode,
    direction: v.direction,
    reasons: v.reasons as never,
    reasonOther: v.reasons.includes('其他') ? opt(v.reasonOther) : undefined,
    initiatedBy: (v.initiatedBy ?? undefined) as never,
    decidingCourtCode: v.decidingCourtCode ?? undefined,
    decisionDocType: (v.decisionDocType ?? undefined) as never,
    decisionDocNo: opt(v.decisionDocNo),
    decisionOn: opt(v.decisionOn),
    deadlineOn: opt(v.deadlineOn),
    originalCourtCode: internal ? undefined : (v.originalCourtCode ?? undefined),
    receivingCourtCode: internal ? undefined : (v.receivingCourtCode ?? undefined),
    receivingTeam: opt(v.receivingTeam),
    originalCaseNo: opt(v.originalCaseNo),
    newCaseNo: opt(v.newCaseNo),
    requestedOn: opt(v.requestedOn),
    ourContact: opt(v.ourContact),
    ourPhone: opt(v.ourPhone),
    theirContact: opt(v.theirContact),
    theirPhone: opt(v.theirPhone),
  };
}

/** A stored transfer → the form's values, for correcting it. */
export function transferValuesOf(t: CaseViewTransfer): TransferValues {
  const s = (x: string | null) => x ?? '';
  return {
    mode: t.mode as TransferMode,
    direction: t.direction as Direction,
    reasons: t.reasons,
    reasonOther: s(t.reasonOther),
    initiatedBy: t.initiatedBy,
    decidingCourtCode: t.decidingCourtCode,
    decisionDocType: t.decisionDocType,
    decisionDocNo: s(t.decisionDocNo),
    decisionOn: s(t.decisionOn),
    deadlineOn: s(t.deadlineOn),
    originalCourtCode: t.originalCourtCode,
    receivingCourtCode: t.receivingCourtCode,
    receivingTeam: s(t.receivingTeam),
    originalCaseNo: s(t.originalCaseNo),
    newCaseNo: s(t.newCaseNo),
    requestedOn: s(t.requestedOn),
    ourContact: s(t.ourContact),
    ourPhone: s(t.ourPhone),
    theirContact: s(t.theirContact),
    theirPhone: s(t.theirPhone),
  };
}

/**
 * Form values → ledger.edit.updateTransfer input (the version the user saw goes along). The direction
 * is fixed, so its rules are checked here against the stored one, as the core does.
 */
export function transferUpdateOf(t: CaseViewTransfer, v: TransferValues): { input: CallInput<'ledger.edit.updateTransfer'>; errors: Record<string, string> } {
  const { caseId: _c, direction: _d, ...details } = transferInputOf(0, { ...v, direction: t.direction as Direction });
  const errors = Object.fromEntries(transferDirectionIssues({ ...details, direction: t.direction }).map((i) => [i.path, i.message]));
  return { input: { ...details, transferId: t.id, version: t.version }, errors };
}

/** Keeps mode and direction consistent as the user changes one (院内交叉 ⇔ 院内, the contract's rule). */
export function alignDirection(mode: TransferMode, direction: Direction): Direction {
  if (mode === '院内交叉') return '院内';
  return direction === '院内' ? '移出' : direction;
}
export function alignMode(direction: Direction, mode: TransferMode): TransferMode {
  if (direction === '院内') return '院内交叉';
  return mode === '院内交叉' ? '指令' : mode;
}
