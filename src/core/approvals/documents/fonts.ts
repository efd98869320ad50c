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

/** The DOCX faces live with the rest of the GB/T 9704 furniture (src/core/gbt9704/docxPage.ts, loaded only with docx). */
