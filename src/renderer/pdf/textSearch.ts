/**
 * Find in a document's text layer. Chinese PDFs often split or space characters oddly (one text
 * run per character, spaces between glyphs), so matching ignores whitespace: 查 封 and 查封 match.
 * Offsets map back to (text run, character) so the match can be highlighted in the text layer.
 */
export type RunPos = { item: number; offset: number };
export type PageText = { text: string; map: RunPos[] };
export type Match = { page: number; start: number; end: number };

const SPACE = /\s/u;

export function normalise(s: string): string {
  return s.replace(/\s+/gu, '').normalize('NFKC').toLowerCase();
}

/** Joins a page's text runs, dropping whitespace and keeping where each character came from. */
export function pageText(items: readonly string[]): PageText {
  let text = '';
  const map: RunPos[] = [];
  items.forEach((str, item) => {
    for (let offset = 0; offset < str.length; offset++) {
      const ch = str[offset]!;
      if (SPACE.test(ch)) continue;
      // NFKC keeps most CJK and ASCII one-to-one; full-width digits/letters fold to ASCII.
      const n = ch.normalize('NFKC').toLowerCase();
      for (const c of n) {
        text += c;
        map.push({ item, offset });
      }
    }
  });
  return { text, map };
}

export function findInPage(page: number, t: PageText, query: string): Match[] {
  const q = normalise(query);
  if (!q) return [];
  const out: Match[] = [];
  let from = 0;
  for (;;) {
    const at = t.text.indexOf(q, from);
    if (at < 0) break;
    out.push({ page, start: at, end: at + q.length });
    from = at + q.length;
  }
  return out;
}

/** Per text run, the character ranges [start, end) a match covers. */
export function runRanges(t: PageText, m: { start: number; end: number }): Map<number, [number, number]> {
  const out = new Map<number, [number, number]>();
  for (let i = m.start; i < m.end; i++) {
    const p = t.map[i];
    if (!p) continue;
    const r = out.get(p.item);
    if (r) r[1] = p.offset + 1;
    else out.set(p.item, [p.offset, p.offset + 1]);
  }
  return out;
}
