import type { CoreApp } from '../../app';
import { addMonths } from '../../calendar/period';
import { getSettings } from '../../settings/settings';
import { chinaToday } from '../excelImport/analyseWorkbook';
import { daysBetween } from './sixMonthClock';

/**
 * 一案双查 (法〔2021〕322号 item 31: check how the case was enforced and, at the same time, the
 * officers' discipline). When a case received from another court (transfer 移入) records
 * substantive progress here after it had stalled there for longer than the setting
 * doubleCheckStallMonths, a supervisions row of kind 一案双查 is raised automatically — once per
 * transfer — and stays 进行中 until its result is recorded on the case page.
 * Runs inside the caller's transaction (the ledger.edit.addProgress handler).
 */
export function raiseDoubleCheckIfDue(app: CoreApp, progressId: number, actorId: number | null): { supervisionId: number; caseNo: string } | null {
  const p = app.sqlite
    .prepare(
      `SELECT p.case_id AS caseId, p.on_date AS onDate, p.substantive, p.resolved, c.case_no AS caseNo,
              c.application_received_on AS received, c.property_found_on AS found, c.filed_on AS filedOn
       FROM progress_entries p JOIN cases c ON c.id = p.case_id WHERE p.id = ? AND p.voided_at IS NULL`,
    )
    .get(progressId) as
    | { caseId: number; onDate: string; substantive: number; resolved: number; caseNo: string; received: string | null; found: string | null; filedOn: string | null }
    | undefined;
  if (!p || !(p.substantive || p.resolved)) return null;
  const t = app.sqlite
    .prepare(
      `SELECT t.id, t.original_court_code AS court, COALESCE(t.received_on, t.filed_on, t.handed_over_on, t.decision_on) AS arrived
       FROM transfers t
       WHERE t.case_id = ? AND t.direction = '移入' AND t.state NOT IN ('不予批准', '已退出')
         AND COALESCE(t.received_on, t.filed_on, t.handed_over_on, t.decision_on) <= ?
       ORDER BY arrived DESC, t.id DESC LIMIT 1`,
    )
    .get(p.caseId, p.onDate) as { id: number; court: string | null; arrived: string } | undefined;
  if (!t) return null;
  const already = app.sqlite.prepare(`SELECT 1 FROM supervisions WHERE transfer_id = ? AND kind = '一案双查'`).get(t.id);
  if (already) return null;
  // The stall there: from the latest of receipt of the application, property found and the last
  // substantive progress before the case arrived here, to the day it arrived.
  const lastThere = app.sqlite
    .prepare(`SELECT max(on_date) AS d FROM progress_entries WHERE case_id = ? AND (substantive = 1 OR resolved = 1) AND voided_at IS NULL AND on_date < ?`)
    .get(p.caseId, t.arrived) as { d: string | null };
  const from = [p.received, p.found, lastThere.d, p.received || p.found ? null : p.filedOn].filter((d): d is string => !!d).sort().pop();
  if (!from) return null;
  const months = getSettings(app).doubleCheckStallMonths;
  if (addMonths(from, months) >= t.arrived) return null;
  const court = t.court ? ((app.sqlite.prepare(`SELECT name FROM courts WHERE code = ?`).get(t.court) as { name: string } | undefined)?.name ?? t.court) : '原执行法院';
  const stallDays = daysBetween(from, t.arrived);
  const reason =
    `移入后于 ${p.onDate} 取得实质进展；此前在${court}自 ${from} 至 ${t.arrived} 约 ${Math.floor(stallDays / 30)} 个月（${stallDays} 日）无实质进展，` +
    `依“一案双查”同步检查原执行情况和干警纪律作风（法〔2021〕322号 第31条；设置：停滞超过 ${months} 个月）`;
  const today = chinaToday(app.now());
  const id = Number(
    app.sqlite
      .prepare(
        `INSERT INTO supervisions (case_id, transfer_id, kind, status, raised_on, reason, created_by, created_at) VALUES (?, ?, '一案双查', '进行中', ?, ?, ?, ?)`,
      )
      .run(p.caseId, t.id, today < p.onDate ? p.onDate : today, reason, actorId, app.now().toISOString()).lastInsertRowid,
  );
  return { supervisionId: id, caseNo: p.caseNo };
}
