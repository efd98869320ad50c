import type { CoreApp } from '../../app';

/**
 * One exported ledger line: a case with its parties, money recovered and its latest transfer.
 * Read in chunks by case id with plain SQL so 100 000 cases export without holding them all.
 */
export type ExportRow = {
  caseId: number;
  caseNo: string;
  cause: string | null;
  basisDocNo: string | null;
  applicants: string;
  applicantIds: string;
  debtors: string;
  debtorIds: string;
  amountDueFen: number | null;
  recoveredFen: number;
  mode: string | null;
  direction: string | null;
  reasons: string | null;
  initiatedBy: string | null;
  decidingCourt: string | null;
  decisionDocNo: string | null;
  decisionOn: string | null;
  deadlineOn: string | null;
  originalCourt: string | null;
  receivingCourt: string | null;
  originalCaseNo: string | null;
  newCaseNo: string | null;
  requestedOn: string | null;
  handedOverOn: string | null;
  receivedOn: string | null;
  newFiledOn: string | null;
  state: string | null;
  handler: string | null;
  applicationReceivedOn: string | null;
  filedOn: string | null;
  closedOn: string | null;
  closureType: string | null;
  isSmb: boolean;
  isLivelihood: boolean;
  lastProgress: string | null;
  note: string | null;
};

const CHUNK = 500;

export function* exportRowsByCase(app: CoreApp, caseIds: readonly number[]): Generator<ExportRow> {
  for (let i = 0; i < caseIds.length; i += CHUNK) {
    const ids = caseIds.slice(i, i + CHUNK);
    const ph = ids.map(() => '?').join(',');
    const rows = app.sqlite
      .prepare(
        `SELECT c.id AS caseId, c.case_no AS caseNo, c.cause, c.basis_doc_no AS basisDocNo, c.amount_due_fen AS amountDueFen,
           c.application_received_on AS applicationReceivedOn, c.filed_on AS filedOn, c.closed_on AS closedOn, c.closure_type AS closureType,
           c.note, u.display_name AS handler,
           t.mode, t.direction, t.reasons, t.reason_other AS reasonOther, t.initiated_by AS initiatedBy, dc.name AS decidingCourt,
           t.decision_doc_no AS decisionDocNo, t.decision_on AS decisionOn, t.deadline_on AS deadlineOn, oc.name AS originalCourt,
           rc.name AS receivingCourt, t.original_case_no AS originalCaseNo, t.new_case_no AS newCaseNo, t.requested_on AS requestedOn,
           t.handed_over_on AS handedOverOn, t.received_on AS receivedOn, t.filed_on AS newFiledOn, t.state,
           (SELECT COALESCE(SUM(p.amount_fen), 0) FROM progress_entries p WHERE p.case_id = c.id AND p.voided_at IS NULL) AS recoveredFen,
           (SELECT p.text FROM progress_entries p WHERE p.case_id = c.id AND p.voided_at IS NULL ORDER BY p.on_date DESC, p.id DESC LIMIT 1) AS lastProgress
         FROM cases c
         LEFT JOIN users u ON u.id = c.handler_id
         LEFT JOIN transfers t ON t.id = c.latest_transfer_id
         LEFT JOIN courts dc ON dc.code = t.deciding_court_code
         LEFT JOIN courts oc ON oc.code = t.original_court_code
         LEFT JOIN courts rc ON rc.code = t.receiving_court_code
         WHERE c.id IN (${ph})`,
      )
      .all(...ids) as (Omit<ExportRow, 'applicants' | 'applicantIds' | 'debtors' | 'debtorIds' | 'isSmb' | 'isLivelihood'> & { reasonOther: string | null })[];
    const parties = app.sqlite
      .prepare(`SELECT case_id AS caseId, side, name, id_number AS idNumber, is_smb AS isSmb, is_livelihood AS isLivelihood FROM parties WHERE case_id IN (${ph}) ORDER BY id`)
      .all(...ids) as { caseId: number; side: string; name: string; idNumber: string | null; isSmb: number; isLivelihood: number }[];
    const byCase = new Map<number, typeof parties>();
    for (const p of parties) byCase.set(p.caseId, [...(byCase.get(p.caseId) ?? []), p]);
    const byId = new Map(rows.map((r) => [r.caseId, r]));
    for (const id of ids) {
      const r = byId.get(id);
      if (!r) continue;
      const ps = byCase.get(id) ?? [];
      const side = (s: string) => ps.filter((p) => p.side === s);
      const ids_ = (s: string) => (side(s).some((p) => p.idNumber) ? side(s).map((p) => p.idNumber ?? '无').join('、') : '');
      const reasons = r.reasons ? (JSON.parse(r.reasons) as string[]).map((x) => (x === '其他' && r.reasonOther ? r.reasonOther : x)).join('、') : null;
      yield {
        ...r,
        reasons: reasons || null,
        applicants: side('申请执行人').map((p) => p.name).join('、'),
        applicantIds: ids_('申请执行人'),
        debtors: side('被执行人').map((p) => p.name).join('、'),
        debtorIds: ids_('被执行人'),
        isSmb: ps.some((p) => p.isSmb),
        isLivelihood: ps.some((p) => p.isLivelihood),
      };
    }
  }
}
