import { describe, expect, it } from 'vitest';
import { computeLayout, currentPage, visibleRange } from './layout';
import { findInPage, pageText, runRanges } from './textSearch';

describe('virtualised page layout', () => {
  const a4 = { width: 595, height: 842 };
  const sizes = Array.from({ length: 300 }, (_, i) => (i === 10 ? { width: 842, height: 595 } : a4));

  it('places 300 pages and renders only the few in view', () => {
    const l = computeLayout(sizes, 1, 0, 10);
    expect(l.tops).toHaveLength(300);
    expect(l.tops[1]).toBe(10 + 842 + 10);
    expect(l.maxWidth).toBe(842);
    const r = visibleRange(l, l.tops[150]!, 900, 1);
    expect(r.first).toBe(149);
    expect(r.last - r.first + 1).toBeLessThanOrEqual(4);
    expect(currentPage(l, l.tops[150]! + 5, 900)).toBe(150);
  });

  it('rotation by 90° swaps width and height; zoom scales', () => {
    const l = computeLayout([a4], 2, 90, 0);
    expect(l.widths[0]).toBe(842 * 2);
    expect(l.heights[0]).toBe(595 * 2);
  });

  it('an empty document has nothing to render', () => {
    expect(visibleRange(computeLayout([], 1, 0), 0, 900)).toEqual({ first: 0, last: -1 });
  });
});

describe('find in the text layer', () => {
  it('matches 2-character Chinese words across text runs and spaces', () => {
    // pdf.js often yields one run per glyph, or spaces between CJK characters.
    const t = pageText(['本院依法', '查', ' 封被执行人', '名下房产。查封期限三年']);
    const hits = findInPage(4, t, '查封');
    expect(hits).toHaveLength(2);
    expect(hits[0]!.page).toBe(4);
    expect([...runRanges(t, hits[0]!)]).toEqual([
      [1, [0, 1]],
      [2, [1, 2]],
    ]);
  });

  it('matches 案号 fragments with full-width characters and ignores case', () => {
    const t = pageText(['（２０２５）鄂0505执１２３号']);
    expect(findInPage(0, t, '执123')).toHaveLength(1);
    expect(findInPage(0, t, '(2025)')).toHaveLength(1);
    expect(findInPage(0, pageText(['ABC']), 'abc')).toHaveLength(1);
  });

  it('finds nothing for an empty query or absent word', () => {
    const t = pageText(['拘留决定书']);
    expect(findInPage(0, t, '  ')).toEqual([]);
    expect(findInPage(0, t, '查封')).toEqual([]);
  });
});
