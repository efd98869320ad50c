import type { CoreApp } from '../../app';
import { fail, notFound } from '../../errors';
import { chinaToday } from '../excelImport/analyseWorkbook';

/** Checks shared by the editing services: records exist, dates are not in the future, courts and users are known. */
export function caseExists(app: CoreApp, caseId: number): { id: number; caseNo: string; courtCode: string } {
  return (app.sqlite.prepare('SELECT id, case_no AS caseNo, court_code AS courtCode FROM cases WHERE id = ?').get(caseId) as
    | { id: number; caseNo: string; courtCode: string }
    | undefined) ?? notFound('案件');
}

export function notFuture(app: CoreApp, fields: Record<string, string | undefined | null>, labels: Record<string, string>): void {
  const today = chinaToday(app.now());
  for (const [k, v] of Object.entries(fields)) {
    if (v && v > today) fail('INVALID_INPUT', `「${labels[k] ?? k}」${v} 晚于今天，请核对`, k);
  }
}

export function courtKnown(app: CoreApp, code: string | undefined | null, field: string, label: string): void {
  if (!code) return;
  const hit = app.sqlite.prepare('SELECT 1 FROM courts WHERE code = ?').get(code);
  if (!hit) fail('INVALID_INPUT', `「${label}」${code} 不在法院名录中，请先在设置中添加该法院`, field);
}

export function userKnown(app: CoreApp, userId: number | undefined | null, field: string, label: string): void {
  if (!userId) return;
  const u = app.sqlite.prepare('SELECT disabled FROM users WHERE id = ?').get(userId) as { disabled: number } | undefined;
  if (!u) fail('INVALID_INPUT', `「${label}」不存在`, field);
  if (u!.disabled) fail('INVALID_INPUT', `「${label}」已停用`, field);
}

/** undefined → NULL for SQLite. */
export const n = <T>(v: T | undefined): T | null => (v === undefined ? null : v);
