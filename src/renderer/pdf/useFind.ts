import { useEffect, useMemo, useRef, useState } from 'react';
import type { PdfDoc } from './document';
import { findInPage, normalise, type Match } from './textSearch';
import type { PageHit } from './PdfPage';

export type FindState = {
  query: string;
  setQuery: (q: string) => void;
  matches: Match[];
  /** Index into `matches` of the hit the reader is on, or -1. */
  current: number;
  searching: boolean;
  /** Pages scanned so far, for the progress of a long document. */
  scanned: number;
  next: () => void;
  prev: () => void;
  /** Hits of one page, with the current one flagged, for the text layer. */
  hitsOf: (page: number) => PageHit[];
  pagesWithHits: ReadonlySet<number>;
};

const NO_HITS: PageHit[] = [];
const same = (a: Match | null, b: Match) => !!a && a.page === b.page && a.start === b.start;

/**
 * Find in the document: scans each page's text (cached by PdfDoc) starting at the page the reader
 * is on, publishing hits as it goes so the first one shows at once even in a 300-page file.
 * Opening from a search result passes that page, so the reader lands on the hit there.
 */
export function useFind(doc: PdfDoc | null, initialQuery: string, readerPage: number, goTo: (m: Match) => void): FindState {
  const [query, setQuery] = useState(initialQuery);
  const [matches, setMatches] = useState<Match[]>([]);
  const [currentHit, setCurrentHit] = useState<Match | null>(null);
  const [searching, setSearching] = useState(false);
  const [scanned, setScanned] = useState(0);
  const goToRef = useRef(goTo);
  goToRef.current = goTo;
  const pageRef = useRef(readerPage);
  pageRef.current = readerPage;

  useEffect(() => {
    setMatches([]);
    setCurrentHit(null);
    setScanned(0);
    if (!doc || !normalise(query)) return;
    let stop = false;
    setSearching(true);
    void (async () => {
      const found: Match[] = [];
      let picked = false;
      const from = Math.min(Math.max(0, pageRef.current), doc.pageCount - 1);
      const order = [...Array(doc.pageCount).keys()];
      const scanOrder = [...order.slice(from), ...order.slice(0, from)];
      for (let k = 0; k < scanOrder.length; k++) {
        try {
          const t = await doc.text(scanOrder[k]!);
          found.push(...findInPage(scanOrder[k]!, t.text, query));
        } catch {
          /* a page without readable text has no hits */
        }
        if (stop) return;
        const firstHit = !picked && found.length > 0;
        if (firstHit || k % 10 === 9 || k === scanOrder.length - 1) {
          setMatches([...found].sort((a, b) => a.page - b.page || a.start - b.start));
          setScanned(k + 1);
        }
        if (firstHit) {
          picked = true;
          setCurrentHit(found[0]!);
          goToRef.current(found[0]!);
        }
      }
      setSearching(false);
    })();
    return () => {
      stop = true;
      setSearching(false);
    };
  }, [doc, query]);

  const current = currentHit ? matches.findIndex((m) => same(currentHit, m)) : -1;

  const step = (d: 1 | -1) => {
    if (matches.length === 0) return;
    const n = current < 0 ? 0 : (current + d + matches.length) % matches.length;
    setCurrentHit(matches[n]!);
    goToRef.current(matches[n]!);
  };

  const byPage = useMemo(() => {
    const m = new Map<number, PageHit[]>();
    for (const x of matches) {
      const list = m.get(x.page) ?? [];
      list.push({ start: x.start, end: x.end, current: same(currentHit, x) });
      m.set(x.page, list);
    }
    return m;
  }, [matches, currentHit]);
  const pagesWithHits = useMemo(() => new Set(byPage.keys()), [byPage]);

  return {
    query,
    setQuery,
    matches,
    current,
    searching,
    scanned,
    next: () => step(1),
    prev: () => step(-1),
    hitsOf: (p) => byPage.get(p) ?? NO_HITS,
    pagesWithHits,
  };
}
