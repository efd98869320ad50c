import fs from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Chinese fonts embedded in generated PDFs (pdfkit subsets them, so a form stays small).
 * Noto Serif SC stands in for 仿宋 (body text) and 小标宋 (titles), Noto Sans SC Bold for 黑体
 * (labels), as the fonts of GB/T 9704-2012 are not freely redistributable.
 */
const FILES = {
  serif: '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  serifBold: '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
  sansBold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
} as const;
export type PdfFont = keyof typeof FILES;

const cache = new Map<PdfFont, Buffer>();

/** The font bytes, read once per process (the files are 10–15 MB each). */
export function fontBytes(font: PdfFont): Buffer {
  let b = cache.get(font);
  if (!b) {
    const file = createRequire(import.meta.url).resolve(FILES[font]);
    b = fs.readFileSync(file);
    cache.set(font, b);
  }
  return b;
}

/**
 * DOCX cannot carry the fonts (too large), so the runs name fonts every Chinese Windows machine has
 * (仿宋 = FangSong for body text, 黑体 = SimHei for labels, 宋体 = SimSun bold in place of 方正小标宋,
 * which is often not installed); Word and LibreOffice substitute the nearest CJK font when one is
 * missing. `ascii`/`hAnsi` keep digits and Latin letters in Times New Roman as the official layout expects.
 */
export const DOCX_FONTS = {
  body: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋', cs: '仿宋', hint: 'eastAsia' },
  heiti: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体', cs: '黑体', hint: 'eastAsia' },
  title: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体', cs: '宋体', hint: 'eastAsia' },
} as const;
