import type { CallInput } from '../../../../contract';
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

/** Keeps mode and direction consistent as the user changes one (院内交叉 ⇔ 院内, the contract's rule). */
export function alignDirection(mode: TransferMode, direction: Direction): Direction {
  if (mode === '院内交叉') return '院内';
  return direction === '院内' ? '移出' : direction;
}
export function alignMode(direction: Direction, mode: TransferMode): TransferMode {
  if (direction === '院内') return '院内交叉';
  return mode === '院内交叉' ? '指令' : mode;
}
