import type ExcelJS from 'exceljs';

/**
 * How a generated workbook prints (issue 13: the ledger printed as 14 Letter pages with its columns
 * split): A4, landscape when the sheet is wide, every column on one page width (as many pages down
 * as needed), the title and header rows repeated on every page, narrow margins, centred, "第 n 页，
 * 共 m 页" in the footer, and the print area set to the data. Passed to `addWorksheet` (the streaming
 * writer needs it before the first row); `printArea` is set once the row count is known.
 */
export function printSetup(o: { landscape: boolean; repeatRows: number }): { pageSetup: Partial<ExcelJS.PageSetup>; headerFooter: Partial<ExcelJS.HeaderFooter> } {
  return {
    pageSetup: {
      paperSize: 9, // A4
      orientation: o.landscape ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: `1:${o.repeatRows}`,
      margins: { left: 0.4, right: 0.4, top: 0.55, bottom: 0.55, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&C第 &P 页，共 &N 页', evenFooter: '&C第 &P 页，共 &N 页' },
  };
}

/** A1:<last column><last row> */
export function printArea(columns: number, rows: number): string {
  let n = columns;
  let col = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    col = String.fromCharCode(65 + r) + col;
    n = Math.floor((n - 1) / 26);
  }
  return `A1:${col}${Math.max(rows, 1)}`;
}

/** Sheets wider than about one A4 portrait page width (Excel width units) print landscape. */
export const isWide = (widths: number[]) => widths.reduce((a, b) => a + b, 0) > 95;
