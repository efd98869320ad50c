/**
 * Text clean-up for cells typed by people: full-width letters and digits (Ａ１), ideographic
 * spaces, stray line breaks and the many separators used between several names in one cell.
 */

/** Full-width ASCII → half-width (NFKC), whitespace collapsed, trimmed. For codes, numbers, dates. */
export function halfWidth(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

/** For names and free text: only trims and collapses whitespace; Chinese punctuation is kept as typed. */
export function cleanText(s: string): string {
  return s.replace(/[\u3000\s]+/g, ' ').trim();
}

/** A header cell reduced to a comparable key: NFKC, no spaces, no required-marks (*), no 「」. */
export function headerKey(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\s*＊※「」"'“”]/g, '')
    .replace(/[:：]$/, '')
    .trim();
}

/**
 * Several parties in one cell: "张三、李四", "甲公司；乙公司", one per line. A comma splits too,
 * except inside brackets, where company names keep theirs ("某（集团）有限公司,分公司").
 */
export function splitNames(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '（' || ch === '(') depth++;
    if (ch === '）' || ch === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && /[、，,；;\n\r/]/.test(ch)) {
      if (cur.trim()) out.push(cleanText(cur));
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) out.push(cleanText(cur));
  return out;
}

/** Yes/no cells: 是/否, √/×, Y/N, 1/0. Returns null when the cell says neither. */
export function parseYesNo(s: string): boolean | null {
  const t = halfWidth(s).toLowerCase();
  if (['是', '√', 'y', 'yes', '1', 'true', '有', '涉及'].includes(t)) return true;
  if (['否', '×', 'x', 'n', 'no', '0', 'false', '无', '不涉及', ''].includes(t)) return false;
  return null;
}
