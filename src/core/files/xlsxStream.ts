import type ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import { loadExcelJS } from '../lazyModules';

/**
 * A workbook written through exceljs' streaming writer into memory: rows are serialised as they
 * are committed and zipped at a fast level, about twice as fast as building the whole workbook
 * first (10k-row sheets: the weekly report's 明细, an import's 未导入的行; docs/benchmarks.md).
 * Column widths and formats must be set before the first row is committed; `finish` commits the
 * workbook and returns the bytes.
 */
export async function streamingWorkbook(): Promise<{ wb: ExcelJS.stream.xlsx.WorkbookWriter; finish: () => Promise<Buffer> }> {
  const ExcelJSLib = await loadExcelJS();
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJSLib.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false, zip: { zlib: { level: 1 } } });
  return {
    wb,
    finish: async () => {
      await wb.commit();
      return Buffer.concat(chunks);
    },
  };
}
