import { memo, useEffect, useRef, useState } from 'react';
import type { RenderTask } from 'pdfjs-dist';
import type { PdfDoc } from './document';
import { loadPdfJs } from './pdfjs';
import { runRanges, type PageText } from './textSearch';

export type PageHit = { start: number; end: number; current: boolean };

type Props = {
  doc: PdfDoc;
  index: number;
  scale: number;
  rotation: number;
  top: number;
  width: number;
  height: number;
  hits: PageHit[];
  /** Called with the element of the current find hit once it is on screen, to scroll it into view. */
  onCurrentHit?: (el: HTMLElement) => void;
};

/** Delay before drawing, so pages that merely fly past during a fast scroll are never rendered. */
const SETTLE_MS = 60;
/** Canvas resolution cap: crisp on HiDPI screens without multiplying memory on 4K monitors. */
const MAX_DPR = 2;

/**
 * One page: a canvas drawn by pdf.js and the text layer over it (for selecting text and showing
 * find hits). Mounted only while near the viewport; unmounting cancels any drawing in progress.
 */
export const PdfPage = memo(function PdfPage({ doc, index, scale, rotation, top, width, height, hits, onCurrentHit }: Props) {
  const holder = useRef<HTMLDivElement>(null);
  const textBox = useRef<HTMLDivElement>(null);
  const [layer, setLayer] = useState<{ divs: HTMLElement[]; strs: string[]; text: PageText } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [drawn, setDrawn] = useState(false);

  useEffect(() => {
    let cancelled = false;
    let task: RenderTask | null = null;
    let textLayer: { cancel: () => void } | null = null;
    setError(null);
    const timer = window.setTimeout(async () => {
      try {
        const pdfjs = await loadPdfJs();
        const page = await doc.pdf.getPage(index + 1);
        if (cancelled) return;
        const viewport = page.getViewport({ scale, rotation: (page.rotate + rotation) % 360 });
        const dpr = Math.min(window.devicePixelRatio || 1, MAX_DPR);
        const canvas = document.createElement('canvas');
        canvas.width = Math.floor(viewport.width * dpr);
        canvas.height = Math.floor(viewport.height * dpr);
        // Fills the slot: while a new zoom is drawn, the old canvas stretches rather than vanishing.
        canvas.style.width = '100%';
        canvas.style.height = '100%';
        canvas.setAttribute('aria-label', `第 ${index + 1} 页`);
        task = page.render({ canvas, viewport, transform: dpr !== 1 ? [dpr, 0, 0, dpr, 0, 0] : undefined });
        await task.promise;
        if (cancelled || !holder.current) return;
        // Swap in the finished canvas, so zooming never shows a blank page.
        holder.current.querySelector('canvas')?.remove();
        holder.current.prepend(canvas);
        setDrawn(true);

        const t = await doc.text(index);
        if (cancelled || !textBox.current) return;
        const box = textBox.current;
        box.replaceChildren();
        const tl = new pdfjs.TextLayer({ textContentSource: t.content, container: box, viewport });
        textLayer = tl;
        await tl.render();
        if (cancelled) return;
        setLayer({ divs: tl.textDivs, strs: tl.textContentItemsStr, text: t.text });
      } catch (e) {
        if (cancelled || (e instanceof Error && e.name === 'RenderingCancelledException')) return;
        setError(`第 ${index + 1} 页无法显示：${e instanceof Error ? e.message : String(e)}`);
      }
    }, SETTLE_MS);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
      task?.cancel();
      textLayer?.cancel();
      setLayer(null);
    };
  }, [doc, index, scale, rotation]);

  // Find hits: wrap the matched characters of each text run in <mark>, restoring runs first.
  useEffect(() => {
    if (!layer) return;
    const touched = new Set<number>();
    let current: HTMLElement | null = null;
    const perRun = new Map<number, { from: number; to: number; current: boolean }[]>();
    for (const h of hits) {
      for (const [run, [from, to]] of runRanges(layer.text, h)) {
        const list = perRun.get(run) ?? [];
        list.push({ from, to, current: h.current });
        perRun.set(run, list);
      }
    }
    for (const [run, ranges] of perRun) {
      const div = layer.divs[run];
      const str = layer.strs[run];
      if (!div || str === undefined) continue;
      touched.add(run);
      ranges.sort((a, b) => a.from - b.from);
      const parts: Node[] = [];
      let at = 0;
      for (const r of ranges) {
        if (r.from < at) continue;
        if (r.from > at) parts.push(document.createTextNode(str.slice(at, r.from)));
        const mark = document.createElement('mark');
        mark.className = r.current ? 'xd-hl xd-hl-current' : 'xd-hl';
        mark.textContent = str.slice(r.from, r.to);
        if (r.current && !current) current = mark;
        parts.push(mark);
        at = r.to;
      }
      if (at < str.length) parts.push(document.createTextNode(str.slice(at)));
      div.replaceChildren(...parts);
    }
    if (current && onCurrentHit) onCurrentHit(current);
    return () => {
      for (const run of touched) {
        const div = layer.divs[run];
        if (div) div.textContent = layer.strs[run] ?? '';
      }
    };
  }, [layer, hits, onCurrentHit]);

  return (
    <div
      ref={holder}
      className="xd-pdf-page"
      data-page={index + 1}
      data-drawn={drawn ? 'true' : 'false'}
      style={{
        top,
        width,
        height,
        ['--scale-factor' as string]: String(scale),
        ['--total-scale-factor' as string]: String(scale),
      }}
    >
      {!drawn && !error && <div className="xd-pdf-placeholder">{index + 1}</div>}
      {error && <div className="xd-pdf-page-error">{error}</div>}
      <div ref={textBox} className="textLayer" />
    </div>
  );
});
