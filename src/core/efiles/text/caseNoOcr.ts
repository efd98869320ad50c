/**
 * 案号 in OCR text. A 案号 is （年度）+ province abbreviation + court code + type + number
 * (《关于人民法院案件案号的若干规定》法〔2015〕137号 第三–五条, e.g. （2024）鄂0505执123号). Tesseract's chi_sim
 * model misreads some province abbreviations in scans — 鄂 comes back as 哪 — so a 案号 read from a
 * scan does not match the 案号 people type. Two repairs, one rule:
 *  - `correctCaseNumbers` fixes the OCR output before it is stored and indexed (text/ocrRunner.ts):
 *    a character in the province position that is not a province abbreviation but a known misreading
 *    of one, followed by a court code and a case type, is replaced.
 *  - `misreadVariants` gives search (search/grams.ts) the misread spellings of a typed 案号, so pages
 *    read before this correction existed are still found.
 */

/** Province abbreviations that open a court code (the same list as the ledger's court codes). */
const PROVINCES = '京津冀晋内辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川黔云藏陕甘青宁新军兵';

/** OCR misreadings seen in scanned court documents → the abbreviation meant (add pairs as they are found). */
export const OCR_PROVINCE_MISREADS: Record<string, string> = { 哪: '鄂', 鄠: '鄂', 卾: '鄂', 粵: '粤', 贑: '赣', 陜: '陕' };

/** First characters of a 案号's type code (执, 执恢, 民初, 刑终, 行初, 司救, 财保 …). */
const TYPE_START = '执民刑行赔司财请协清破强保';

const MISREAD = Object.keys(OCR_PROVINCE_MISREADS).join('');
/**
 * （2024）哪0505执 / 2024哪0505执 / (2024) 哪 0505 执: year (brackets optional, OCR drops them),
 * the suspect character, a 2- or 4-digit court code (a 中院 has 2), the start of a type code.
 */
const SUSPECT = new RegExp(`([（(]?\\s*(?:19|20)\\d{2}\\s*[）)]?\\s*)([${MISREAD}])(\\s*\\d{2}(?:\\d{2})?\\s*[${TYPE_START}])`, 'gu');

export function correctCaseNumbers(text: string): string {
  if (!SUSPECT.test(text)) return text;
  SUSPECT.lastIndex = 0;
  return text.replace(SUSPECT, (_m, head: string, ch: string, tail: string) => head + OCR_PROVINCE_MISREADS[ch]! + tail);
}

/**
 * The spellings OCR may have stored for a searched term: each province abbreviation directly before
 * a digit (the court code) replaced by its misreadings. The term itself is not included.
 */
export function misreadVariants(chars: readonly string[]): string[][] {
  const positions = chars.map((c, i) => (PROVINCES.includes(c) && /\d/.test(chars[i + 1] ?? '') ? i : -1)).filter((i) => i >= 0);
  if (!positions.length) return [];
  const out: string[][] = [];
  for (const i of positions) {
    for (const [wrong, right] of Object.entries(OCR_PROVINCE_MISREADS)) {
      if (right !== chars[i]) continue;
      const v = [...chars];
      v[i] = wrong;
      out.push(v);
    }
  }
  return out;
}
