/**
 * Where each page sits in the scrolling column, so only the pages in view are rendered. Pure
 * arithmetic: a 300-page scan has 300 slots but at most a handful of canvases at any time.
 */
export type PageSize = { width: number; height: number };

export const PAGE_GAP = 12;

export type Layout = {
  /** Top of each page, in CSS pixels, at the current scale. */
  tops: number[];
  heights: number[];
  widths: number[];
  total: number;
  maxWidth: number;
};

/** Sizes are at scale 1 and 0° in PDF points; rotation by 90/270 swaps them. */
export function computeLayout(sizes: PageSize[], scale: number, rotation: number, gap = PAGE_GAP): Layout {
  const swap = rotation % 180 !== 0;
  const tops: number[] = [];
  const heights: number[] = [];
  const widths: number[] = [];
  let y = gap;
  let maxWidth = 0;
  for (const s of sizes) {
    const w = Math.floor((swap ? s.height : s.width) * scale);
    const h = Math.floor((swap ? s.width : s.height) * scale);
    tops.push(y);
    heights.push(h);
    widths.push(w);
    maxWidth = Math.max(maxWidth, w);
    y += h + gap;
  }
  return { tops, heights, widths, total: y, maxWidth };
}

/** Index of the last page whose top is at or above `y` (binary search; tops are ascending). */
export function pageAt(layout: Layout, y: number): number {
  let lo = 0;
  let hi = layout.tops.length - 1;
  if (hi < 0) return 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (layout.tops[mid]! <= y) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Pages that intersect [top, top + height], widened by `overscan` pages on each side. */
export function visibleRange(layout: Layout, top: number, height: number, overscan = 1): { first: number; last: number } {
  const n = layout.tops.length;
  if (n === 0) return { first: 0, last: -1 };
  const first = pageAt(layout, top);
  const last = pageAt(layout, top + height);
  return { first: Math.max(0, first - overscan), last: Math.min(n - 1, last + overscan) };
}

/** The page a reader is "on": the one covering the middle third of the view. */
export function currentPage(layout: Layout, top: number, height: number): number {
  return pageAt(layout, top + height / 3);
}
