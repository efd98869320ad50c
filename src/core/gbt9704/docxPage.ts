import { AlignmentType, Footer, Packer, PageNumber, Paragraph, TextRun, type Document } from 'docx';

/**
 * DOCX furniture of GB/T 9704-2012 shared by every generated Word file (letters, forms, weekly report).
 *
 * Fonts: a DOCX cannot carry the fonts, so runs name the faces Chinese offices have — 仿宋 (body),
 * 黑体 (headings), 方正小标宋简体 (titles; 宋体 where a table needs a plain serif) — and every run is
 * tagged zh-CN (w:lang eastAsia), so a word processor never lays Chinese out with a Japanese face.
 * The font table names, for each, a fallback that ships with 统信 UOS and 银河麒麟 (Noto Serif/Sans
 * CJK SC, Debian package fonts-noto-cjk): LibreOffice and WPS use w:altName when the face is missing.
 * `ascii`/`hAnsi` keep digits and Latin letters in Times New Roman as the official layout expects.
 */
export const ZH_CN = { value: 'zh-CN', eastAsia: 'zh-CN' } as const;

const face = (eastAsia: string) => ({ ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia, cs: eastAsia, hint: 'eastAsia' as const });
export const DOCX_FONTS = {
  body: face('仿宋'),
  heiti: face('黑体'),
  title: face('方正小标宋简体'),
  song: face('宋体'),
} as const;
export type DocxFont = (typeof DOCX_FONTS)[keyof typeof DOCX_FONTS];

// Font table entries: name, Windows name (altName for Word), fallback on UOS/Kylin, family, panose.
const FONT_TABLE: { name: string; fallback: string; family: 'roman' | 'modern' | 'swiss'; panose: string }[] = [
  { name: '仿宋', fallback: 'Noto Serif CJK SC', family: 'modern', panose: '02010609060101010101' },
  { name: '黑体', fallback: 'Noto Sans CJK SC', family: 'modern', panose: '02010609060101010101' },
  { name: '宋体', fallback: 'Noto Serif CJK SC', family: 'roman', panose: '02010600030101010101' },
  { name: '方正小标宋简体', fallback: 'Noto Serif CJK SC', family: 'roman', panose: '02000000000000000000' },
  { name: 'Times New Roman', fallback: 'Liberation Serif', family: 'roman', panose: '02020603050405020304' },
];

function fontTableXml(): string {
  const fonts = FONT_TABLE.map(
    (f) =>
      `<w:font w:name="${f.name}"><w:altName w:val="${f.fallback}"/><w:panose1 w:val="${f.panose}"/>` +
      `<w:charset w:val="${f.name === 'Times New Roman' ? '00' : '86'}"/><w:family w:val="${f.family}"/><w:pitch w:val="variable"/></w:font>`,
  ).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${fonts}</w:fonts>`;
}

/** Packs the document with the font table above (docx writes an empty one). */
export function packDocx(doc: Document): Promise<Buffer> {
  return Packer.toBuffer(doc, false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
}

/** One full-width character of 4号 (14 pt) in twips: the page number stands this far in from the edge. */
const ONE_CHAR_14PT = 280;

function numberFooter(side: 'odd' | 'even'): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: ONE_CHAR_14PT } : { left: ONE_CHAR_14PT },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: 28, font: DOCX_FONTS.song, language: ZH_CN })],
      }),
    ],
  });
}

/**
 * Page numbers per GB/T 9704 §7.5: 4号 "— 1 —", odd pages at the right, even pages at the left, one
 * character in from the text block's edge. Needs `evenAndOddHeaderAndFooters: true` on the Document.
 * `blankFirst`: no number on the first page (信函格式 §10.1) — the section then needs `titlePage: true`.
 */
export function pageNumberFooters(blankFirst = false): { default: Footer; even: Footer; first?: Footer } {
  return { default: numberFooter('odd'), even: numberFooter('even'), ...(blankFirst ? { first: new Footer({ children: [new Paragraph({ children: [] })] }) } : {}) };
}
