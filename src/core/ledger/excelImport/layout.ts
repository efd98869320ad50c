import { CASE_NO_FIELDS, FIELD_BY_KEY, matchHeader, type ImportField } from './headers';
import type { AmountUnit } from './amounts';
import { textAt, type SheetGrid } from './readSheet';

/**
 * Where the table is in a sheet: which row(s) hold the header (titles and blank rows above it are
 * common; a two-level header with a merged group row happens), which column is which field.
 */
export type Column = { col: number; letter: string; header: string; field: ImportField; unit: AmountUnit | null };
export type Layout = {
  headerRows: number[];
  firstDataRow: number;
  columns: Column[];
  /** Header texts we could not place, shown to the user so they can rename them. */
  unknownHeaders: { letter: string; header: string }[];
  /** A second column for a field that takes only one (e.g. both 申请人 and 申请执行人). */
  duplicateHeaders: { letter: string; header: string; field: ImportField }[];
};

const SCAN_ROWS = 30;
/** Fields that may legitimately come in several columns (被执行人1, 被执行人2 …). */
const MULTI: ImportField[] = ['applicants', 'applicantIds', 'debtors', 'debtorIds'];

export function columnLetter(c: number): string {
  let s = '';
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Finds the header; null when the sheet has no row naming a 案号 column and at least one other known column. */
export function findLayout(g: SheetGrid): Layout | null {
  let best: { row: number; score: number } | null = null;
  for (let r = 1; r <= Math.min(g.rowCount, SCAN_ROWS); r++) {
    const fields = new Set<ImportField>();
    for (let c = 1; c <= g.colCount; c++) {
      const m = matchHeader(textAt(g, r, c));
      if (m.field) fields.add(m.field);
    }
    if (!CASE_NO_FIELDS.some((f) => fields.has(f)) || fields.size < 2) continue;
    if (!best || fields.size > best.score) best = { row: r, score: fields.size };
  }
  if (!best) return null;
  const R = best.row;
  const headerRows = [R];
  if (isContinuationHeader(g, R)) headerRows.push(R + 1);
  const groupRow = R > 1 && hasHorizontalMerge(g, R - 1) ? R - 1 : null;

  const columns: Column[] = [];
  const unknownHeaders: Layout['unknownHeaders'] = [];
  const duplicateHeaders: Layout['duplicateHeaders'] = [];
  const taken = new Set<ImportField>();
  for (let c = 1; c <= g.colCount; c++) {
    const parts = [...(groupRow ? [groupRow] : []), ...headerRows].map((r) => textAt(g, r, c)).filter((t, i, a) => t && t !== a[i - 1]);
    if (!parts.length) continue;
    const tries = [parts[parts.length - 1]!, parts.join(''), parts[0]!, ...parts.slice(1).map((p) => parts[0] + p)];
    let found: { text: string; m: ReturnType<typeof matchHeader> } | null = null;
    for (const t of tries) {
      const m = matchHeader(t.replace(/\d+$/, '')) ;
      if (m.field || m.ignored) {
        found = { text: t, m };
        break;
      }
    }
    const header = parts[parts.length - 1]!;
    if (!found) {
      unknownHeaders.push({ letter: columnLetter(c), header: parts.join(' / ') });
      continue;
    }
    const field = found.m.field;
    if (!field) continue;
    if (taken.has(field) && !MULTI.includes(field)) {
      duplicateHeaders.push({ letter: columnLetter(c), header, field });
      continue;
    }
    taken.add(field);
    columns.push({ col: c, letter: columnLetter(c), header: found.text, field, unit: found.m.unit });
  }
  return { headerRows, firstDataRow: headerRows[headerRows.length - 1]! + 1, columns, unknownHeaders, duplicateHeaders };
}

/**
 * Row R+1 continues the header when it names fields (the sub-labels of a grouped header) and every
 * other non-empty cell repeats the cell above (a vertically merged header cell) — data rows do neither.
 */
function isContinuationHeader(g: SheetGrid, R: number): boolean {
  const r = R + 1;
  if (r > g.rowCount) return false;
  let named = 0;
  for (let c = 1; c <= g.colCount; c++) {
    const t = textAt(g, r, c);
    if (!t) continue;
    if (t === textAt(g, R, c)) continue;
    const m = matchHeader(t.replace(/\d+$/, ''));
    const joined = matchHeader(textAt(g, R, c) + t);
    if (m.field && CASE_NO_FIELDS.includes(m.field) === false) named++;
    else if (joined.field) named++;
    else return false;
  }
  return named >= 1;
}

function hasHorizontalMerge(g: SheetGrid, r: number): boolean {
  for (let c = 2; c <= g.colCount; c++) {
    const m = g.mergedFrom.get(`${r}:${c}`);
    if (m && m.row === r && m.col < c && textAt(g, r, c)) return true;
  }
  return false;
}

export const fieldLabel = (f: ImportField) => FIELD_BY_KEY[f].label;
