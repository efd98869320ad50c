import type { CoreApp } from '../../app';
import { fail, notFound } from '../../errors';
import { chinaToday } from '../excelImport/analyseWorkbook';

/** Records that the money of one arrival (a progress entry with an amount) was paid out, clearing its reminder. */
export function recordPayout(app: CoreApp, actorId: number | null, input: { progressId: number; paidOn: string; note?: string }): { id: number; caseNo: string; fen: number } {
  const p = app.sqlite
    .prepare(`SELECT p.case_id AS caseId, p.on_date AS onDate, p.amount_fen AS fen, p.voided_at AS voided, c.case_no AS caseNo FROM progress_entries p JOIN cases c ON c.id = p.case_id WHERE p.id = ?`)
    .get(input.progressId) as { caseId: number; onDate: string; fen: number; voided: string | null; caseNo: string } | undefined;
  if (!p || p.voided) return notFound('该进展记录');
  if (p.fen <= 0) fail('INVALID_INPUT', '「进展记录」没有到位金额，无需登记发放', 'progressId');
  if (input.paidOn < p.onDate) fail('INVALID_INPUT', `「发放日期」不能早于案款到位日期（${p.onDate}）`, 'paidOn');
  if (input.paidOn > chinaToday(app.now())) fail('INVALID_INPUT', `「发放日期」${input.paidOn} 晚于今天`, 'paidOn');
  if (app.sqlite.prepare(`SELECT 1 FROM ledger_payouts WHERE progress_id = ?`).get(input.progressId)) fail('CONFLICT', '「进展记录」这笔案款已登记发放', 'progressId');
  const id = Number(
    app.sqlite
      .prepare(`INSERT INTO ledger_payouts (progress_id, case_id, paid_on, note, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)`)
      .run(input.progressId, p.caseId, input.paidOn, input.note ?? null, app.now().toISOString(), actorId).lastInsertRowid,
  );
  return { id, caseNo: p.caseNo, fen: p.fen };
}
