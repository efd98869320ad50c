import { CASE_NO_FIELDS, type ImportField } from './headers';
import type { Column, Layout } from './layout';
import { textAt, type CellValue, type SheetGrid } from './readSheet';

/**
 * Data rows grouped into logical records. A record is usually one row; a case whose 案号 cell is
 * merged over several rows (or whose following rows carry only more parties) spans them all.
 */
export type RecordCell = { value: CellValue; column: Column; row: number };
export type SheetRecord = {
  /** Excel row numbers, first is the master row. */
  rows: number[];
  cells: Map<ImportField, RecordCell[]>;
  /** Notes for the preview about how rows were joined. */
  notes: string[];
};

const PARTY_FIELDS: ImportField[] = ['applicants', 'applicantIds', 'debtors', 'debtorIds'];
/** Summary and signature lines under the table: 合计, 填表人, 制表日期 … */
const FOOTER = /^(合计|总计|小计|共计|填表人|制表人|填报人|审核人|负责人|制表日期|填表日期|填报日期|说明|注[:：]|备注[:：])/;

export function readRecords(g: SheetGrid, layout: Layout): SheetRecord[] {
  const out: SheetRecord[] = [];
  const caseCols = layout.columns.filter((c) => CASE_NO_FIELDS.includes(c.field));
  for (let r = layout.firstDataRow; r <= g.rowCount; r++) {
    const filled = layout.columns.filter((c) => textAt(g, r, c.col) !== '');
    if (!filled.length) continue;
    const firstText = firstNonEmpty(g, r);
    if (FOOTER.test(firstText.replace(/\s/g, ''))) continue;

    const prev = out[out.length - 1];
    const mergedCaseCell = caseCols.some((c) => {
      const m = g.mergedFrom.get(`${r}:${c.col}`);
      return m && m.row < r && prev?.rows.includes(m.row);
    });
    const hasCaseNo = caseCols.some((c) => textAt(g, r, c.col) !== '');
    const onlyParties = filled.every((c) => PARTY_FIELDS.includes(c.field));
    if (prev && (mergedCaseCell || (!hasCaseNo && onlyParties))) {
      joinRow(g, prev, r, layout.columns);
      continue;
    }
    const rec: SheetRecord = { rows: [r], cells: new Map(), notes: [] };
    for (const c of filled) push(rec, c, g.values[r]![c.col] ?? null, r);
    out.push(rec);
  }
  return out;
}

/** Adds a continuation row: its parties join the case; other cells must repeat the master row. */
function joinRow(g: SheetGrid, rec: SheetRecord, r: number, columns: Column[]): void {
  rec.rows.push(r);
  let ignored = false;
  for (const c of columns) {
    const t = textAt(g, r, c.col);
    if (!t) continue;
    const m = g.mergedFrom.get(`${r}:${c.col}`);
    if (m && m.row < r) continue; // the merged value was already read from the master row
    if (PARTY_FIELDS.includes(c.field)) push(rec, c, g.values[r]![c.col] ?? null, r);
    else if (t !== textAt(g, rec.rows[0]!, c.col)) ignored = true;
  }
  if (ignored) rec.notes.push(`第 ${r} 行与第 ${rec.rows[0]} 行是同一案件（案号单元格合并），只读取了该行的当事人，其余内容未导入`);
}

function push(rec: SheetRecord, column: Column, value: CellValue, row: number) {
  const list = rec.cells.get(column.field) ?? [];
  list.push({ value, column, row });
  rec.cells.set(column.field, list);
}

function firstNonEmpty(g: SheetGrid, r: number): string {
  const line = g.values[r] ?? [];
  for (let c = 1; c < line.length; c++) {
    const t = textAt(g, r, c);
    if (t) return t;
  }
  return '';
}
