import type { WeeklyFigures } from '../../contract/calls/reports';
import type { CoreApp } from '../app';
import { getSettings } from '../settings/settings';
import { chinaToday } from '../ledger/dates';
import { chineseDate } from './format';

/**
 * The parts of the weekly report that make it an official document (GB/T 9704-2012 §7.2–7.3):
 * 发文机关标志, 发文字号, 主送机关, 发文机关署名 and 成文日期. The addressee and the number prefix are
 * local settings (设置 → 法院); the number is the week's number in its year (猇法执周〔2026〕11号), so a
 * regenerated version of a week keeps its number; the date is the day the file was generated.
 */
export type ReportHead = { issuer: string; docNo: string; addressee: string; signDate: string };

export function reportHead(app: CoreApp, f: Pick<WeeklyFigures, 'week' | 'courtName'>): ReportHead {
  const s = getSettings(app);
  return {
    issuer: f.courtName,
    docNo: `${s.reportDocNoPrefix}〔${f.week.slice(0, 4)}〕${Number(f.week.slice(6))}号`,
    addressee: s.reportAddressee,
    signDate: chineseDate(chinaToday(app.now())),
  };
}
