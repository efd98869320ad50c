import type { WeeklyFigures } from '../../contract/calls/reports';

/**
 * How much of the long lists goes into the printed report (DOCX/PDF). A weekly report of hundreds of
 * pages helps nobody; beyond these limits the documents show the cases with activity this week and
 * say that the complete list is in the spreadsheet (which always has every row).
 */
export const PRINT_LIMITS = { rows: 300, overdue: 200, noProgress: 100 } as const;

export function printable(f: WeeklyFigures): { rows: WeeklyFigures['rows']; omittedRows: number; overdue: WeeklyFigures['overdue']; noProgress: WeeklyFigures['noProgress'] } {
  let rows = f.rows;
  if (rows.length > PRINT_LIMITS.rows) {
    const busy = rows.filter((r) => r.amountWeekFen > 0 || r.progressText || r.substantiveWeek || r.state === '已结案' || r.state === '已退出');
    rows = busy.slice(0, PRINT_LIMITS.rows);
  }
  return {
    rows,
    omittedRows: f.rows.length - rows.length,
    overdue: f.overdue.slice(0, PRINT_LIMITS.overdue),
    noProgress: f.noProgress.slice(0, PRINT_LIMITS.noProgress),
  };
}
