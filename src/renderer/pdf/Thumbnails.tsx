import { memo, useEffect, useRef, useState } from 'react';
import { Text } from '@mantine/core';
import type { RenderTask } from 'pdfjs-dist';
import type { PdfDoc } from './document';
import type { PageSize } from './layout';

export const THUMB_WIDTH = 112;
const ROW = THUMB_WIDTH * 1.5 + 28;

type Props = {
  doc: PdfDoc;
  sizes: PageSize[];
  rotation: number;
  current: number;
  /** Pages with find hits, marked with a dot. */
  marked: ReadonlySet<number>;
  onPick: (index: number) => void;
};

/** The thumbnail strip, virtualised like the pages: only thumbnails in view are drawn. */
export function Thumbnails({ doc, sizes, rotation, current, marked, onPick }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 800 });
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const update = () => setView({ top: el.scrollTop, height: el.clientHeight });
    update();
    const ro = new ResizeObserver(update);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  // Keep the current page's thumbnail in view as the reader scrolls the document.
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const y = current * ROW;
    if (y < el.scrollTop || y + ROW > el.scrollTop + el.clientHeight) el.scrollTo({ top: Math.max(0, y - el.clientHeight / 3) });
  }, [current]);
  const first = Math.max(0, Math.floor(view.top / ROW) - 2);
  const last = Math.min(sizes.length - 1, Math.ceil((view.top + view.height) / ROW) + 2);
  const items = [];
  for (let i = first; i <= last; i++) {
    items.push(
      <Thumb key={i} doc={doc} index={i} size={sizes[i]!} rotation={rotation} active={i === current} marked={marked.has(i)} onPick={onPick} top={i * ROW} />,
    );
  }
  return (
    <div
      ref={box}
      className="xd-thumbs"
      style={{ width: THUMB_WIDTH + 32, flex: 'none' }}
      onScroll={(e) => setView({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })}
      aria-label="缩略图"
      data-testid="pdf-thumbnails"
    >
      <div style={{ height: sizes.length * ROW, position: 'relative' }}>{items}</div>
    </div>
  );
}

const Thumb = memo(function Thumb(p: { doc: PdfDoc; index: number; size: PageSize; rotation: number; active: boolean; marked: boolean; top: number; onPick: (i: number) => void }) {
  const { doc, index, rotation } = p;
  const frame = useRef<HTMLDivElement>(null);
  const swap = rotation % 180 !== 0;
  const w = swap ? p.size.height : p.size.width;
  const h = swap ? p.size.width : p.size.height;
  const scale = THUMB_WIDTH / Math.max(w, h * (2 / 3));
  useEffect(() => {
    let cancelled = false;
    let task: RenderTask | null = null;
    const timer = window.setTimeout(async () => {
      try {
        const page = await doc.pdf.getPage(index + 1);
        if (cancelled) return;
        const viewport = page.getViewport({ scale, rotation: (page.rotate + rotation) % 360 });
        const canvas = document.createElement('canvas');
        canvas.width = Math.floor(viewport.width);
        canvas.height = Math.floor(viewport.height);
        task = page.render({ canvas, viewport });
        await task.promise;
        if (!cancelled && frame.current) frame.current.replaceChildren(canvas);
      } catch {
        /* a page that cannot be drawn shows its number only; the main view reports the error */
      }
    }, 120);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
      task?.cancel();
    };
  }, [doc, index, rotation, scale]);
  return (
    <div className="xd-thumb" style={{ top: p.top + 8 }} data-active={p.active} onClick={() => p.onPick(index)} role="button" aria-label={`转到第 ${index + 1} 页`}>
      <div ref={frame} className="xd-thumb-frame" style={{ width: Math.floor(w * scale), height: Math.floor(h * scale) }} />
      {p.marked && <span className="xd-thumb-hit" />}
      <Text size="xs" c="dimmed">
        {index + 1}
      </Text>
    </div>
  );
});
