import type { CoreApp } from '../../app';

/**
 * The 卷内目录's 日期 for a document that was filed without one: the last date written in its text
 * (the date a court document is signed stands at its end: "2025年3月10日" or "二〇二五年三月十日"),
 * else the day it was filed. Every row of the 目录 then has a date (法发〔2006〕11号 卷内目录).
 */
const CN_DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

function cnNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  if (s.length === 4) return Number([...s].map((c) => CN_DIGIT[c] ?? 0).join(''));
  // 十, 十一, 二十, 二十三, 三十一
  const [tens, ones] = s.includes('十') ? s.split('十') : ['', s];
  return (s.includes('十') ? (tens ? CN_DIGIT[tens]! : 1) * 10 : 0) + (ones ? CN_DIGIT[ones] ?? 0 : 0);
}

const DATE = /(\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日/g;

export function lastDateIn(text: string): string | null {
  let last: string | null = null;
  for (const m of text.matchAll(DATE)) {
    const y = cnNumber(m[1]!);
    const mo = cnNumber(m[2]!);
    const d = cnNumber(m[3]!);
    if (y < 1990 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > 31) continue;
    last = `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  }
  return last;
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
