import type { CorrectionLine } from '../../contract/calls/reports';
import type { CoreApp } from '../app';
import { reportWeekOfDate, type ReportWeek } from './week';
import { wan } from './format';
import { plusDays } from '../ledger/dates';
import { chinaToday } from '../ledger/excelImport/analyseWorkbook';

/**
 * Correction lines (更正说明): changes recorded during this reporting window — after the previous
 * week's cutoff and before this week's — whose legal date lies in an earlier week. Those earlier
 * reports stay as they were (reproducible); the difference is reported here instead of silently.
 */
export function correctionsIn(
  app: CoreApp,
  w: ReportWeek,
  prevCutoffAt: string,
  startsOn: number,
  crossCases: Map<number, { caseNo: string; since: string }>,
  transferCase: Map<number, number>,
): CorrectionLine[] {
  const out: CorrectionLine[] = [];
  const weekOf = (d: string) => reportWeekOfDate(d, startsOn).week;
  const reportedWeeks = new Set(
    (app.sqlite.prepare(`SELECT DISTINCT week FROM weekly_reports WHERE status = '已报送' AND submitted_at < ?`).all(w.cutoffAt) as { week: string }[]).map((r) => r.week),
  );
  const line = (caseNo: string, onDate: string, recordedAt: string, what: string, amountDeltaFen: number) => {
    const affectedWeek = weekOf(onDate);
    out.push({ caseNo, affectedWeek, reported: reportedWeeks.has(affectedWeek), onDate, recordedAt, what, amountDeltaFen });
  };

  // Progress entries added late (补录) or voided (作废) in this window, dated before this week.
  const added = app.sqlite
    .prepare(
      `SELECT case_id AS caseId, on_date AS onDate, amount_fen AS fen, substantive, resolved, recorded_at AS at FROM progress_entries
       WHERE recorded_at >= ? AND recorded_at < ? AND on_date < ? AND (voided_at IS NULL OR voided_at >= ?) ORDER BY recorded_at, id`,
    )
    .all(prevCutoffAt, w.cutoffAt, w.startOn, w.cutoffAt) as { caseId: number; onDate: string; fen: number; substantive: number; resolved: number; at: string }[];
  for (const p of added) {
    const c = crossCases.get(p.caseId);
    if (!c || p.onDate < c.since) continue;
    const flags = [p.substantive ? '实质进展' : '', p.resolved ? '化解' : ''].filter(Boolean).join('、');
    line(c.caseNo, p.onDate, p.at, `补录 ${p.onDate} 执行进展${flags ? `（${flags}）` : ''}${p.fen ? `，到位 ${wan(p.fen)} 万元` : ''}`, p.fen);
  }
  const voided = app.sqlite
    .prepare(
      `SELECT case_id AS caseId, on_date AS onDate, amount_fen AS fen, voided_at AS at, void_reason AS reason FROM progress_entries
       WHERE voided_at >= ? AND voided_at < ? AND recorded_at < ? AND on_date < ? ORDER BY voided_at, id`,
    )
    .all(prevCutoffAt, w.cutoffAt, prevCutoffAt, w.startOn) as { caseId: number; onDate: string; fen: number; at: string; reason: string | null }[];
  for (const p of voided) {
    const c = crossCases.get(p.caseId);
    if (!c || p.onDate < c.since) continue;
    line(c.caseNo, p.onDate, p.at, `作废 ${p.onDate} 执行进展${p.fen ? `（到位 ${wan(p.fen)} 万元）` : ''}${p.reason ? `，原因：${p.reason}` : ''}`, -p.fen);
  }

  // Transfer steps recorded in this window but dated earlier, and edits of mode / direction.
  const events = app.sqlite
    .prepare(
      `SELECT transfer_id AS t, kind, effective_on AS onDate, to_state AS toState, data, at FROM transfer_events
       WHERE at >= ? AND at < ? AND (kind = 'edit' OR (to_state IS NOT NULL AND effective_on < ?)) ORDER BY id`,
    )
    .all(prevCutoffAt, w.cutoffAt, w.startOn) as { t: number; kind: string; onDate: string; toState: string | null; data: string; at: string }[];
  for (const e of events) {
    const caseId = transferCase.get(e.t);
    const c = caseId === undefined ? undefined : crossCases.get(caseId);
    if (!c) continue;
    if (e.kind === 'edit') {
      let d: Record<string, unknown> = {};
      try {
        d = JSON.parse(e.data) as Record<string, unknown>;
      } catch {
        /* not an edit we can read */
      }
      for (const [field, label] of [['mode', '交叉执行方式'], ['direction', '移送方向']] as const) {
        const v = d[field];
        if (Array.isArray(v) && v.length === 2 && v[0] !== v[1] && c.since < w.startOn)
          line(c.caseNo, c.since, e.at, `${label}由「${String(v[0])}」更正为「${String(v[1])}」（影响自 ${c.since} 起的分类统计）`, 0);
      }
    } else {
      line(c.caseNo, e.onDate, e.at, `补登 ${e.onDate}「${e.toState}」`, 0);
    }
  }

  // Cases renumbered in this window (case_no_history, reports/0005): earlier reports keep the number they
  // showed; this line says which number the case now has.
  const renumbered = app.sqlite
    .prepare(
      `SELECT h.case_id AS caseId, h.case_no AS caseNo, h.at,
              (SELECT p.case_no FROM case_no_history p WHERE p.case_id = h.case_id AND (p.at < h.at OR (p.at = h.at AND p.id < h.id))
               ORDER BY p.at DESC, p.id DESC LIMIT 1) AS before
       FROM case_no_history h WHERE h.at >= ? AND h.at < ? ORDER BY h.at, h.id`,
    )
    .all(prevCutoffAt, w.cutoffAt) as { caseId: number; caseNo: string; at: string; before: string | null }[];
  for (const r of renumbered) {
    const c = crossCases.get(r.caseId);
    if (!c || !r.before || r.before === r.caseNo || c.since >= w.startOn) continue;
    // The last report before this one showed the old number (as did every report since the case became a cross case).
    const affectedWeek = weekOf(plusDays(w.startOn, -1));
    out.push({
      caseNo: c.caseNo, affectedWeek, reported: reportedWeeks.has(affectedWeek), onDate: chinaToday(new Date(r.at)), recordedAt: r.at,
      what: `案号由「${r.before}」更正为「${r.caseNo}」（此前各期周报以原案号列示，数据不变）`, amountDeltaFen: 0,
    });
  }
  return out;
}


