import { pdfkit } from '../lazyModules';
import type { WeeklyFigures } from '../../contract/calls/reports';
import { fontBytes } from '../approvals/documents/fonts';
import { CHART_SIZE, drawModeChart, drawTrendChart, type Painter } from './charts/draw';
import { wan } from './format';
import { CASE_COLUMN_WIDTHS, CASE_COLUMNS, KIND_LABEL, narrative } from './narrative';
import { printable } from './printRows';
import type { ReportHead } from './head';
import { PAGE, RED, stampPageNumbers } from '../gbt9704/pdfPage';

/**
 * The weekly report as PDF, an official document in the GB/T 9704-2012 layout: A4, margins
 * 37/35/28/26 mm; the 版头 (red 发文机关标志, 发文字号, red separator line), the 2号 title in the
 * 小标宋 substitute, 主送机关, the 3号 body, the 附件 line, 发文机关署名 and 成文日期; the charts and
 * tables follow as the 附件 on a new page, the per-case table on landscape pages so its twelve columns
 * fit; page numbers "— n —" in 4号 on the outer side (odd right, even left). Noto Serif SC embedded.
 */
const MM = 72 / 25.4;
const PORTRAIT = { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM };
const LANDSCAPE = { top: 20 * MM, bottom: 22 * MM, left: 20 * MM, right: 20 * MM };

