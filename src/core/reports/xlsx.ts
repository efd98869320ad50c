import type ExcelJS from 'exceljs';
// exceljs is loaded on first use (inside streamingWorkbook): start-up does not need it.
import { streamingWorkbook } from '../files/xlsxStream';
import { isWide, printArea, printSetup } from '../files/xlsxPrint';
import type { WeeklyFigures } from '../../contract/calls/reports';
import { chineseDate, wanNumber, weekLabel } from './format';
import { KIND_LABEL, reportTitle } from './narrative';

/**
 * The weekly report as a workbook: 汇总 (the figures), 明细 (every case row, nothing left out),
 * 逾期事项, 无进展案件 and 更正说明. Money as numbers in 万元 with the format 0.00, dates as real
 * Excel dates, frozen header rows and autofilters so the 中院 can sort and filter.
 */
const WAN = '#,##0.00';
const DATE = 'yyyy-mm-dd';
const HEAD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF1F5' } };
const date = (s: string | null) => (s ? new Date(s + 'T00:00:00Z') : null);

/** Writes a header row: bold, shaded, bordered, centred. */
function header(ws: ExcelJS.Worksheet, names: string[]): void {
  const r = ws.addRow(names);
  names.forEach((_, i) => {
    const c = r.getCell(i + 1);
    c.font = { bold: true };
    c.fill = HEAD_FILL;
    c.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    c.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
  });
  r.commit();
}

function titleRow(ws: ExcelJS.Worksheet, width: number, text: string, size?: number): void {
  const r = ws.addRow([text]);
  ws.mergeCells(r.number, 1, r.number, width);
  // Centred and wrapped in a row tall enough, so a long title is never clipped on paper.
  r.getCell(1).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  r.height = size ? size * 2 : 30;
  if (size) r.getCell(1).font = { bold: true, size };
  r.commit();
}

function listSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, name: string, title: string, cols: { header: string; width: number; fmt?: string }[], rows: (string | number | Date | null)[][]): void {
  const print = printSetup({ landscape: isWide(cols.map((c) => c.width)), repeatRows: 2 });
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }], ...print });
  ws.pageSetup.printArea = printArea(cols.length, 2 + rows.length);
  ws.columns = cols.map((c) => ({ width: c.width, style: c.fmt ? { numFmt: c.fmt } : {} }));
  titleRow(ws, cols.length, title, 14);
  header(ws, cols.map((c) => c.header));
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2 + Math.max(rows.length, 0), column: cols.length } };
  // Long text wraps inside its column instead of running past the print area.
  for (const r of rows) {
    const row = ws.addRow(r);
    cols.forEach((c, i) => {
      if (c.width >= 20) row.getCell(i + 1).alignment = { wrapText: true, vertical: 'top' };
    });
    row.commit();
  }
  ws.commit();
}

