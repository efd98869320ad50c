import type ExcelJS from 'exceljs';
// exceljs is loaded on first use: it is the slowest module to load and start-up does not need it.
import { loadExcelJS } from '../../lazyModules';
import { DomainError } from '../../errors';

/**
 * The workbook reduced to what the importer needs: per sheet, a grid of plain cell values and,
 * for merged cells, the row of their top-left ("master") cell, so a 案号 merged over three rows
 * (one case, three debtors) can be told apart from three cases.
 */
export type CellValue = string | number | Date | boolean | null;
export type SheetGrid = {
  name: string;
  rowCount: number;
  colCount: number;
  /** values[r][c], 1-based like Excel (index 0 unused). */
  values: CellValue[][];
  /** For a merged cell: its master's row and column; absent when not merged. */
  mergedFrom: Map<string, { row: number; col: number }>;
};
export type WorkbookGrid = { sheets: SheetGrid[]; date1904: boolean };

/** Opens .xlsx bytes; anything that is not an .xlsx workbook is refused with a Chinese message. */
export async function readWorkbook(bytes: Buffer): Promise<WorkbookGrid> {
  const ExcelJS = await loadExcelJS();
  // .xlsx is a zip: refuse old .xls, CSV or renamed files up front with a message people understand.
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50) {
    const isXls = bytes.length >= 8 && bytes.readUInt32BE(0) === 0xd0cf11e0;
    throw new DomainError(
      'INVALID_INPUT',
      isXls ? '这是旧版 Excel（.xls）文件，请在 Excel 中“另存为” .xlsx 格式后再导入' : '文件不是 Excel 工作簿（.xlsx），请检查所选文件',
      'file',
    );
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new DomainError('INVALID_INPUT', 'Excel 文件已损坏或无法读取，请在 Excel 中打开并重新保存后再试', 'file');
  }
  const date1904 = !!(wb.properties as { date1904?: boolean } | undefined)?.date1904;
  const sheets: SheetGrid[] = [];
  wb.eachSheet((ws) => {
    if (ws.state && ws.state !== 'visible') return; // hidden sheets hold lookup lists, not cases
    sheets.push(gridOf(ws));
  });
  return { sheets, date1904 };
}

function gridOf(ws: ExcelJS.Worksheet): SheetGrid {
  const values: CellValue[][] = [];
  const mergedFrom = new Map<string, { row: number; col: number }>();
  let colCount = 0;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const line: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      line[c] = plain(cell.value);
      if (cell.isMerged && cell.master && cell.master !== cell) {
        mergedFrom.set(`${r}:${c}`, { row: Number(cell.master.row), col: Number(cell.master.col) });
      }
      if (c > colCount) colCount = c;
    });
    values[r] = line;
  });
  return { name: ws.name, rowCount: values.length - 1 < 0 ? 0 : values.length - 1, colCount, values, mergedFrom };
}

/** Rich text, formulas, hyperlinks and errors become plain values. */
export function plain(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((t) => t.text).join('');
    if ('formula' in v || 'sharedFormula' in v) return plain((v as { result?: ExcelJS.CellValue }).result ?? null);
    if ('text' in v && typeof (v as { text: unknown }).text === 'string') return (v as { text: string }).text;
    if ('error' in v) return null;
  }
  return String(v);
}

/** The value at (r, c) as trimmed text ('' when empty). */
export function textAt(g: SheetGrid, r: number, c: number): string {
  const v = g.values[r]?.[c];
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).trim();
}
