import type { z } from 'zod';
import type { deductionInput, progressInput, supervisionInput } from '../../../contract/calls/ledgerEdit';
import type { UserPublic } from '../../../contract/calls/common';
import type { CoreApp } from '../../app';
import { fail, notFound } from '../../errors';
import { caseExists, n, notFuture } from './guards';

const uid = (u: UserPublic) => (u.id > 0 ? u.id : null);

/** A progress entry (measures, money recovered, substantive progress / resolved flags). Never deleted, only voided. */
export function addProgress(app: CoreApp, actor: UserPublic, v: z.output<typeof progressInput>): { id: number; caseNo: string } {
  const c = caseExists(app, v.caseId);
  if (v.transferId) {
    const t = app.sqlite.prepare('SELECT 1 FROM transfers WHERE id = ? AND case_id = ?').get(v.transferId, v.caseId);
    if (!t) fail('INVALID_INPUT', '「交叉执行记录」不属于本案', 'transferId');
  }
  notFuture(app, { onDate: v.onDate }, { onDate: '进展日期' });
  const id = app.sqlite
    .prepare(
      `INSERT INTO progress_entries (case_id, transfer_id, on_date, measures, measure_other, amount_fen, substantive, resolved, text, recorded_at, recorded_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(v.caseId, n(v.transferId), v.onDate, JSON.stringify(v.measures), n(v.measureOther), v.amountFen, v.substantive ? 1 : 0, v.resolved ? 1 : 0, n(v.text), app.now().toISOString(), uid(actor))
    .lastInsertRowid;
  return { id: Number(id), caseNo: c.caseNo };
}

export function voidProgress(app: CoreApp, actor: UserPublic, progressId: number, reason: string): { id: number; caseNo: string } {
  const p = app.sqlite.prepare('SELECT p.voided_at AS voidedAt, c.case_no AS caseNo FROM progress_entries p JOIN cases c ON c.id = p.case_id WHERE p.id = ?').get(progressId) as
    | { voidedAt: string | null; caseNo: string }
    | undefined;
  if (!p) return notFound('执行进展');
  if (p.voidedAt) fail('INVALID_STATE', '该进展已作废');
  app.sqlite.prepare('UPDATE progress_entries SET voided_at = ?, voided_by = ?, void_reason = ? WHERE id = ?').run(app.now().toISOString(), uid(actor), reason, progressId);
  return { id: progressId, caseNo: p.caseNo };
}

/** 扣除期间 (执行程序解释 第十三条). Overlapping intervals of the same case would be subtracted twice, so they are refused. */
export function saveDeduction(app: CoreApp, actor: UserPublic, v: z.output<typeof deductionInput>): { id: number; caseNo: string } {
  const c = caseExists(app, v.caseId);
  // The start has happened; a known end may lie ahead (a 公告期 runs to a fixed day) — 执行程序解释 第十三条.
  notFuture(app, { startOn: v.startOn }, { startOn: '开始日期' });
  // Overlapping intervals are allowed (e.g. 中止 during a 公告): the clock deducts their union, each day once
  // (sixMonthClock.ts). Only the same interval entered twice is refused.
  const twin = app.sqlite
    .prepare(`SELECT 1 FROM deductions WHERE case_id = ? AND id != ? AND kind = ? AND start_on = ?`)
    .get(v.caseId, v.deductionId ?? 0, v.kind, v.startOn);
  if (twin) fail('CONFLICT', `「开始日期」${v.startOn} 起的${v.kind}期间已登记`, 'startOn');
  if (v.deductionId) {
    const own = app.sqlite.prepare('SELECT 1 FROM deductions WHERE id = ? AND case_id = ?').get(v.deductionId, v.caseId);
    if (!own) notFound('扣除期间');
    app.sqlite.prepare('UPDATE deductions SET kind = ?, start_on = ?, end_on = ?, note = ? WHERE id = ?').run(v.kind, v.startOn, n(v.endOn), n(v.note), v.deductionId);
    return { id: v.deductionId, caseNo: c.caseNo };
  }
  const id = app.sqlite
    .prepare('INSERT INTO deductions (case_id, kind, start_on, end_on, note, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(v.caseId, v.kind, v.startOn, n(v.endOn), n(v.note), app.now().toISOString(), uid(actor)).lastInsertRowid;
  return { id: Number(id), caseNo: c.caseNo };
}

/** 督办 and 一案双查 (法〔2021〕322号 第31条): raised, then closed with a result. */
export function saveSupervision(app: CoreApp, actor: UserPublic, v: z.output<typeof supervisionInput>): { id: number; caseNo: string } {
  const c = caseExists(app, v.caseId);
  notFuture(app, { raisedOn: v.raisedOn, resultOn: v.resultOn }, { raisedOn: '启动日期', resultOn: '办结日期' });
  const status = v.resultOn ? '已办结' : '进行中';
  if (v.supervisionId) {
    const own = app.sqlite.prepare('SELECT 1 FROM supervisions WHERE id = ? AND case_id = ?').get(v.supervisionId, v.caseId);
    if (!own) notFound('督办记录');
    app.sqlite
      .prepare('UPDATE supervisions SET kind = ?, transfer_id = ?, status = ?, raised_on = ?, reason = ?, result = ?, result_on = ? WHERE id = ?')
      .run(v.kind, n(v.transferId), status, v.raisedOn, n(v.reason), n(v.result), n(v.resultOn), v.supervisionId);
    return { id: v.supervisionId, caseNo: c.caseNo };
  }
  const id = app.sqlite
    .prepare('INSERT INTO supervisions (case_id, transfer_id, kind, status, raised_on, reason, result, result_on, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
    .run(v.caseId, n(v.transferId), v.kind, status, v.raisedOn, n(v.reason), n(v.result), n(v.resultOn), uid(actor), app.now().toISOString()).lastInsertRowid;
  return { id: Number(id), caseNo: c.caseNo };
}