export async function renderWeeklyXlsx(f: WeeklyFigures): Promise<Buffer> {
  const { wb, finish } = await streamingWorkbook();
  wb.creator = f.courtName;
  wb.title = `${reportTitle(f)} ${f.week}`;

  const s = wb.addWorksheet('汇总', { views: [{ state: 'frozen', ySplit: 3 }], ...printSetup({ landscape: false, repeatRows: 2 }) });
  s.columns = [{ width: 34 }, { width: 16 }, { width: 16 }, { width: 12 }, { width: 18 }, { width: 18 }];
  titleRow(s, 6, reportTitle(f), 16);
  titleRow(s, 6, `${weekLabel(f.week)}（${chineseDate(f.startOn)}至${chineseDate(f.endOn)}），数据截至${f.endOn} 24时${f.provisional ? '（本周未结束，临时数据）' : ''}`);
  header(s, ['指标', '本周', '累计']);
  const h = f.headline;
  /** A row whose number cells (from the second column, or those listed) get the format. */
  const put = (vals: (string | number | Date | null)[], fmt?: string, only?: number[]) => {
    const r = s.addRow(vals);
    if (fmt) for (let i = 2; i <= vals.length; i++) if (typeof vals[i - 1] === 'number' && (!only || only.includes(i))) r.getCell(i).numFmt = fmt;
    r.commit();
  };
  put(['交叉执行案件数（件）', h.casesWeek, h.casesTotal]);
  put(['其中在办（件）', null, h.activeCases]);
  put(['取得实质进展或者化解数（件）', h.progressWeek, h.progressTotal]);
  put(['执行到位金额（万元）', wanNumber(h.amountWeekFen), wanNumber(h.amountTotalFen)], WAN);
  put(['结案数（件）', f.closure.closedWeek, f.closure.closedTotal]);
  put(['收案至结案平均用时（日）', null, f.closure.avgDaysToClose]);
  put(['提级执行占比（%）', null, f.escalation.sharePercent], '0.0');
  put([]);
  header(s, ['交叉执行方式', '本周新增（件）', '累计（件）', '在办（件）', '本周到位（万元）', '累计到位（万元）']);
  for (const m of f.byMode) put([m.mode, m.week, m.total, m.active, wanNumber(m.amountWeekFen), wanNumber(m.amountTotalFen)], WAN, [5, 6]);
  put([]);
  header(s, ['移送方向', '本周新增（件）', '累计（件）']);
  for (const d of f.byDirection) put([d.direction, d.week, d.total]);
  put([]);
  header(s, ['结案方式', '本周（件）', '累计（件）']);
  for (const c of f.closedByType) put([c.closureType, c.week, c.total]);
  put([]);
  header(s, ['周次', '周一', '新增案件（件）', '到位金额（万元）']);
  for (const t of f.trend) {
    const r = s.addRow([t.week, date(t.startOn), t.newCases, wanNumber(t.amountFen)]);
    r.getCell(2).numFmt = DATE;
    r.getCell(4).numFmt = WAN;
    r.commit();
  }
  put([]);
  for (const n of f.notes) put([n]);
  s.pageSetup.printArea = printArea(6, s.lastRow?.number ?? 1);
  s.commit();

  listSheet(
    wb,
    '明细',
    `交叉执行案件明细（${f.rows.length}件）`,
    [
      { header: '序号', width: 6 },
      { header: '案号', width: 24 },
      { header: '申请执行人', width: 20 },
      { header: '被执行人', width: 20 },
      { header: '交叉方式', width: 10 },
      { header: '方向', width: 7 },
      { header: '原执行法院', width: 22 },
      { header: '现承办法院', width: 22 },
      { header: '本周进展', width: 40 },
      { header: '本周到位（万元）', width: 14, fmt: WAN },
      { header: '累计到位（万元）', width: 14, fmt: WAN },
      { header: '状态', width: 9 },
      { header: '承办人', width: 10 },
    ],
    f.rows.map((r, i) => [i + 1, r.caseNo, r.applicants, r.debtors, r.mode, r.direction, r.originalCourt, r.currentCourt, r.progressText, wanNumber(r.amountWeekFen), wanNumber(r.amountTotalFen), r.state, r.handler]),
  );
  listSheet(
    wb,
    '逾期事项',
    `逾期事项（截至${f.endOn}）`,
    [
      { header: '类别', width: 18 },
      { header: '案号', width: 24 },
      { header: '期限届满日', width: 12, fmt: DATE },
      { header: '逾期（日）', width: 10 },
      { header: '说明', width: 40 },
      { header: '依据', width: 36 },
    ],
    f.overdue.map((o) => [KIND_LABEL[o.kind], o.caseNo, date(o.dueOn), o.daysOverdue, o.what, o.source]),
  );
  listSheet(
    wb,
    '无进展案件',
    '本周无进展登记的在办案件',
    [
      { header: '案号', width: 24 },
      { header: '交叉方式', width: 10 },
      { header: '状态', width: 9 },
      { header: '承办人', width: 10 },
    ],
    f.noProgress.map((x) => [x.caseNo, x.mode, x.state, x.handler]),
  );
  listSheet(
    wb,
    '更正说明',
    '更正说明（前期已报数据的补录、作废与更正）',
    [
      { header: '案号', width: 24 },
      { header: '所属周', width: 12 },
      { header: '该周已报送', width: 10 },
      { header: '日期', width: 12, fmt: DATE },
      { header: '录入时间', width: 22 },
      { header: '更正内容', width: 50 },
      { header: '金额变动（万元）', width: 14, fmt: WAN },
    ],
    f.corrections.map((c) => [c.caseNo, c.affectedWeek, c.reported ? '是' : '否', date(c.onDate), c.recordedAt, c.what, wanNumber(c.amountDeltaFen)]),
  );
  return finish();
}
