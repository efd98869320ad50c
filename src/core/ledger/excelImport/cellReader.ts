import { parseAmountCell, isBlankAmount } from './amounts';
import { parseDateCell } from './dates';
import type { ImportField } from './headers';
import { fieldLabel } from './layout';
import type { RecordCell, SheetRecord } from './records';
import type { RowProblem } from './candidate';
import { cleanText } from './text';

/**
 * Reads typed values out of one record and collects the problems, each naming the column as the
 * file calls it ("「标的金额（万元）」（D 列）应为金额数字 …").
 */
export class CellReader {
  readonly problems: RowProblem[] = [];
  /** Values read successfully so far, for the preview's summary even when the row is refused. */
  readonly seen: { amountDueFen?: number; filedOn?: string } = {};
  constructor(
    readonly rec: SheetRecord,
    private readonly date1904: boolean,
  ) {}

  cell(f: ImportField): RecordCell | undefined {
    return this.rec.cells.get(f)?.[0];
  }
  all(f: ImportField): RecordCell[] {
    return this.rec.cells.get(f) ?? [];
  }
  has(f: ImportField): boolean {
    return this.all(f).some((c) => asText(c) !== '');
  }

  text(f: ImportField, max = 500): string | null {
    const c = this.cell(f);
    if (!c) return null;
    const t = cleanText(asText(c));
    if (!t || /^(无|\/|-|—)$/.test(t)) return null;
    if (t.length > max) {
      this.warn(c, `超过 ${max} 字，已截断`);
      return t.slice(0, max);
    }
    return t;
  }

  date(f: ImportField): string | null {
    const c = this.cell(f);
    if (!c || asText(c) === '' || /^(无|\/|-|—)$/.test(asText(c))) return null;
    const r = parseDateCell(typeof c.value === 'string' ? c.value : c.value, { date1904: this.date1904 });
    if (r.ok) {
      if (f === 'filedOn') this.seen.filedOn = r.value;
      return r.value;
    }
    this.error(c, r.reason);
    return null;
  }

  amount(f: ImportField): number | null {
    const c = this.cell(f);
    if (!c || c.value === null || (typeof c.value === 'string' && isBlankAmount(c.value))) return null;
    const r = parseAmountCell(c.value, c.column.unit);
    if (!r.ok) {
      this.error(c, r.reason);
      return null;
    }
    if (r.rounded) this.warn(c, '金额精确到分以下，已四舍五入到分');
    if (f === 'amountDue') this.seen.amountDueFen = r.fen;
    return r.fen;
  }

  error(c: RecordCell | ImportField | null | undefined, message: string, unknown?: RowProblem['unknown']): void {
    this.add('error', c, message, unknown);
  }
  warn(c: RecordCell | ImportField | null | undefined, message: string): void {
    this.add('warning', c, message);
  }

  private add(level: 'error' | 'warning', c: RecordCell | ImportField | null | undefined, message: string, unknown?: RowProblem['unknown']) {
    const cell = typeof c === 'string' ? this.cell(c) : c;
    const extra = unknown ? { unknown } : {};
    if (cell) {
      this.problems.push({ level, column: cell.column.letter, header: cell.column.header, row: cell.row, message: `「${cell.column.header}」（${cell.column.letter} 列）${message}`, ...extra });
    } else if (typeof c === 'string') {
      this.problems.push({ level, row: this.rec.rows[0]!, message: `「${fieldLabel(c)}」${message}`, ...extra });
    } else {
      this.problems.push({ level, row: this.rec.rows[0]!, message, ...extra });
    }
  }
}

export function asText(c: RecordCell): string {
  const v = c.value;
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).trim();
}
