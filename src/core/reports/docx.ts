import {
  AlignmentType,
  BorderStyle,
  Document,
  ImageRun,
  LineRuleType,
  PageBreak,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { WeeklyFigures } from '../../contract/calls/reports';
import { DOCX_FONTS, packDocx, pageNumberFooters, ZH_CN } from '../gbt9704/docxPage';
import type { ReportHead } from './head';
import { chartPngs } from './charts/png';
import { CHART_SIZE } from './charts/draw';
import { wan } from './format';
import { CASE_COLUMN_WIDTHS, CASE_COLUMNS, KIND_LABEL, narrative } from './narrative';
import { printable } from './printRows';

/**
 * The weekly report as DOCX in the official-document layout of GB/T 9704-2012: A4; margins
 * 37 mm top, 35 mm bottom, 28 mm left (订口), 26 mm right, giving the 156 × 225 mm text block; the
 * 版头 (red 发文机关标志, 发文字号, red line), title 2号 方正小标宋简体, 主送机关, body 3号 仿宋 with a
 * fixed 28.95 pt line pitch (22 lines a page), first-level headings 黑体, 附件说明, 署名 and 成文日期;
 * the charts and tables as the 附件 from a new page; page numbers "— n —" in 4号 on the outer side.
 * Every run names its East Asian font and carries the zh-CN tag (gbt9704/docxPage.ts). Charts are
 * PNG images; the per-case table sits in a landscape section.
 */
const TWIP_PER_MM = 1440 / 25.4;
const mm = (v: number) => Math.round(v * TWIP_PER_MM);
const A4 = { w: mm(210), h: mm(297) };
const BODY: { size: number; font: (typeof DOCX_FONTS)[keyof typeof DOCX_FONTS] } = { size: 32, font: DOCX_FONTS.body }; // half-points: 32 = 16 pt = 三号
const LINE = { line: 579, lineRule: LineRuleType.EXACT }; // 28.95 pt

type Fonts = (typeof DOCX_FONTS)[keyof typeof DOCX_FONTS];
const run = (text: string, o: { size?: number; font?: Fonts; bold?: boolean; color?: string } = {}) =>
  new TextRun({ text, size: o.size ?? BODY.size, font: o.font ?? BODY.font, bold: o.bold, color: o.color, language: ZH_CN });

function para(text: string, o: { heading?: string; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}): Paragraph {
  return new Paragraph({
    alignment: o.align ?? AlignmentType.JUSTIFIED,
    spacing: LINE,
    indent: { firstLine: 640 }, // two characters of 16 pt
    children: [...(o.heading ? [run(o.heading, { font: DOCX_FONTS.heiti })] : []), run(text)],
  });
}

function small(text: string, o: { bold?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; size?: number } = {}): Paragraph {
  return new Paragraph({
    alignment: o.align ?? AlignmentType.LEFT,
    spacing: { line: 300, lineRule: LineRuleType.AUTO },
    children: [run(text, { size: o.size ?? 21, font: o.bold ? DOCX_FONTS.heiti : DOCX_FONTS.body })],
  });
}

function caption(text: string): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, spacing: { before: 200, after: 100 }, children: [run(text, { size: 24, font: DOCX_FONTS.heiti })] });
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '555555' };

function table(head: string[], fractions: number[], rows: string[][], widthTwips: number, size = 21): Table {
  const widths = fractions.map((f) => Math.round(f * widthTwips));
  const cell = (text: string, i: number, header: boolean) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      shading: header ? { type: ShadingType.CLEAR, fill: 'EEF1F5', color: 'auto' } : undefined,
      children: [small(text, { bold: header, size, align: header || i === 0 || /^-?[\d,.]+%?$/.test(text) ? AlignmentType.CENTER : AlignmentType.LEFT })],
    });
  return new Table({
    width: { size: widthTwips, type: WidthType.DXA },
    columnWidths: widths,
    // Cell padding once for the whole table (tblCellMar), not on each of thousands of cells.
    margins: { left: 60, right: 60, top: 30, bottom: 30 },
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: head.map((h, i) => cell(h, i, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, i, false)) })),
    ],
  });
}

