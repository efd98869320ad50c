import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Alert, Center, Loader, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { PdfDoc, type PdfSource } from './document';
import { computeLayout, currentPage, PAGE_GAP, visibleRange } from './layout';
import { PdfPage } from './PdfPage';
import { Thumbnails } from './Thumbnails';
import { useFind } from './useFind';
import { ViewerToolbar, ZOOM_STEPS, type ZoomMode } from './ViewerToolbar';
import type { Match } from './textSearch';
import './viewer.css';

type Props = {
  source: PdfSource;
  /** 1-based page to open on. */
  initialPage?: number;
  /** A term to find and highlight on opening (from a search result). */
  highlight?: string;
  /** Buttons shown at the right end of the toolbar (download, close …). */
  extra?: ReactNode;
  /** Shown above the pages, e.g. "this page was found by OCR". */
  notice?: ReactNode;
  onPageChange?: (page: number) => void;
};

/**
 * The in-app PDF viewer. Virtualised: the column has a slot for every page but only the pages in
 * (or next to) the view are mounted and drawn, so a 300-page scan opens at once and scrolls
 * smoothly; sizes of all pages are read in the background. Zoom and rotation keep the reader's
 * place. Find scans the text layer; hits are highlighted on the page.
 */
export function PdfViewer({ source, initialPage = 1, highlight = '', extra, notice, onPageChange }: Props) {
  const [doc, setDoc] = useState<PdfDoc | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [sizes, setSizes] = useState(doc?.sizes ?? []);
  const [zoom, setZoom] = useState<ZoomMode>('fit');
  const [rotation, setRotation] = useState(0);
  const [thumbs, setThumbs] = useState(true);
  const [view, setView] = useState({ top: 0, height: 800, width: 900 });
  const scroller = useRef<HTMLDivElement>(null);
  const findInput = useRef<HTMLInputElement>(null);
  const sourceKey = 'url' in source ? source.url : 'data' in source ? source.data : source.key;

  useEffect(() => {
    const ac = new AbortController();
    setDoc(null);
    setFailure(null);
    let opened: PdfDoc | null = null;
    PdfDoc.open(source, ac.signal)
      .then((d) => {
        if (ac.signal.aborted) return d.destroy();
        opened = d;
        setDoc(d);
        setSizes(d.sizes);
        void d.loadSizes(() => setSizes(d.sizes), ac.signal).catch(() => undefined);
      })
      .catch((e: unknown) => !ac.signal.aborted && setFailure(describeFailure(e)));
    return () => {
      ac.abort();
      opened?.destroy();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reopen only when the file changes
  }, [sourceKey]);

  const scale = useMemo(() => {
    if (typeof zoom === 'number') return zoom;
    const s0 = sizes[0];
    if (!s0) return 1;
    const swap = rotation % 180 !== 0;
    const w = Math.max(...sizes.slice(0, 50).map((s) => (swap ? s.height : s.width)));
    const h = swap ? s0.width : s0.height;
    const fitWidth = (view.width - 2 * PAGE_GAP - 4) / w;
    const s = zoom === 'fit' ? fitWidth : Math.min(fitWidth, (view.height - 2 * PAGE_GAP) / h);
    return Math.max(0.1, Math.min(4, Math.floor(s * 100) / 100));
  }, [zoom, sizes, rotation, view.width, view.height]);

  const layout = useMemo(() => computeLayout(sizes, scale, rotation), [sizes, scale, rotation]);
  const page = currentPage(layout, view.top, view.height);
  const range = visibleRange(layout, view.top, view.height, 1);

  // Keep the reader's place (page + fraction of it) across zoom, rotation and late page sizes.
  const anchor = useRef({ page: Math.max(0, initialPage - 1), frac: 0 });
  const layoutRef = useRef(layout);
  useLayoutEffect(() => {
    layoutRef.current = layout;
    const el = scroller.current;
    if (!el || layout.tops.length === 0) return;
    const a = anchor.current;
    const i = Math.min(a.page, layout.tops.length - 1);
    el.scrollTop = Math.max(0, layout.tops[i]! + a.frac * layout.heights[i]! - PAGE_GAP);
    setView((v) => ({ ...v, top: el.scrollTop }));
  }, [layout]);

  const onScroll = useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    const l = layoutRef.current;
    const y = el.scrollTop + PAGE_GAP;
    const i = Math.max(0, Math.min(l.tops.length - 1, currentPage(l, y - PAGE_GAP, 0)));
    anchor.current = { page: i, frac: l.heights[i] ? (y - l.tops[i]!) / l.heights[i]! : 0 };
    setView((v) => (v.top === el.scrollTop ? v : { ...v, top: el.scrollTop }));
  }, []);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setView({ top: el.scrollTop, height: el.clientHeight, width: el.clientWidth }));
    ro.observe(el);
    return () => ro.disconnect();
  }, [doc]);

  useEffect(() => onPageChange?.(page + 1), [page, onPageChange]);

  const goToPage = useCallback((i: number) => {
    const el = scroller.current;
    const l = layoutRef.current;
    if (!el || l.tops.length === 0) return;
    const p = Math.max(0, Math.min(l.tops.length - 1, i));
    anchor.current = { page: p, frac: 0 };
    el.scrollTop = l.tops[p]! - PAGE_GAP;
  }, []);

  // A find hit: go to its page; once the page's text layer shows the mark, centre it (once).
  const pendingHit = useRef(false);
  const goToHit = useCallback(
    (m: Match) => {
      pendingHit.current = true;
      const l = layoutRef.current;
      const el = scroller.current;
      if (!el || !l.tops.length) return;
      const visible = l.tops[m.page]! >= el.scrollTop && l.tops[m.page]! + l.heights[m.page]! <= el.scrollTop + el.clientHeight;
      if (!visible) goToPage(m.page);
    },
    [goToPage],
  );
  const onCurrentHit = useCallback((mark: HTMLElement) => {
    if (!pendingHit.current) return;
    pendingHit.current = false;
    mark.scrollIntoView({ block: 'center', inline: 'nearest' });
  }, []);
  const find = useFind(doc, highlight, Math.max(0, initialPage - 1), goToHit);

  // Ctrl+F finds in the document while the viewer is open; PageUp/PageDown turn a whole page and
  // Home/End go to the first/last page (unless the user is typing in a field); Ctrl+wheel zooms.
  const pageRef = useRef(page);
  pageRef.current = page;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'f') {
        e.preventDefault();
        findInput.current?.focus();
        findInput.current?.select();
        return;
      }
      const t = e.target as HTMLElement | null;
      if (e.ctrlKey || e.metaKey || e.altKey || t?.closest('input, textarea, select, [contenteditable="true"], [role="dialog"]')) return;
      const turn = { PageDown: pageRef.current + 1, PageUp: pageRef.current - 1, Home: 0, End: Number.MAX_SAFE_INTEGER }[e.key];
      if (turn === undefined) return;
      e.preventDefault();
      goToPage(turn);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [goToPage]);
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      if (!e.ctrlKey) return;
      e.preventDefault();
      setZoom(() => {
        const next = e.deltaY < 0 ? ZOOM_STEPS.find((s) => s > scale + 0.01) : [...ZOOM_STEPS].reverse().find((s) => s < scale - 0.01);
        return next ?? scale;
      });
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [scale, doc]);

  if (failure) {
    return (
      <Alert color="red" icon={<IconAlertTriangle />} title="无法显示此文件" m="md" data-testid="pdf-failure">
        {failure}
      </Alert>
    );
  }
  if (!doc) {
    return (
      <Center h="100%" mih={300}>
        <Stack align="center" gap="xs">
          <Loader />
          <Text c="dimmed" size="sm">
            正在打开文件…
          </Text>
        </Stack>
      </Center>
    );
  }

  const pages = [];
  for (let i = range.first; i <= range.last; i++) {
    pages.push(
      <PdfPage
        key={i}
        doc={doc}
        index={i}
        scale={scale}
        rotation={rotation}
        top={layout.tops[i]!}
        width={layout.widths[i]!}
        height={layout.heights[i]!}
        hits={find.hitsOf(i)}
        onCurrentHit={onCurrentHit}
      />,
    );
  }
  return (
    <Stack gap={0} h="100%" mih={0} data-testid="pdf-viewer" data-page={page + 1} data-scale={scale}>
      <ViewerToolbar
        page={page + 1}
        pageCount={doc.pageCount}
        onPage={(p) => goToPage(p - 1)}
        zoom={zoom}
        scale={scale}
        onZoom={setZoom}
        onRotate={(d) => setRotation((r) => (r + d + 360) % 360)}
        thumbs={thumbs}
        onThumbs={() => setThumbs((t) => !t)}
        find={find}
        findInput={findInput}
        extra={extra}
      />
      {notice}
      <div style={{ display: 'flex', flex: 1, minHeight: 0 }}>
        {thumbs && <Thumbnails doc={doc} sizes={sizes} rotation={rotation} current={page} marked={find.pagesWithHits} onPick={goToPage} />}
        <div ref={scroller} className="xd-pdf-scroll" style={{ flex: 1 }} onScroll={onScroll} tabIndex={0} data-testid="pdf-scroll">
          <div className="xd-pdf-column" style={{ height: layout.total, width: Math.max(layout.maxWidth + 2 * PAGE_GAP, 0), minWidth: '100%' }}>
            {pages}
          </div>
        </div>
      </div>
    </Stack>
  );
}

function describeFailure(e: unknown): string {
  const name = e instanceof Error ? e.name : '';
  if (name === 'PasswordException') return '此 PDF 已加密（需要密码），无法在此预览。请下载后用原软件打开，或请提交人提供未加密的版本。';
  if (name === 'InvalidPDFException') return '文件不是有效的 PDF，或已损坏。可以下载原文件核对。';
  if (name === 'ResponseException' || name === 'MissingPDFException') return '读取文件失败：文件不存在或无权查看。';
  return `打开文件时出错：${e instanceof Error ? e.message : String(e)}`;
}
