import type { CoreApp } from '../../app';
import { createDownloadFile, XLSX_MIME, type Download } from '../../files/downloads';
import { chinaToday } from './analyseWorkbook';
import { exportRowsByCase } from './exportRows';
import { writeLedgerWorkbook } from './exportWorkbook';

/** Writes the given cases (in that order) to a downloadable .xlsx owned by `user`. */
export async function exportCases(app: CoreApp, user: { id: number }, caseIds: readonly number[], filterText: string): Promise<Download & { rows: number }> {
  const today = chinaToday(app.now());
  const title = `交叉执行台账（导出于 ${today}${filterText ? `；筛选：${filterText}` : ''}；共 ${caseIds.length} 件）`;
  let rows = 0;
  const d = await createDownloadFile(app, user, { name: `交叉执行台账-${today}.xlsx`, mime: XLSX_MIME }, async (target) => {
    rows = await writeLedgerWorkbook(target, title, exportRowsByCase(app, caseIds));
  });
  return { ...d, rows };
}