export async function renderWeeklyPdf(f: WeeklyFigures, head: ReportHead): Promise<Buffer> {
  const doc = new (pdfkit())({ size: 'A4', margins: PORTRAIT, bufferPages: true, autoFirstPage: true, lang: 'zh-CN', info: { Title: `${f.courtName}交叉执行工作周报 ${f.week}`, Author: f.courtName } });
  doc.registerFont('serif', fontBytes('serif'));
  doc.registerFont('title', fontBytes('serifBold'));
  doc.registerFont('hei', fontBytes('sansBold'));
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const n = narrative(f);
  const width = () => doc.page.width - doc.page.margins.left - doc.page.margins.right;
  // 版头: the 标志 in red, the 发文字号 two lines below it, the red line 4 mm under the number (§7.2).
  doc.font('title').fontSize(30).fillColor(RED).text(head.issuer, PAGE.left, PORTRAIT.top, { width: PAGE.width, align: 'center', characterSpacing: 3 });
  doc.moveDown(1.2);
  doc.font('serif').fontSize(16).fillColor('black').text(head.docNo, { width: PAGE.width, align: 'center' });
  const ruleY = doc.y + 4 * MM;
  doc.save().moveTo(PAGE.left, ruleY).lineTo(PAGE.left + PAGE.width, ruleY).lineWidth(1.5).strokeColor(RED).stroke().restore();
  doc.y = ruleY + 2 * 28.95 - 16;
  doc.font('title').fontSize(22).text(n.title, PAGE.left, doc.y, { width: PAGE.width, align: 'center' });
  doc.moveDown(0.2);
  doc.font('serif').fontSize(16).text(n.subtitle, { width: PAGE.width, align: 'center' });
  doc.moveDown(0.8);
  doc.font('serif').fontSize(16).text(`${head.addressee}：`, PAGE.left, doc.y, { width: PAGE.width });
  for (const p of n.paragraphs) {
    doc.font('hei').fontSize(16).text(p.heading, { indent: 32 });
    doc.font('serif').fontSize(16).text(p.text, { indent: 32, lineGap: 6, align: 'justify' });
    doc.moveDown(0.3);
  }
  // 附件说明, then the signature centred over the date, the date 右空四字 (§7.3.3, §7.3.5).
  doc.moveDown(0.6);
  doc.font('serif').fontSize(16).text('附件：交叉执行工作周报图表', { indent: 32 });
  if (doc.y + 4 * 28.95 > doc.page.height - doc.page.margins.bottom) doc.addPage({ size: 'A4', margins: PORTRAIT });
  doc.moveDown(1.6);
  const dateW = doc.widthOfString(head.signDate);
  const dateX = PAGE.left + PAGE.width - 64 - dateW;
  const y0 = doc.y;
  doc.text(head.issuer, dateX + dateW / 2 - doc.widthOfString(head.issuer) / 2, y0, { lineBreak: false });
  doc.text(head.signDate, dateX, y0 + 28.95, { lineBreak: false });

  // 附件 on a page of its own: "附件" in 3号黑体 at the top left (§8).
  doc.addPage({ size: 'A4', margins: PORTRAIT });
  doc.font('hei').fontSize(16).text('附件', PAGE.left, doc.y);
  doc.moveDown(0.5);
  doc.font('title').fontSize(18).text('交叉执行工作周报图表', PAGE.left, doc.y, { width: PAGE.width, align: 'center' });
  doc.moveDown(0.5);

  // Charts (vector).
  const chart = (draw: (p: Painter) => void) => {
    const scale = width() / CHART_SIZE.width;
    const h = CHART_SIZE.height * scale;
    if (doc.y + h > doc.page.height - doc.page.margins.bottom) doc.addPage({ size: 'A4', margins: PORTRAIT });
    const x0 = doc.page.margins.left;
    const y0 = doc.y;
    draw(vectorPainter(doc, x0, y0, scale));
    doc.x = x0;
    doc.y = y0 + h + 10;
  };
  chart((p) => drawTrendChart(p, f));
  chart((p) => drawModeChart(p, f));

  // Summary tables.
  const table = tableWriter(doc);
  const h = f.headline;
  heading(doc, '表1  主要数据');
  table(['指标', '本周', '累计'], [0.5, 0.25, 0.25], [
    ['交叉执行案件数（件）', String(h.casesWeek), String(h.casesTotal)],
    ['取得实质进展或者化解数（件）', String(h.progressWeek), String(h.progressTotal)],
    ['执行到位金额（万元）', wan(h.amountWeekFen), wan(h.amountTotalFen)],
    ['结案数（件）', String(f.closure.closedWeek), String(f.closure.closedTotal)],
  ]);
  heading(doc, '表2  按交叉执行方式');
  table(['方式', '本周新增', '累计', '在办', '本周到位（万元）', '累计到位（万元）'], [0.16, 0.14, 0.12, 0.12, 0.23, 0.23], f.byMode.map((m) => [m.mode, String(m.week), String(m.total), String(m.active), wan(m.amountWeekFen), wan(m.amountTotalFen)]));
  heading(doc, '表3  按移送方向与结案方式');
  table(['类别', '本周', '累计'], [0.5, 0.25, 0.25], [
    ...f.byDirection.map((d) => [d.direction, String(d.week), String(d.total)]),
    ...f.closedByType.map((c) => [`结案：${c.closureType}`, String(c.week), String(c.total)]),
    ['提级执行占比', '', `${f.escalation.sharePercent.toFixed(1)}%`],
    ['收案至结案平均用时（日）', '', f.closure.avgDaysToClose === null ? '—' : String(f.closure.avgDaysToClose)],
  ]);
  const pr = printable(f);
  heading(doc, `表4  逾期事项（截至${f.endOn}）`);
  if (pr.overdue.length)
    table(['类别', '案号', '期限届满', '逾期（日）', '依据'], [0.19, 0.31, 0.15, 0.11, 0.24], pr.overdue.map((o) => [KIND_LABEL[o.kind], o.caseNo, o.dueOn, String(o.daysOverdue), o.source]));
  else note(doc, '无逾期事项。');
  if (f.overdue.length > pr.overdue.length) note(doc, `另有${f.overdue.length - pr.overdue.length}项，见 Excel 表“逾期事项”。`);
  heading(doc, '表5  本周无进展登记的在办案件');
  if (pr.noProgress.length) table(['案号', '方式', '状态', '承办人'], [0.4, 0.2, 0.2, 0.2], pr.noProgress.map((x) => [x.caseNo, x.mode, x.state, x.handler]));
  else note(doc, '无。');
  if (f.noProgress.length > pr.noProgress.length) note(doc, `等共${f.noProgress.length}件，完整名单见 Excel 表。`);
  heading(doc, '表6  一案双查案件');
  if (f.doubleChecks.length) table(['案号', '启动日期', '状态', '事由'], [0.32, 0.18, 0.2, 0.3], f.doubleChecks.map((d) => [d.caseNo, d.raisedOn, d.status, d.reason]));
  else note(doc, '无。');
  heading(doc, '更正说明');
  if (f.corrections.length)
    table(['案号', '所属周', '更正内容', '金额变动（万元）'], [0.3, 0.15, 0.37, 0.18], f.corrections.map((c) => [c.caseNo, `${c.affectedWeek}${c.reported ? '（已报送）' : ''}`, c.what, wan(c.amountDeltaFen)]));
  else note(doc, '前期数据无更正。');
  for (const s of f.notes) note(doc, s);

  // Per-case table on landscape pages.
  doc.addPage({ size: 'A4', layout: 'landscape', margins: LANDSCAPE });
  heading(doc, `表7  交叉执行案件明细（${f.rows.length}件）`);
  const rows = pr.rows.map((r, i) => [String(i + 1), r.caseNo, r.applicants, r.debtors, `${r.mode}（${r.direction}）`, r.originalCourt, r.currentCourt, r.progressText || '—', wan(r.amountWeekFen), wan(r.amountTotalFen), r.state, r.handler]);
  table([...CASE_COLUMNS], CASE_COLUMN_WIDTHS, rows, 8, { size: 'A4', layout: 'landscape', margins: LANDSCAPE });
  if (pr.omittedRows) note(doc, `另有${pr.omittedRows}件本周无变动的在办案件未列出，完整明细见 Excel 表“明细”。`);

  stampPageNumbers(doc);
  doc.end();
  return done;
}

