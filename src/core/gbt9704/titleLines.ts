/**
 * Title lines that never break inside a word (GB/T 9704-2012 §7.3.1: a title that runs over one line
 * breaks "词意完整，排列对称，长短适宜"): the title comes in parts that must stay whole (a phrase, a
 * case number) and lines break only between parts, choosing the most even split whose lines all fit,
 * the upper line not shorter than the lower (梯形 or 菱形, never an inverted trapezium).
 *
 * Width is measured in em: a CJK character or full-width bracket 1, an ASCII character about 0.55
 * (digits and Latin letters of the serif faces), which is what both the PDF and the DOCX print.
 */
export function emWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) < 0x2e80 ? 0.55 : 1;
  return w;
}

export function titleLines(parts: readonly string[], maxEm: number, measure: (s: string) => number = emWidth): string[] {
  const whole = parts.join('');
  if (measure(whole) <= maxEm || parts.length < 2) return [whole];
  let best: { lines: string[]; score: number } | null = null;
  // Two lines are enough for any title the app writes; three when two cannot fit.
  for (let i = 1; i < parts.length; i++) {
    const a = parts.slice(0, i).join('');
    const b = parts.slice(i).join('');
    if (measure(a) > maxEm || measure(b) > maxEm) continue;
    const score = Math.abs(measure(a) - measure(b)) + (measure(a) < measure(b) ? maxEm : 0);
    if (!best || score < best.score) best = { lines: [a, b], score };
  }
  if (best) return best.lines;
  for (let i = 1; i < parts.length - 1; i++) {
    for (let j = i + 1; j < parts.length; j++) {
      const l = [parts.slice(0, i).join(''), parts.slice(i, j).join(''), parts.slice(j).join('')];
      if (l.some((x) => measure(x) > maxEm)) continue;
      const w = l.map(measure);
      const score = Math.max(...w) - Math.min(...w);
      if (!best || score < best.score) best = { lines: l, score };
    }
  }
  return best?.lines ?? [whole];
}