export async function renderWeeklyDocx(f: WeeklyFigures, head: ReportHead): Promise<Buffer> {
  const n = narrative(f);
  const charts = await chartPngs(f);
  const textWidth = A4.w - mm(28) - mm(26);
  const pr = printable(f);
  const h = f.headline;
  // Chart images at the text block's width (156 mm ≈ 590 px at 96 dpi).
  const imgW = 590;
  const imgH = Math.round((imgW * CHART_SIZE.height) / CHART_SIZE.width);
  const image = (data: Buffer) => new Paragraph({ alignment: AlignmentType.CENTER, children: [new ImageRun({ type: 'png', data, transformation: { width: imgW, height: imgH } })] });

  const blank = () => new Paragraph({ spacing: LINE, children: [] });
  // Signature centred over the date, the date four characters from the right (GB/T 9704 §7.3.5.1).
  const em = (t: string) => [...t].reduce((w, ch) => w + (ch.charCodeAt(0) < 0x2e80 ? 0.5 : 1), 0);
  const dateIndent = 4 * 320;
  const issuerIndent = Math.max(0, Math.round(dateIndent + ((em(head.signDate) - em(head.issuer)) / 2) * 320));
  const portrait = [
    // 版头 (§7.2): 标志 in red, 发文字号 two lines below, the red line under the number.
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 0 }, children: [run(head.issuer, { size: 60, font: DOCX_FONTS.title, color: 'E60012' })] }),
    blank(),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: LINE,
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: 'E60012', space: 8 } },
      children: [run(head.docNo)],
    }),
    blank(),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: 720, lineRule: LineRuleType.EXACT }, children: [run(n.title, { size: 44, font: DOCX_FONTS.title })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { ...LINE, after: 240 }, children: [run(n.subtitle)] }),
    new Paragraph({ spacing: LINE, children: [run(`${head.addressee}：`)] }),
    ...n.paragraphs.map((p) => para(p.text, { heading: p.heading + '　' })),
    blank(),
    para('附件：交叉执行工作周报图表'),
    blank(),
    blank(),
    new Paragraph({ spacing: LINE, keepNext: true, alignment: AlignmentType.RIGHT, indent: { right: issuerIndent }, children: [run(head.issuer)] }),
    new Paragraph({ spacing: LINE, alignment: AlignmentType.RIGHT, indent: { right: dateIndent }, children: [run(head.signDate)] }),
    // 附件 from a new page: "附件" 3号黑体 at the top left (§8), then its title.
    new Paragraph({ spacing: LINE, children: [new PageBreak(), run('附件', { font: DOCX_FONTS.heiti })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { ...LINE, after: 120 }, children: [run('交叉执行工作周报图表', { size: 36, font: DOCX_FONTS.title })] }),
    image(charts.trend),
    image(charts.modes),
    caption('表1  主要数据'),
    table(['指标', '本周', '累计'], [0.5, 0.25, 0.25], [
      ['交叉执行案件数（件）', String(h.casesWeek), String(h.casesTotal)],
      ['取得实质进展或者化解数（件）', String(h.progressWeek), String(h.progressTotal)],
      ['执行到位金额（万元）', wan(h.amountWeekFen), wan(h.amountTotalFen)],
      ['结案数（件）', String(f.closure.closedWeek), String(f.closure.closedTotal)],
    ], textWidth),
    caption('表2  按交叉执行方式'),
    table(['方式', '本周新增', '累计', '在办', '本周到位（万元）', '累计到位（万元）'], [0.16, 0.14, 0.12, 0.12, 0.23, 0.23], f.byMode.map((m) => [m.mode, String(m.week), String(m.total), String(m.active), wan(m.amountWeekFen), wan(m.amountTotalFen)]), textWidth),
    caption('表3  按移送方向与结案方式'),
    table(['类别', '本周', '累计'], [0.5, 0.25, 0.25], [
      ...f.byDirection.map((d) => [d.direction, String(d.week), String(d.total)]),
      ...f.closedByType.map((c) => [`结案：${c.closureType}`, String(c.week), String(c.total)]),
      ['提级执行占比', '', `${f.escalation.sharePercent.toFixed(1)}%`],
      ['收案至结案平均用时（日）', '', f.closure.avgDaysToClose === null ? '—' : String(f.closure.avgDaysToClose)],
    ], textWidth),
    caption(`表4  逾期事项（截至${f.endOn}）`),
    ...(pr.overdue.length
      ? [table(['类别', '案号', '期限届满', '逾期（日）', '依据'], [0.19, 0.31, 0.15, 0.11, 0.24], pr.overdue.map((o) => [KIND_LABEL[o.kind], o.caseNo, o.dueOn, String(o.daysOverdue), o.source]), textWidth)]
      : [small('无逾期事项。')]),
    ...(f.overdue.length > pr.overdue.length ? [small(`另有${f.overdue.length - pr.overdue.length}项，见 Excel 表“逾期事项”。`)] : []),
    caption('表5  本周无进展登记的在办案件'),
    ...(pr.noProgress.length ? [table(['案号', '方式', '状态', '承办人'], [0.4, 0.2, 0.2, 0.2], pr.noProgress.map((x) => [x.caseNo, x.mode, x.state, x.handler]), textWidth)] : [small('无。')]),
    ...(f.noProgress.length > pr.noProgress.length ? [small(`等共${f.noProgress.length}件，完整名单见 Excel 表。`)] : []),
    caption('表6  一案双查案件'),
    ...(f.doubleChecks.length ? [table(['案号', '启动日期', '状态', '事由'], [0.32, 0.18, 0.2, 0.3], f.doubleChecks.map((d) => [d.caseNo, d.raisedOn, d.status, d.reason]), textWidth)] : [small('无。')]),
    caption('更正说明'),
    ...(f.corrections.length
      ? [table(['案号', '所属周', '更正内容', '金额变动（万元）'], [0.3, 0.15, 0.37, 0.18], f.corrections.map((c) => [c.caseNo, `${c.affectedWeek}${c.reported ? '（已报送）' : ''}`, c.what, wan(c.amountDeltaFen)]), textWidth)]
      : [small('前期数据无更正。')]),
    ...f.notes.map((s) => small(s)),
  ];

  const landWidth = A4.h - mm(20) - mm(20);
  const rows = pr.rows.map((r, i) => [String(i + 1), r.caseNo, r.applicants, r.debtors, `${r.mode}（${r.direction}）`, r.originalCourt, r.currentCourt, r.progressText || '—', wan(r.amountWeekFen), wan(r.amountTotalFen), r.state, r.handler]);
  const landscape = [
    caption(`表7  交叉执行案件明细（${f.rows.length}件）`),
    table([...CASE_COLUMNS], CASE_COLUMN_WIDTHS, rows, landWidth, 16),
    ...(pr.omittedRows ? [small(`另有${pr.omittedRows}件本周无变动的在办案件未列出，完整明细见 Excel 表“明细”。`)] : []),
  ];

  const doc = new Document({
    creator: f.courtName,
    title: `${n.title} ${f.week}`,
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: DOCX_FONTS.body, size: BODY.size, language: ZH_CN } } } },
    sections: [
      {
        properties: { page: { size: { width: A4.w, height: A4.h }, margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), footer: mm(22) } } },
        footers: pageNumberFooters(),
        children: portrait,
      },
      {
        properties: {
          page: { size: { width: A4.w, height: A4.h, orientation: PageOrientation.LANDSCAPE }, margin: { top: mm(20), bottom: mm(22), left: mm(20), right: mm(20), footer: mm(10) } },
        },
        footers: pageNumberFooters(),
        children: landscape,
      },
    ],
  });
  return packDocx(doc);
}
