import type { CoreApp } from '../app';
import { fail } from '../errors';
import type { HolidayEntry } from './holidayData';

/**
 * Administrator maintenance of the holiday table for years the built-in data does not cover (or to
 * correct it): import a whole year from the notice as JSON/CSV, or add, change and remove single days.
 * Accepted files:
 *  - JSON as published by NateScarlet/holiday-cn: `{ "year": 2027, "days": [{ "name", "date", "isOffDay" }] }`,
 *    or a plain array of `{ date, name, isOffDay }`;
 *  - CSV with a header `date,name,isOffDay` (日期,名称,是否放假 also accepted; 是/否/休/班/1/0/true/false).
 */
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function validDate(s: string): boolean {
  return DATE.test(s) && new Date(s + 'T00:00:00Z').toISOString().startsWith(s);
}

function truthy(raw: unknown, line: string): boolean {
  if (typeof raw === 'boolean') return raw;
  const s = String(raw ?? '').trim().toLowerCase();
  if (['1', 'true', '是', '休', '放假', 'y', 'yes'].includes(s)) return true;
  if (['0', 'false', '否', '班', '上班', '调休上班', 'n', 'no'].includes(s)) return false;
  return fail('INVALID_INPUT', `「是否放假」${line}：应为 是/否（或 休/班、1/0）`, 'text');
}

function normaliseDate(raw: string): string {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(raw.trim());
  return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : raw.trim();
}

function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') (cur += '"'), i++;
      else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',' || ch === '，' || ch === '\t') out.push(cur), (cur = '');
    else cur += ch;
  }
  out.push(cur);
  return out.map((s) => s.trim());
}

/** Parses a holiday file into entries of exactly `year`; any bad line refuses the whole file. */
export function parseHolidayFile(text: string, year: number): HolidayEntry[] {
  const body = text.replace(/^\uFEFF/, '').trim();
  if (!body) fail('INVALID_INPUT', '「文件内容」为空，请选择当年的放假通知数据文件', 'text');
  let raw: { date: unknown; name: unknown; isOffDay: unknown; line: string }[];
  if (body.startsWith('{') || body.startsWith('[')) {
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      return fail('INVALID_INPUT', '「文件内容」不是有效的 JSON', 'text');
    }
    const days = Array.isArray(json) ? json : (json as { days?: unknown }).days;
    if (!Array.isArray(days)) return fail('INVALID_INPUT', '「文件内容」JSON 中应有 days 数组（holiday-cn 格式）或为数组', 'text');
    raw = days.map((d, i) => {
      const o = (d ?? {}) as Record<string, unknown>;
      return { date: o.date, name: o.name, isOffDay: o.isOffDay, line: `第 ${i + 1} 项` };
    });
  } else {
    const lines = body.split(/\r?\n/).filter((l) => l.trim());
    const head = splitCsvLine(lines[0]).map((h) => h.toLowerCase());
    const col = (names: string[]) => head.findIndex((h) => names.includes(h));
    const di = col(['date', '日期']);
    const ni = col(['name', '名称', '节日']);
    const oi = col(['isoffday', 'is_off_day', '是否放假', '放假', '类型']);
    if (di < 0 || ni < 0 || oi < 0) fail('INVALID_INPUT', '「文件内容」CSV 第一行应为表头：date,name,isOffDay（或 日期,名称,是否放假）', 'text');
    raw = lines.slice(1).map((l, i) => {
      const c = splitCsvLine(l);
      return { date: c[di], name: c[ni], isOffDay: c[oi], line: `第 ${i + 2} 行` };
    });
  }
  const seen = new Set<string>();
  const entries = raw.map((r) => {
    const date = normaliseDate(String(r.date ?? ''));
    if (!validDate(date)) fail('INVALID_INPUT', `「日期」${r.line}：${String(r.date ?? '（空）')} 不是有效日期，应为 YYYY-MM-DD`, 'text');
    if (Number(date.slice(0, 4)) !== year) fail('INVALID_INPUT', `「日期」${r.line}：${date} 不属于 ${year} 年`, 'text');
    if (seen.has(date)) fail('INVALID_INPUT', `「日期」${r.line}：${date} 重复出现`, 'text');
    seen.add(date);
    const name = String(r.name ?? '').trim();
    if (!name || name.length > 30) fail('INVALID_INPUT', `「名称」${r.line}：请填写节日名称（不超过 30 个字）`, 'text');
    return { date, name, isOffDay: truthy(r.isOffDay, r.line) };
  });
  if (!entries.length) fail('INVALID_INPUT', `「文件内容」没有 ${year} 年的放假或调休日期`, 'text');
  return entries.sort((a, b) => a.date.localeCompare(b.date));
}

/** Replaces the table's rows of that year with the file's entries (the caller's transaction). */
export function importHolidayYear(app: CoreApp, input: { year: number; text: string; source: string }): { year: number; count: number } {
  const entries = parseHolidayFile(input.text, input.year);
  const at = app.now().toISOString();
  app.sqlite.prepare(`DELETE FROM holidays WHERE date >= ? AND date < ?`).run(`${input.year}-01-01`, `${input.year + 1}-01-01`);
  const ins = app.sqlite.prepare(`INSERT INTO holidays (date, name, is_off_day, source, imported_at) VALUES (?, ?, ?, ?, ?)`);
  for (const e of entries) ins.run(e.date, e.name, e.isOffDay ? 1 : 0, input.source, at);
  return { year: input.year, count: entries.length };
}

/** Adds or overrides one day (a table row wins over the built-in data for that date). */
export function saveHolidayEntry(app: CoreApp, input: { date: string; name: string; isOffDay: boolean; source: string }): void {
  app.sqlite
    .prepare(
      `INSERT INTO holidays (date, name, is_off_day, source, imported_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(date) DO UPDATE SET name = excluded.name, is_off_day = excluded.is_off_day, source = excluded.source, imported_at = excluded.imported_at`,
    )
    .run(input.date, input.name, input.isOffDay ? 1 : 0, input.source, app.now().toISOString());
}

/** Removes an imported/override row (built-in data for that date, if any, applies again). */
export function deleteHolidayEntry(app: CoreApp, date: string): void {
  const r = app.sqlite.prepare(`DELETE FROM holidays WHERE date = ?`).run(date);
  if (r.changes === 0) fail('NOT_FOUND', `「日期」${date} 没有导入或修改过的记录（内置数据不能删除，可添加一条更正）`, 'date');
}
