import type { ClosureType, Direction, TransferMode, TransferState } from '../../../contract/vocabulary';
import type { SynonymKind } from '../../../contract/calls/ledgerExcel';

/** One imported case as it will be written: a case, its parties, optionally a transfer and a progress entry. */
export type ImportParty = {
  side: '申请执行人' | '被执行人';
  kind: '自然人' | '法人或其他组织';
  name: string;
  idNumber: string | null;
  isSmb: boolean;
  isLivelihood: boolean;
};

export type ImportTransfer = {
  mode: TransferMode;
  direction: Direction;
  reasons: string[];
  reasonOther: string | null;
  initiatedBy: '依申请' | '依职权' | '上级交办' | null;
  decidingCourtCode: string | null;
  decisionDocNo: string | null;
  decisionOn: string | null;
  deadlineOn: string | null;
  originalCourtCode: string | null;
  receivingCourtCode: string | null;
  originalCaseNo: string | null;
  newCaseNo: string | null;
  requestedOn: string | null;
  handedOverOn: string | null;
  receivedOn: string | null;
  filedOn: string | null;
  closedOn: string | null;
  state: TransferState;
  exitReason: string | null;
};

export type ImportCase = {
  caseNo: string;
  /** The number's uniqueness key (leading zeros dropped; cases.case_no_key). */
  caseNoKey: string;
  year: number;
  courtCode: string;
  typeCode: string;
  seq: number;
  cause: string | null;
  basisDocNo: string | null;
  applicationReceivedOn: string | null;
  filedOn: string | null;
  closedOn: string | null;
  closureType: ClosureType | null;
  amountDueFen: number | null;
  handlerId: number | null;
  /** 承办人 as written in the file. */
  handlerName: string | null;
  note: string | null;
  parties: ImportParty[];
  transfer: ImportTransfer | null;
  /** onDate null: the date of the import (the file did not say when the money arrived). */
  /** The flags are present only when the file says 是, so rows imported before these columns existed keep their content hash. */
  progress: { onDate: string | null; amountFen: number; text: string; substantive?: true; resolved?: true } | null;
};

export type RowProblem = {
  level: 'error' | 'warning';
  /** Excel column letter and header as written in the file, when the problem is about one cell. */
  column?: string;
  header?: string;
  row: number;
  message: string;
  /** The cell's word is not in the vocabulary nor in the synonyms: the preview offers to add it. */
  unknown?: { kind: SynonymKind; value: string };
};

export type RowStatus = 'ok' | 'warning' | 'error' | 'duplicate';

export type AnalysedRow = {
  /** Excel row numbers of the record (several when a case spans merged rows). */
  rows: number[];
  caseNo: string | null;
  status: RowStatus;
  problems: RowProblem[];
  /** Short description for the preview table. */
  summary: { applicants: string; debtors: string; amountDueFen: number | null; mode: string | null; filedOn: string | null };
  candidate: ImportCase | null;
  contentHash: string | null;
};
