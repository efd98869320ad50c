import type { CoreApp } from '../../app';
import { suggestDocDate } from '../docDate';

/**
 * The 卷内目录's 日期 for a document that was filed without one: the last date written in its text
 * (the date a court document is signed stands at its end: "2025年3月10日" or "二〇二五年三月十日"),
 * else the day it was filed. Every row of the 目录 then has a date (法发〔2006〕11号 卷内目录).
 */
export function lastDateIn(text: string): string | null {
  // One rule for the date a document bears (docDate.ts, also the import's suggestion); the 目录 takes it whatever day it is.
  return suggestDocDate(text, '2100-12-31')?.date ?? null;
}

export function catalogueDate(app: CoreApp, doc: { id: number; doc_date: string | null; created_at: string }): string {
  if (doc.doc_date) return doc.doc_date;
  const pages = app.sqlite.prepare('SELECT text FROM efile_pages WHERE document_id = ? ORDER BY page DESC').all(doc.id) as { text: string }[];
  for (const p of pages) {
    const d = lastDateIn(p.text);
    if (d) return d;
  }
  return new Date(Date.parse(doc.created_at) + 8 * 3600_000).toISOString().slice(0, 10);
}

/** A case number as court documents print it at the head: （2025）鄂0505执399号. */
const CASE_NO = /[（(]\d{4}[）)][\u4e00-\u9fa5]{1,2}\d{0,4}[\u4e00-\u9fa5]{1,3}\d+号/;

/**
 * 文号, 责任者 and 日期 of one 目录 row: what was recorded with the document (generated documents carry
 * their number and the court), else what its first page says — a court document names the court
 * and bears the case number as its number — else blank (文号) or left for the clerk (责任者).
 */
export function catalogueFacts(
  app: CoreApp,
  doc: { id: number; doc_date: string | null; created_at: string; doc_no: string | null; author: string | null },
  court: string,
): { docNo: string; author: string; date: string } {
  const first = (app.sqlite.prepare('SELECT text FROM efile_pages WHERE document_id = ? AND page = 1').get(doc.id) as { text: string } | undefined)?.text ?? '';
  const flat = first.replace(/\s+/g, '');
  return {
    docNo: doc.doc_no ?? flat.match(CASE_NO)?.[0] ?? '',
    author: doc.author ?? (flat.includes(court) ? court : ''),
    date: catalogueDate(app, doc),
  };
}
