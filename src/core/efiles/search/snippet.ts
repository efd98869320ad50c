import { normalise } from './grams';

/**
 * The words around a hit, cut from the page's original text, with the hit marked «…» (the UI's
 * SearchResults highlights what is between the marks). The hit is found the way the index finds it:
 * on the normalised characters, so "查\n封" in the text still matches the query 查封.
 */
export function makeSnippet(text: string, terms: string[][], radius = 36): string {
  const { chars, at } = normalise(text);
  const hay = chars.join('');
  let best: { start: number; end: number } | null = null;
  for (const t of terms) {
    const k = indexOfChars(chars, hay, t);
    if (k < 0) continue;
    const start = at[k];
    const lastIdx = k + t.length - 1;
    const end = at[lastIdx] + codeUnitLength(text, at[lastIdx]);
    if (!best || start < best.start) best = { start, end };
  }
  const flat = (s: string) => s.replace(/\s+/g, ' ');
  if (!best) return flat(text.slice(0, radius * 2)).trim() + (text.length > radius * 2 ? '…' : '');
  const from = Math.max(0, best.start - radius);
  const to = Math.min(text.length, best.end + radius);
  return (
    (from > 0 ? '…' : '') +
    flat(text.slice(from, best.start)).trimStart() +
    '«' +
    flat(text.slice(best.start, best.end)) +
    '»' +
    flat(text.slice(best.end, to)).trimEnd() +
    (to < text.length ? '…' : '')
  );
}

/** Index (in characters) of `needle` in the normalised characters, or -1. */
function indexOfChars(chars: string[], hay: string, needle: string[]): number {
  // Most characters are one code unit; fall back to a character-wise scan when they are not.
  if (hay.length === chars.length) return hay.indexOf(needle.join(''));
  outer: for (let i = 0; i + needle.length <= chars.length; i++) {
    for (let j = 0; j < needle.length; j++) if (chars[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

function codeUnitLength(text: string, i: number): number {
  const c = text.codePointAt(i) ?? 0;
  return c > 0xffff ? 2 : 1;
}
