import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  LineRuleType,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlign,
  WidthType,
  convertMillimetersToTwip as mm,
} from 'docx';
import { DOCX_FONTS, packDocx, pageNumberFooters, ZH_CN, type DocxFont } from '../../gbt9704/docxPage';
import { titleLines } from '../../gbt9704/titleLines';
import type { ApprovalForm, Letter } from './model';

// Sizes are half-points: 二号 22 pt = 44, 三号 16 pt = 32, 小四 12 pt = 24, 五号 10.5 pt = 21.
const SIZE = { erhao: 44, sanhao: 32, xiaosi: 24, wuhao: 21 } as const;
const RED = 'E60012';

const run = (text: string, font: DocxFont, size: number, extra: { bold?: boolean; color?: string; break?: number } = {}) =>
  new TextRun({ text, font, size, language: ZH_CN, ...extra });

/** Multi-line values keep their line breaks (one case number per line). */
const lines = (text: string, font: DocxFont, size: number) => text.split('\n').map((t, i) => run(t, font, size, { break: i > 0 ? 1 : 0 }));

// GB/T 9704-2012 §5.2: A4, top 37 mm, left 28 mm, text block 156 × 225 mm; the page number 7 mm under it.
const page = (top = 37) => ({
  size: { width: mm(210), height: mm(297) },
  margin: { top: mm(top), bottom: mm(35), left: mm(28), right: mm(26), footer: mm(22), header: mm(30) },
});

const cellBorder = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
const borders = { top: cellBorder, bottom: cellBorder, left: cellBorder, right: cellBorder };

const defaultRun = (size: number) => ({ run: { font: DOCX_FONTS.body, size, language: ZH_CN } });

/** 交叉执行报请审批表 as a ruled table; the generation note is in the last page's footer line, never a page of its own. */
export async function renderFormDocx(form: ApprovalForm): Promise<Buffer> {
  const labelW = mm(30);
  const valueW = mm(126);
  const rows = form.rows.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({
            width: { size: labelW, type: WidthType.DXA },
            borders,
            verticalAlign: VerticalAlign.CENTER,
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(r.label, DOCX_FONTS.heiti, SIZE.xiaosi)] })],
          }),
          new TableCell({
            width: { size: valueW, type: WidthType.DXA },
            borders,
            margins: { top: 80, bottom: 80, left: 100, right: 100 },
            children: [
              new Paragraph({ spacing: { line: 360, lineRule: LineRuleType.AUTO }, children: lines(r.value || ' ', DOCX_FONTS.body, SIZE.xiaosi) }),
              ...(r.signer || r.date
                ? [
                    new Paragraph({
                      alignment: AlignmentType.RIGHT,
                      spacing: { before: 120 },
                      children: [run([r.signer ? `签名：${r.signer}` : '', r.date ?? ''].filter(Boolean).join('    '), DOCX_FONTS.body, SIZE.xiaosi)],
                    }),
                  ]
                : []),
            ],
          }),
        ],
      }),
  );
  const numbers = pageNumberFooters();
  const doc = new Document({
    creator: '交叉执行工作台',
    title: form.title,
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: defaultRun(SIZE.xiaosi) } },
    sections: [
      {
        properties: { page: page(25) },
        footers: numbers,
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, children: [run(form.court, DOCX_FONTS.heiti, SIZE.sanhao)] }),
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 120, after: 200 }, children: [run(form.title, DOCX_FONTS.title, SIZE.erhao)] }),
          new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { after: 80 }, children: [run(form.serial, DOCX_FONTS.body, SIZE.wuhao)] }),
          new Table({ width: { size: labelW + valueW, type: WidthType.DXA }, columnWidths: [labelW, valueW], rows }),
          // The note is one exact 11 pt line tight under the table (Word needs a paragraph after a table anyway),
          // so it never makes a page of its own for want of a few points.
          new Paragraph({ spacing: { before: 40, after: 0, line: 220, lineRule: LineRuleType.EXACT }, children: [run(form.footer, DOCX_FONTS.body, 18, { color: '555555' })] }),
        ],
      },
    ],
  });
  return packDocx(doc);
}

/**
 * 报请函 / 移送函 in the 信函格式 of GB/T 9704-2012 §10.1 (see renderPdf.ts): the 标志 and the
 * red double line in the first-page header (30 mm from the top), the foot double line in the
 * first-page footer, no page number on page 1, 3号 body on the 22-line grid.
 */
