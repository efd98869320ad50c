import { useCallback, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';

/**
 * The ledger's filters live in the URL (#/ledger?mode=指令&state=办理中…): the back button works,
 * a saved view is just this object, and the export takes exactly what the table shows.
 */
export type LedgerFilterState = {
  q: string;
  modes: string[];
  direction: string | null;
  states: string[];
  court: string | null;
  handlerId: number | null;
  overdue: boolean;
  filedFrom: string | null;
  filedTo: string | null;
  sort: string;
  order: 'asc' | 'desc';
  page: number;
};

export const EMPTY_FILTERS: LedgerFilterState = {
  q: '',
  modes: [],
  direction: null,
  states: [],
  court: null,
  handlerId: null,
  overdue: false,
  filedFrom: null,
  filedTo: null,
  sort: 'filedOn',
  order: 'desc',
  page: 1,
};

export function readFilters(p: URLSearchParams): LedgerFilterState {
  const list = (k: string) => (p.get(k) ? p.get(k)!.split(',').filter(Boolean) : []);
  return {
    q: p.get('q') ?? '',
    modes: list('mode'),
    direction: p.get('direction'),
    states: list('state'),
    court: p.get('court'),
    handlerId: p.get('handler') ? Number(p.get('handler')) : null,
    overdue: p.get('overdue') === '1',
    filedFrom: p.get('from'),
    filedTo: p.get('to'),
    sort: p.get('sort') ?? EMPTY_FILTERS.sort,
    order: p.get('order') === 'asc' ? 'asc' : 'desc',
    page: Math.max(1, Number(p.get('page') ?? 1) || 1),
  };
}

export function writeFilters(f: LedgerFilterState): URLSearchParams {
  const p = new URLSearchParams();
  if (f.q) p.set('q', f.q);
  if (f.modes.length) p.set('mode', f.modes.join(','));
  if (f.direction) p.set('direction', f.direction);
  if (f.states.length) p.set('state', f.states.join(','));
  if (f.court) p.set('court', f.court);
  if (f.handlerId) p.set('handler', String(f.handlerId));
  if (f.overdue) p.set('overdue', '1');
  if (f.filedFrom) p.set('from', f.filedFrom);
  if (f.filedTo) p.set('to', f.filedTo);
  if (f.sort !== EMPTY_FILTERS.sort) p.set('sort', f.sort);
  if (f.order !== EMPTY_FILTERS.order) p.set('order', f.order);
  if (f.page > 1) p.set('page', String(f.page));
  return p;
}

/**
 * The filters and a setter; any change other than the page returns to page 1.
 * Changes build on the last filters WRITTEN, not the last rendered: the router applies a URL change
 * in a transition, so two quick changes (a mode, then a state) would otherwise see the same old
 * URL and the second would drop the first. A URL change from outside (back button, a link) is
 * adopted as soon as it renders.
 */
export function useLedgerFilters(): [LedgerFilterState, (patch: Partial<LedgerFilterState>) => void, (f: LedgerFilterState) => void] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => readFilters(params), [params]);
  const written = useRef(params.toString());
  const rendered = useRef(params.toString());
  if (params.toString() !== rendered.current) {
    rendered.current = params.toString();
    written.current = rendered.current;
  }
  const write = useCallback(
    (f: LedgerFilterState) => {
      // A late write (the search box's debounce) after a row was opened would navigate back to the
      // ledger: the case page loads in a transition, so this page is still mounted. The hash already
      // names the new page (HashRouter pushes it at once), so only write while it is the ledger.
      if (!/^#\/ledger(\?|$)/.test(window.location.hash)) return;
      const p = writeFilters(f);
      written.current = p.toString();
      setParams(p, { replace: true });
    },
    [setParams],
  );
  const update = useCallback(
    (patch: Partial<LedgerFilterState>) => write({ ...readFilters(new URLSearchParams(written.current)), ...patch, page: patch.page ?? 1 }),
    [write],
  );
  return [filters, update, write];
}

/** A short Chinese description of the active filters (export titles, saved-view hints). */
export function describeFilters(f: LedgerFilterState, names: { court?: (c: string) => string; handler?: (id: number) => string } = {}): string {
  const parts: string[] = [];
  if (f.q) parts.push(`搜索“${f.q}”`);
  if (f.modes.length) parts.push(`方式：${f.modes.join('、')}`);
  if (f.direction) parts.push(`方向：${f.direction}`);
  if (f.states.length) parts.push(`状态：${f.states.join('、')}`);
  if (f.court) parts.push(`法院：${names.court?.(f.court) ?? f.court}`);
  if (f.handlerId) parts.push(`承办人：${names.handler?.(f.handlerId) ?? f.handlerId}`);
  if (f.overdue) parts.push('仅超期案件（工作台所列各类期限）');
  if (f.filedFrom || f.filedTo) parts.push(`立案 ${f.filedFrom ?? '…'} 至 ${f.filedTo ?? '…'}`);
  return parts.join('；');
}
