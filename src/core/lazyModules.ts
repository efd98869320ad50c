import type ExcelJSModule from 'exceljs';

/**
 * Heavy document libraries loaded on first use rather than at start-up, so the window (or browser
 * mode) is up quickly: exceljs alone takes about half a second to load (docs/benchmarks.md, cold start).
 */
let excel: Promise<typeof ExcelJSModule> | null = null;
export function loadExcelJS(): Promise<typeof ExcelJSModule> {
  excel ??= import('exceljs').then((m) => ((m as { default?: typeof ExcelJSModule }).default ?? (m as unknown as typeof ExcelJSModule)));
  return excel;
}
