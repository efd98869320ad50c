// exceljs is loaded on first use: it is the slowest module to load and start-up does not need it.
import { loadExcelJS } from '../../lazyModules';
import type { ExportRow } from './exportRows';
import { printArea, printSetup } from '../../files/xlsxPrint';

/**
 * The ledger as an .xlsx people can work with: a title line, a frozen header with autofilter,
 * amounts in 元 as numbers with two decimals, dates as real Excel dates (YYYY-MM-DD). The column
 * names are ones the importer recognises, so an export imports back into another installation.
 * Written with exceljs' streaming writer: 100 000 rows never sit in memory as a workbook.
 */
type Col = { header: string; width: number; value: (r: ExportRow, i: number) => string | number | Date | null; kind?: 'money' | 'date' };

const date = (s: string | null) => (s ? new Date(s + 'T00:00:00Z') : null);
const yuan = (fen: number | null) => (fen === null ? null : fen / 100);
const yesNo = (b: boolean) => (b ? '是' : '否');

export const EXPORT_COLUMNS: Col[] = [
  { header: '序号', width: 7, value: (_r, i) => i + 1 },
  { header: '案号', width: 24, value: (r) => r.caseNo },
  { header: '案由', width: 16, value: (r) => r.cause },
  { header: '执行依据', width: 22, value: (r) => r.basisDocNo },
  { header: '申请执行人', width: 20, value: (r) => r.applicants || null },
  { header: '申请执行人证件号码', width: 22, value: (r) => r.applicantIds || null },
  { header: '被执行人', width: 20, value: (r) => r.debtors || null },
  { header: '被执行人证件号码', width: 22, value: (r) => r.debtorIds || null },
  { header: '执行标的（元）', width: 16, value: (r) => yuan(r.amountDueFen), kind: 'money' },
  { header: '到位金额（元）', width: 16, value: (r) => yuan(r.recoveredFen), kind: 'money' },
  { header: '交叉方式', width: 10, value: (r) => r.mode },
  { header: '方向', width: 7, value: (r) => r.direction },
  { header: '交叉原因', width: 18, value: (r) => r.reasons },
  { header: '启动方式', width: 10, value: (r) => r.initiatedBy },
  { header: '决定法院', width: 20, value: (r) => r.decidingCourt },
  { header: '决定文书号', width: 22, value: (r) => r.decisionDocNo },
  { header: '决定日期', width: 12, value: (r) => date(r.decisionOn), kind: 'date' },
  { header: '限期', width: 12, value: (r) => date(r.deadlineOn), kind: 'date' },
  { header: '原执行法院', width: 20, value: (r) => r.originalCourt },
  { header: '承办法院', width: 20, value: (r) => r.receivingCourt },
  { header: '原案号', width: 24, value: (r) => r.originalCaseNo },
  { header: '新案号', width: 24, value: (r) => r.newCaseNo },
  { header: '报请日期', width: 12, value: (r) => date(r.requestedOn), kind: 'date' },
  { header: '卷宗移交日期', width: 12, value: (r) => date(r.handedOverOn), kind: 'date' },
  { header: '收到卷宗日期', width: 12, value: (r) => date(r.receivedOn), kind: 'date' },
  { header: '新立案日期', width: 12, value: (r) => date(r.newFiledOn), kind: 'date' },
  { header: '状态', width: 9, value: (r) => r.state },
  { header: '承办人', width: 10, value: (r) => r.handler },
  { header: '收到申请日期', width: 12, value: (r) => date(r.applicationReceivedOn), kind: 'date' },
  { header: '立案日期', width: 12, value: (r) => date(r.filedOn), kind: 'date' },
  { header: '结案日期', width: 12, value: (r) => date(r.closedOn), kind: 'date' },
  { header: '结案方式', width: 16, value: (r) => r.closureType },
  { header: '涉中小微企业', width: 8, value: (r) => yesNo(r.isSmb) },
  { header: '涉民生', width: 8, value: (r) => yesNo(r.isLivelihood) },
  { header: '进展情况', width: 40, value: (r) => r.lastProgress },
  { header: '备注', width: 24, value: (r) => r.note },
];

export async function writeLedgerWorkbook(target: string, title: string, rows: Iterable<ExportRow>): Promise<number> {
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: target, useStyles: true, useSharedStrings: false });
  wb.creator = '交叉执行工作台';
  const n = EXPORT_COLUMNS.length;
  // 36 columns: landscape A4, one page wide, title and header repeated on every page (files/xlsxPrint.ts).
  const ws = wb.addWorksheet('交叉执行台账', { views: [{ state: 'frozen', xSplit: 2, ySplit: 2 }], ...printSetup({ landscape: true, repeatRows: 2 }) });
  ws.columns = EXPORT_COLUMNS.map((c) => ({
    width: c.width,
    style: c.kind === 'money' ? { numFmt: '#,##0.00' } : c.kind === 'date' ? { numFmt: 'yyyy-mm-dd' } : {},
  }));
  const t = ws.addRow([title]);
  t.font = { bold: true, size: 13 };
  t.alignment = { vertical: 'middle', wrapText: true };
  t.height = 30;
  ws.mergeCells(1, 1, 1, n);
  t.commit();
  const h = ws.addRow(EXPORT_COLUMNS.map((c) => c.header));
  h.font = { bold: true };
  h.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  h.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8ECF7' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  h.commit();
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: n } };
  let i = 0;
  for (const r of rows) {
    const line = ws.addRow(EXPORT_COLUMNS.map((c) => c.value(r, i)));
    EXPORT_COLUMNS.forEach((c, j) => {
      if (c.kind === 'money') line.getCell(j + 1).numFmt = '#,##0.00';
      if (c.kind === 'date') line.getCell(j + 1).numFmt = 'yyyy-mm-dd';
    });
    line.commit();
    i++;
  }
  ws.pageSetup.printArea = printArea(n, 2 + i);
  ws.commit();
  await wb.commit();
  return i;
}