function heading(doc: PDFKit.PDFDocument, s: string): void {
  if (doc.y > doc.page.height - doc.page.margins.bottom - 90) doc.addPage({ size: 'A4', layout: doc.page.layout as 'portrait' | 'landscape', margins: doc.page.margins });
  doc.moveDown(0.4);
  doc.font('hei').fontSize(12).text(s, doc.page.margins.left, doc.y, { align: 'center', width: doc.page.width - doc.page.margins.left - doc.page.margins.right });
  doc.moveDown(0.2);
}

function note(doc: PDFKit.PDFDocument, s: string): void {
  doc.font('serif').fontSize(10.5).text(s, doc.page.margins.left, doc.y, { width: doc.page.width - doc.page.margins.left - doc.page.margins.right });
}

/** A case number such as （2025）鄂0505执399号. */
const CASE_NO = /^[（(]\d{4}[）)].*号$/;

/** A bordered table that wraps cell text, breaks across pages and repeats its header row. */
function tableWriter(doc: PDFKit.PDFDocument) {
  return (head: string[], fractions: number[], rows: string[][], size = 10.5, pageOpts?: PDFKit.PDFDocumentOptions) => {
    const left = doc.page.margins.left;
    const total = doc.page.width - left - doc.page.margins.right;
    const widths = fractions.map((fr) => fr * total);
    const pad = 3;
    const heightOf = (cells: string[], font: string) => {
      doc.font(font).fontSize(size);
      return Math.max(...cells.map((c, i) => (CASE_NO.test(c) ? doc.currentLineHeight(true) : doc.heightOfString(c, { width: widths[i]! - pad * 2 })))) + pad * 2;
    };
    const drawRow = (cells: string[], font: string, fill?: string, keepWith?: string[]) => {
      const h = heightOf(cells, font);
      // A header row stays with the first body row (no header alone at the foot of a page).
      const need = h + (keepWith ? heightOf(keepWith, 'serif') : 0);
      if (doc.y + need > doc.page.height - doc.page.margins.bottom) {
        doc.addPage(pageOpts ?? { size: 'A4', margins: doc.page.margins });
        if (cells !== head) drawRow(head, 'hei', '#eef1f5');
      }
      const y = doc.y;
      let x = left;
      cells.forEach((c, i) => {
        const w = widths[i]!;
        if (fill) doc.rect(x, y, w, h).fill(fill);
        doc.lineWidth(0.5).strokeColor('#555555').rect(x, y, w, h).stroke();
        // A case number never wraps: it is set smaller when the column is too narrow for it.
        doc.font(font).fontSize(size);
        const fit = CASE_NO.test(c) && doc.widthOfString(c) > w - pad * 2 ? (size * (w - pad * 2)) / doc.widthOfString(c) : size;
        doc.fillColor('#000000').fontSize(fit).text(c, x + pad, y + pad + (size - fit) / 2, { width: w - pad * 2, align: i === 0 || /^-?[\d,.]+%?$/.test(c) ? 'center' : 'left', lineBreak: fit === size ? undefined : false });
        x += w;
      });
      doc.x = left;
      doc.y = y + h;
    };
    drawRow(head, 'hei', '#eef1f5', rows[0]);
    for (const r of rows) drawRow(r, 'serif');
    doc.moveDown(0.3);
  };
}

/** The chart painter on a pdfkit page: same geometry as the PNG, as vector paths and real text. */
function vectorPainter(doc: PDFKit.PDFDocument, x0: number, y0: number, k: number): Painter {
  const X = (x: number) => x0 + x * k;
  const Y = (y: number) => y0 + y * k;
  return {
    rect(x, y, w, h, fill) {
      doc.rect(X(x), Y(y), w * k, h * k).fill(fill);
    },
    line(points, stroke, width) {
      if (points.length < 2) return;
      doc.moveTo(X(points[0]![0]), Y(points[0]![1]));
      for (const [x, y] of points.slice(1)) doc.lineTo(X(x), Y(y));
      doc.lineWidth(width * k).strokeColor(stroke).stroke();
    },
    circle(x, y, r, fill) {
      doc.circle(X(x), Y(y), r * k).fill(fill);
    },
    text(s, x, y, size, o = {}) {
      doc.font(o.bold ? 'hei' : 'serif').fontSize(size * k).fillColor(o.color ?? '#000000');
      const w = doc.widthOfString(s);
      const left = o.align === 'center' ? X(x) - w / 2 : o.align === 'right' ? X(x) - w : X(x);
      doc.text(s, left, Y(y), { lineBreak: false });
      doc.fillColor('#000000');
    },
  };
}
