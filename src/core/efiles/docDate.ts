import { parseDateCell } from '../ledger/excelImport/dates';

/**
 * The date a document bears, suggested from its text when it is catalogued. A court document is
 * dated at its end, under the court's name (落款: 二〇二五年三月四日, GB/T 9704 §7.3.5 成文日期), so
 * the last date in the text is taken; dates after today (a 限期 written in the text) and before
 * 1990 are skipped. A suggestion only: the person cataloguing confirms or changes it.
 */
export type DateSuggestion = { date: string; reason: string };

const CN = '〇零一二三四五六七八九';
const DATE = new RegExp(
  [
    `[${CN}]{4}\\s*年\\s*[${CN}十]{1,3}\\s*月\\s*[${CN}十]{1,3}\\s*日`,
    '(?:19|20)\\d{2}\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日',
    '(?:19|20)\\d{2}[-./]\\d{1,2}[-./]\\d{1,2}',
  ].join('|'),
  'g',
);

export function suggestDocDate(text: string, today: string): DateSuggestion | null {
  let best: DateSuggestion | null = null;
  for (const m of text.matchAll(DATE)) {
    const raw = m[0];
    // 〇 is also read as O or 0 by OCR; parseDateCell reads Chinese numerals and digits alike.
    const r = parseDateCell(raw.replace(/\s+/g, ''));
    if (!r.ok || r.value > today || r.value < '1990-01-01') continue;
    best = { date: r.value, reason: `文书中的日期「${raw.replace(/\s+/g, '')}」` };
  }
  return best;
}
