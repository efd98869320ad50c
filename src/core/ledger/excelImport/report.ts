// exceljs is loaded on first use (inside streamingWorkbook): start-up does not need it.
import { streamingWorkbook } from '../../files/xlsxStream';
import type { AnalysedRow } from './candidate';
import type { Layout } from './layout';
import type { SheetGrid } from './readSheet';

/** Header of the reason column; the importer ignores it, so a corrected report can be imported as is. */
export const REASON_HEADER = '未导入原因';
export const ROW_HEADER = '原行号';
const PARTY_FIELDS = ['applicants', 'applicantIds', 'debtors', 'debtorIds'];

/**
 * The rows that were not imported, with the file's own columns and values plus the reasons, so
 * the clerk can correct them in Excel and import this very file again.
 */
export async function rejectedReport(grid: SheetGrid, layout: Layout, rows: AnalysedRow[], heading: string): Promise<Buffer | null> {
  const rejected = rows.filter((r) => r.status === 'error' || r.status === 'duplicate');
  if (!rejected.length) return null;
  const { wb, finish } = await streamingWorkbook();
  wb.creator = '交叉执行工作台';
  const ws = wb.addWorksheet('未导入的行', { views: [{ state: 'frozen', ySplit: 2 }] });
  const cols = layout.columns;
  const width = cols.length + 2;
  ws.columns = [{ width: 8 }, ...cols.map((c) => ({ width: Math.min(40, Math.max(10, c.header.length * 2 + 2)) })), { width: 60 }];
  const title = ws.addRow([heading]);
  ws.mergeCells(1, 1, 1, width);
  title.font = { bold: true, size: 13 };
  title.commit();
  const header = ws.addRow([ROW_HEADER, ...cols.map((c) => c.header), REASON_HEADER]);
  header.font = { bold: true };
  header.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8ECF7' } };
    c.border = { bottom: { style: 'thin' } };
  });
  header.commit();
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: width } };
  for (const r of rejected) {
    const reasons = r.problems
      .filter((p) => p.level === 'error' || r.status === 'duplicate')
      .map((p) => p.message)
      .join('\n');
    r.rows.forEach((rowNo, i) => {
      // Continuation rows (more parties of one case) keep only their party cells, so the report re-imports as one case.
      const keep = (f: string) => i === 0 || PARTY_FIELDS.includes(f);
      const line = ws.addRow([rowNo, ...cols.map((c) => (keep(c.field) ? (grid.values[rowNo]?.[c.col] ?? null) : null)), i === 0 ? (r.status === 'duplicate' ? `跳过：${reasons}` : reasons) : '']);
      const reasonCell = line.getCell(width);
      reasonCell.alignment = { wrapText: true, vertical: 'top' };
      reasonCell.font = { color: { argb: r.status === 'duplicate' ? 'FF7A5B00' : 'FFC00000' } };
      cols.forEach((c, j) => {
        const v = grid.values[rowNo]?.[c.col];
        if (v instanceof Date) line.getCell(j + 2).numFmt = 'yyyy-mm-dd';
      });
      line.commit();
    });
  }
  ws.commit();
  return finish();
}