export async function renderLetterDocx(letter: Letter): Promise<Buffer> {
  // 22 lines per page on a 225 mm block: exact 579 twips pitch (GB/T 9704 §5.2.2).
  const pitch = { line: 579, lineRule: LineRuleType.EXACT };
  const para = (text: string, o: { indent?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; right?: number } = {}) =>
    new Paragraph({
      spacing: pitch,
      alignment: o.align ?? AlignmentType.JUSTIFIED,
      indent: { firstLine: o.indent === false ? 0 : 640, right: o.right ?? 0 },
      children: text ? [run(text, DOCX_FONTS.body, SIZE.sanhao)] : [],
    });
  const blank = () => para('', { indent: false });
  const many = letter.attachments.length > 1;
  // 附件：1. 名称 — later names start under the first name: a hanging indent of 附件： (3 characters).
  const attachments = letter.attachments.map(
    (a, i) =>
      new Paragraph({
        spacing: pitch,
        indent: { left: 640 + 960, hanging: i === 0 ? 960 : 0 },
        children: [run(`${i === 0 ? '附件：' : ''}${many ? `${i + 1}. ` : ''}${a}`, DOCX_FONTS.body, SIZE.sanhao)],
      }),
  );
  // Signature centred over the date, the date four characters from the right (GB/T 9704 §7.3.5.1).
  const dateIndent = 4 * 320;
  const dateEm = [...letter.signDate].reduce((w, ch) => w + (ch.charCodeAt(0) < 0x2e80 ? 0.5 : 1), 0);
  const courtEm = [...letter.court].length;
  const courtIndent = Math.max(0, Math.round(dateIndent + ((dateEm - courtEm) / 2) * 320));
  const redDouble = (thickTop: boolean) => ({ style: thickTop ? BorderStyle.THICK_THIN_MEDIUM_GAP : BorderStyle.THIN_THICK_MEDIUM_GAP, size: 24, color: RED, space: 1 });
  const firstHeader = new Header({
    children: [
      new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 0 }, children: [run(letter.court, DOCX_FONTS.title, 56, { color: RED })] }),
      // The double line sits 4 mm under the 标志 and reaches 170 mm (7 mm past the text block each side).
      new Paragraph({ spacing: { before: 0, after: 0 }, indent: { left: -mm(8), right: -mm(6) }, border: { bottom: redDouble(true) }, children: [] }),
    ],
  });
  const firstFooter = new Footer({
    children: [new Paragraph({ spacing: { before: 0, after: 0 }, indent: { left: -mm(8), right: -mm(6) }, border: { top: redDouble(false) }, children: [] })],
  });
  const doc = new Document({
    creator: '交叉执行工作台',
    title: letter.title,
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: defaultRun(SIZE.sanhao) } },
    sections: [
      {
        properties: { page: { ...page(), margin: { ...page().margin, footer: mm(20) } }, titlePage: true },
        headers: { first: firstHeader, default: new Header({ children: [] }), even: new Header({ children: [] }) },
        footers: { ...pageNumberFooters(), first: firstFooter },
        children: [
          new Paragraph({
            spacing: pitch,
            tabStops: [{ type: TabStopType.RIGHT, position: mm(156) }],
            alignment: AlignmentType.RIGHT,
            children: [run(letter.docNo, DOCX_FONTS.body, SIZE.sanhao)],
          }),
          blank(),
          ...titleLines(letter.titleParts, 156 / (22 * 0.3528)).map(
            (l) => new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: 720, lineRule: LineRuleType.EXACT }, keepNext: true, children: [run(l, DOCX_FONTS.title, SIZE.erhao)] }),
          ),
          blank(),
          para(`${letter.addressee}：`, { indent: false }),
          ...letter.paragraphs.map((p) => para(p)),
          ...(attachments.length ? [blank(), ...attachments] : []),
          blank(),
          blank(),
          new Paragraph({ spacing: pitch, keepNext: true, alignment: AlignmentType.RIGHT, indent: { right: courtIndent }, children: [run(letter.court, DOCX_FONTS.body, SIZE.sanhao)] }),
          new Paragraph({ spacing: pitch, alignment: AlignmentType.RIGHT, indent: { right: dateIndent }, children: [run(letter.signDate, DOCX_FONTS.body, SIZE.sanhao)] }),
          para(`（${letter.contact}）`),
        ],
      },
    ],
  });
  return packDocx(doc);
}
