import type { z } from 'zod';
import type { caseInput, partyInput } from '../../../contract/calls/ledgerEdit';
import { caseHoldingNumber, refuseTakenNumber, resolveCaseNo } from '../caseNumber';
import type { CoreApp } from '../../app';
import { fail, notFound } from '../../errors';
import { caseExists, n, notFuture, userKnown } from './guards';
import { checkZhongben, recordZhongbenBasis } from './zhongbenGate';

const DATE_LABELS = { applicationReceivedOn: '收到申请执行书日期', propertyFoundOn: '发现财产日期', filedOn: '立案日期', closedOn: '结案日期' };

/**
 * Creates or updates a case; the 案号 is stored normalised and must be unique on its number
 * (法〔2015〕137号 第十条; src/core/ledger/caseNumber.ts). A case the migration marked as sharing its number
 * with an earlier one (case_no_dup_of) can still be edited under that number; saving it under a free
 * number clears the mark.
 * An update never touches the handler: naming another one is a reassignment (editRights.ts reassignCase).
 */
export function saveCase(app: CoreApp, v: z.output<typeof caseInput>): { id: number; caseNo: string; created: boolean } {
  const no = resolveCaseNo(app, v.caseNo);
  notFuture(app, { applicationReceivedOn: v.applicationReceivedOn, propertyFoundOn: v.propertyFoundOn, filedOn: v.filedOn, closedOn: v.closedOn }, DATE_LABELS);
  userKnown(app, v.handlerId, 'handlerId', '承办人');
  const stored = v.caseId
    ? (app.sqlite.prepare('SELECT case_no_key AS key, case_no_dup_of AS dupOf FROM cases WHERE id = ?').get(v.caseId) as { key: string; dupOf: number | null } | undefined)
    : undefined;
  const keepsMarkedNumber = !!stored?.dupOf && stored.key === no.key;
  if (!keepsMarkedNumber) refuseTakenNumber(app, no, v.caseId);
  checkZhongben(app, no.typeCode, v);
  const now = app.now().toISOString();
  const row = {
    caseNo: no.caseNo, year: no.year, courtCode: no.courtCode, typeCode: no.typeCode, seq: no.seq,
    cause: n(v.cause), basisTitle: n(v.basisTitle), basisDocNo: n(v.basisDocNo), applicationReceivedOn: n(v.applicationReceivedOn),
    propertyFoundOn: n(v.propertyFoundOn), filedOn: n(v.filedOn), closedOn: n(v.closedOn), closureType: n(v.closureType),
    amountDueFen: n(v.amountDueFen), handlerId: n(v.handlerId), note: n(v.note), now,
  };
  if (v.caseId) {
    caseExists(app, v.caseId);
    const { handlerId: _kept, ...fields } = row;
    app.sqlite
      .prepare(
        `UPDATE cases SET case_no=@caseNo, year=@year, court_code=@courtCode, type_code=@typeCode, seq=@seq, cause=@cause, basis_title=@basisTitle,
           basis_doc_no=@basisDocNo, application_received_on=@applicationReceivedOn, property_found_on=@propertyFoundOn, filed_on=@filedOn,
           closed_on=@closedOn, closure_type=@closureType, amount_due_fen=@amountDueFen, note=@note, updated_at=@now,
           case_no_dup_of=@dupOf WHERE id=@id`,
      )
      .run({ ...fields, id: v.caseId, dupOf: keepsMarkedNumber && caseHoldingNumber(app, no.key, v.caseId) ? stored!.dupOf : null });
    recordZhongbenBasis(app, v.caseId, v);
    return { id: v.caseId, caseNo: no.caseNo, created: false };
  }
  const id = app.sqlite
    .prepare(
      `INSERT INTO cases (case_no, year, court_code, type_code, seq, cause, basis_title, basis_doc_no, application_received_on, property_found_on,
         filed_on, closed_on, closure_type, amount_due_fen, handler_id, note, source, created_at, updated_at)
       VALUES (@caseNo, @year, @courtCode, @typeCode, @seq, @cause, @basisTitle, @basisDocNo, @applicationReceivedOn, @propertyFoundOn,
         @filedOn, @closedOn, @closureType, @amountDueFen, @handlerId, @note, 'manual', @now, @now)`,
    )
    .run(row).lastInsertRowid;
  recordZhongbenBasis(app, Number(id), v);
  return { id: Number(id), caseNo: no.caseNo, created: true };
}

export function saveParty(app: CoreApp, v: z.output<typeof partyInput>): { id: number; caseNo: string } {
  const c = caseExists(app, v.caseId);
  const dup = app.sqlite
    .prepare('SELECT id FROM parties WHERE case_id = ? AND side = ? AND name = ? AND id != ?')
    .get(v.caseId, v.side, v.name, v.partyId ?? 0) as { id: number } | undefined;
  if (dup) fail('CONFLICT', `「姓名或名称」${v.name} 已是本案的${v.side}`, 'name');
  const args = [v.side, v.kind, v.name, n(v.idNumber), v.isSmb ? 1 : 0, v.isLivelihood ? 1 : 0, n(v.phone) || null, n(v.address)];
  if (v.partyId) {
    const own = app.sqlite.prepare('SELECT id FROM parties WHERE id = ? AND case_id = ?').get(v.partyId, v.caseId);
    if (!own) notFound('当事人');
    app.sqlite.prepare('UPDATE parties SET side=?, kind=?, name=?, id_number=?, is_smb=?, is_livelihood=?, phone=?, address=? WHERE id=?').run(...args, v.partyId);
    return { id: v.partyId, caseNo: c.caseNo };
  }
  const id = app.sqlite.prepare('INSERT INTO parties (case_id, side, kind, name, id_number, is_smb, is_livelihood, phone, address) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(v.caseId, ...args).lastInsertRowid;
  return { id: Number(id), caseNo: c.caseNo };
}

export function removeParty(app: CoreApp, partyId: number): { id: number; name: string; caseNo: string } {
  const p = app.sqlite.prepare('SELECT p.id, p.name, c.case_no AS caseNo FROM parties p JOIN cases c ON c.id = p.case_id WHERE p.id = ?').get(partyId) as
    | { id: number; name: string; caseNo: string }
    | undefined;
  if (!p) return notFound('当事人');
  app.sqlite.prepare('DELETE FROM parties WHERE id = ?').run(partyId);
  return p;
}
