/**
 * Chinese full-text search on SQLite FTS5 without a Chinese word segmenter.
 *
 * FTS5's trigram tokenizer cannot find 2-character words (查封, 拘留, 张某), and unicode61 treats a
 * whole run of Chinese as one token. So the text is turned into overlapping character bigrams
 * before it reaches FTS5 ("查封裁定" → "查封 封裁 裁定 定"), and a query is turned the same way into a
 * phrase of consecutive bigrams ("封裁定" → "封裁 裁定"). Every substring of two or more characters
 * is then a phrase match, whatever the word boundaries. The last character of the page is also kept
 * as a unigram so a 1-character query (a prefix query on the bigrams) finds it there too.
 *
 * Only letters and digits count: punctuation, spaces and line breaks are dropped, because the text
 * layer of a PDF (and OCR) breaks lines and inserts spaces in the middle of words ("查\n封"), and
 * because a 案号 is typed with or without its brackets: "（2024）鄂0505执123号" and "2024鄂0505执12"
 * must meet. Full-width forms are folded to half-width (NFKC) and Latin letters to lower case.
 */

import { misreadVariants } from '../text/caseNoOcr';

const KEEP = /[\p{L}\p{N}]/u;

/** The searchable characters of a text, with each one's offset in the original string. */
export function normalise(text: string): { chars: string[]; at: number[] } {
  const chars: string[] = [];
  const at: number[] = [];
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    // Fast paths for the bulk of court text: common CJK ideographs and ASCII.
    if (cp >= 0x4e00 && cp <= 0x9fff) {
      chars.push(text[i]);
      at.push(i);
    } else if (cp < 0x80) {
      if ((cp >= 0x30 && cp <= 0x39) || (cp >= 0x61 && cp <= 0x7a)) {
        chars.push(text[i]);
        at.push(i);
      } else if (cp >= 0x41 && cp <= 0x5a) {
        chars.push(String.fromCharCode(cp + 32));
        at.push(i);
      }
    } else {
      for (const c of String.fromCodePoint(cp).normalize('NFKC').toLowerCase()) {
        if (KEEP.test(c)) {
          chars.push(c);
          at.push(i);
        }
      }
    }
    i += len;
  }
  return { chars, at };
}

/** Bigrams of a character sequence, separated by spaces (the FTS5 'ascii' tokenizer splits on them). */
export function bigrams(chars: string[], withTail: boolean): string {
  if (chars.length === 0) return '';
  if (chars.length === 1) return chars[0];
  const out: string[] = new Array(chars.length - 1 + (withTail ? 1 : 0));
  for (let k = 0; k < chars.length - 1; k++) out[k] = chars[k] + chars[k + 1];
  if (withTail) out[chars.length - 1] = chars[chars.length - 1];
  return out.join(' ');
}

/** What goes into the FTS5 column for a page of text. */
export function indexTokens(text: string): string {
  return bigrams(normalise(text).chars, true);
}

export type ParsedQuery = {
  /** The FTS5 MATCH expression, or null when the query has nothing searchable. */
  match: string | null;
  /** Each term's normalised characters (terms are the parts of the query between spaces). */
  terms: string[][];
};

/**
 * A user query → FTS5 MATCH expression. Parts separated by spaces must all occur (AND); each part is
 * a phrase of its bigrams; a 1-character part is a prefix query. Nothing of the user's text reaches
 * FTS5 syntax unquoted (only letters and digits survive normalisation).
 */
export function parseQuery(q: string): ParsedQuery {
  const terms = q
    .split(/[\s\u3000]+/u)
    .map((p) => normalise(p).chars)
    .filter((c) => c.length > 0);
  if (terms.length === 0) return { match: null, terms };
  const phrase = (c: string[]) => (c.length === 1 ? `"${c[0]}"*` : `"${bigrams(c, false)}"`);
  // A 案号 typed as 鄂0505执 also finds scans whose OCR read it as 哪0505执 (text/caseNoOcr.ts).
  const parts = terms.map((c) => {
    const variants = misreadVariants(c);
    return variants.length ? `(${[c, ...variants].map(phrase).join(' OR ')})` : phrase(c);
  });
  return { match: parts.join(' AND '), terms: [...terms, ...terms.flatMap(misreadVariants)] };
}
