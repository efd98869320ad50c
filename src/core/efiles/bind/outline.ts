import type { PDFDocument, PDFRef } from 'pdf-lib';
import { pdfLib } from '../../lazyModules';

/**
 * PDF bookmarks (an outline) — pdf-lib has no API for them, so the dictionaries are written by hand
 * (PDF 32000-1:2008 §12.3.3): a flat list, one item per entry, each opening its first page.
 * Titles are UTF-16 hex strings so Chinese shows in every reader.
 */
export function addOutline(doc: PDFDocument, items: { title: string; pageIndex: number }[]): void {
  const { PDFArray, PDFDict, PDFHexString, PDFName, PDFNull, PDFNumber } = pdfLib();
  if (!items.length) return;
  const ctx = doc.context;
  const pages = doc.getPages();
  const rootRef = ctx.nextRef();
  const refs: PDFRef[] = items.map(() => ctx.nextRef());
  items.forEach((it, i) => {
    const page = pages[Math.min(it.pageIndex, pages.length - 1)];
    const dest = PDFArray.withContext(ctx);
    dest.push(page.ref);
    dest.push(PDFName.of('XYZ'));
    dest.push(PDFNull);
    dest.push(PDFNull);
    dest.push(PDFNull);
    const d = PDFDict.withContext(ctx);
    d.set(PDFName.of('Title'), PDFHexString.fromText(it.title));
    d.set(PDFName.of('Parent'), rootRef);
    d.set(PDFName.of('Dest'), dest);
    if (i > 0) d.set(PDFName.of('Prev'), refs[i - 1]);
    if (i < items.length - 1) d.set(PDFName.of('Next'), refs[i + 1]);
    ctx.assign(refs[i], d);
  });
  const root = PDFDict.withContext(ctx);
  root.set(PDFName.of('Type'), PDFName.of('Outlines'));
  root.set(PDFName.of('First'), refs[0]);
  root.set(PDFName.of('Last'), refs[refs.length - 1]);
  root.set(PDFName.of('Count'), PDFNumber.of(items.length));
  ctx.assign(rootRef, root);
  doc.catalog.set(PDFName.of('Outlines'), rootRef);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}
