import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  convertMillimetersToTwip as mm,
} from 'docx';
import { DOCX_FONTS } from './fonts';
import type { ApprovalForm, Letter } from './model';

// Sizes are half-points: 二号 22 pt = 44, 三号 16 pt = 32, 小四 12 pt = 24, 五号 10.5 pt = 21.
const SIZE = { erhao: 44, sanhao: 32, xiaosi: 24, wuhao: 21 } as const;
type Font = (typeof DOCX_FONTS)[keyof typeof DOCX_FONTS];

const run = (text: string, font: Font, size: number, extra: { bold?: boolean; color?: string } = {}) =>
  new TextRun({ text, font, size, ...extra });

/** Multi-line values keep their line breaks (one case number per line). */
const lines = (text: string, font: Font, size: number) =>
  text.split('\n').map((t, i) => new TextRun({ text: t, font, size, break: i > 0 ? 1 : 0 }));

function pageFooter() {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          run('— ', DOCX_FONTS.body, SIZE.xiaosi),
          new TextRun({ children: [PageNumber.CURRENT], font: DOCX_FONTS.body, size: SIZE.xiaosi }),
          run(' —', DOCX_FONTS.body, SIZE.xiaosi),
        ],
      }),
    ],
  });
}

// GB/T 9704-2012 §5.2: A4, top 37 mm, left 28 mm, text block 156 × 225 mm.
const page = (top = 37) => ({
  size: { width: mm(210), height: mm(297) },
  margin: { top: mm(top), bottom: mm(35), left: mm(28), right: mm(26), footer: mm(18) },
});

const cellBorder = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
const borders = { top: cellBorder, bottom: cellBorder, left: cellBorder, right: cellBorder };

function toBuffer(doc: Document): Promise<Buffer> {
  return Packer.toBuffer(doc) as Promise<Buffer>;
}

/** 交叉执行报请审批表 as a ruled table, fonts set for East Asian text. */
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
  const doc = new Document({
    creator: '交叉执行工作台',
    title: form.title,
    styles: { default: { document: { run: { font: DOCX_FONTS.body, size: SIZE.xiaosi } } } },
    sections: [
      {
        properties: { page: page(25) },
        footers: { default: pageFooter() },
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, children: [run(form.court, DOCX_FONTS.heiti, SIZE.sanhao)] }),
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 120, after: 200 }, children: [run(form.title, DOCX_FONTS.title, SIZE.erhao, { bold: true })] }),
          new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { after: 80 }, children: [run(form.serial, DOCX_FONTS.body, SIZE.wuhao)] }),
          new Table({ width: { size: labelW + valueW, type: WidthType.DXA }, columnWidths: [labelW, valueW], rows }),
          new Paragraph({ spacing: { before: 160 }, children: [run(form.footer, DOCX_FONTS.body, 18, { color: '555555' })] }),
        ],
      },
    ],
  });
  return toBuffer(doc);
}

/** 报请函 / 移送函 in the official-letter layout (GB/T 9704-2012), 3号仿宋 body, fixed 28.95 pt line pitch. */
export async function renderLetterDocx(letter: Letter): Promise<Buffer> {
  // 22 lines per page on a 225 mm block: exact 579 twips pitch (GB/T 9704 §5.2.2).
  const bodySpacing = { line: 579, lineRule: LineRuleType.EXACT };
  const para = (text: string, indent = true) =>
    new Paragraph({ spacing: bodySpacing, alignment: AlignmentType.JUSTIFIED, indent: indent ? { firstLine: 640 } : undefined, children: [run(text, DOCX_FONTS.body, SIZE.sanhao)] });
  const right = (text: string) =>
    new Paragraph({ spacing: bodySpacing, alignment: AlignmentType.RIGHT, indent: { right: 1280 }, children: [run(text, DOCX_FONTS.body, SIZE.sanhao)] });
  const attachments = letter.attachments.map((a, i) =>
    para(`${i === 0 ? '附件：' : '　　　'}${letter.attachments.length > 1 ? `${i + 1}. ` : ''}${a}`),
  );
  const doc = new Document({
    creator: '交叉执行工作台',
    title: letter.title,
    styles: { default: { document: { run: { font: DOCX_FONTS.body, size: SIZE.sanhao } } } },
    sections: [
      {
        properties: { page: page() },
        footers: { default: pageFooter() },
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, children: [run(letter.court, DOCX_FONTS.title, 60, { bold: true, color: 'D40000' })] }),
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 240 }, children: [run(letter.docNo, DOCX_FONTS.body, SIZE.sanhao)] }),
          // The red rule under the 发文字号 (GB/T 9704 §7.2.4).
          new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: 'D40000', space: 1 } }, children: [] }),
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 480, after: 240, line: 700, lineRule: LineRuleType.EXACT }, children: [run(letter.title, DOCX_FONTS.title, SIZE.erhao, { bold: true })] }),
          para(`${letter.addressee}：`, false),
          ...letter.paragraphs.map((p) => para(p)),
          ...(attachments.length ? [para('', false), ...attachments] : []),
          para('', false),
          para('', false),
          right(letter.court),
          right(letter.signDate),
          para('', false),
          para(`（${letter.contact}）`),
        ],
      },
    ],
  });
  return toBuffer(doc);
}
