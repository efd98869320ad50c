import type { CoreApp } from '../../app';
import { fail } from '../../errors';
import { getSettings } from '../../settings/settings';
import { analyseRecord, type AnalyseContext } from './analyse';
import type { AnalysedRow } from './candidate';
import { buildCourtIndex } from './courtIndex';
import { findLayout, type Layout } from './layout';
import { readRecords } from './records';
import { readWorkbook, type SheetGrid } from './readSheet';
import { loadSynonyms } from './synonyms';

/**
 * A workbook checked row by row against the ledger, without writing anything: the preview shows
 * this and the commit writes exactly the rows it marks ok or warning.
 */
export type WorkbookAnalysis = {
  sheets: { name: string; recognised: boolean }[];
  sheet: string;
  grid: SheetGrid;
  layout: Layout;
  rows: AnalysedRow[];
};

/** China time: legal dates are China's calendar days. */
export function chinaToday(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export async function analyseWorkbook(app: CoreApp, bytes: Buffer, opts: { sheet?: string } = {}): Promise<WorkbookAnalysis> {
  const wb = await readWorkbook(bytes);
  const layouts = wb.sheets.map((g) => ({ g, layout: findLayout(g) }));
  const sheets = layouts.map(({ g, layout }) => ({ name: g.name, recognised: !!layout }));
  const chosen = opts.sheet ? layouts.find((l) => l.g.name === opts.sheet) : layouts.find((l) => l.layout);
  if (opts.sheet && !chosen) fail('INVALID_INPUT', `工作簿中没有名为「${opts.sheet}」的工作表`, 'sheet');
  if (!chosen?.layout) {
    fail(
      'INVALID_INPUT',
      `${opts.sheet ? `工作表「${opts.sheet}」` : '工作簿'}中找不到台账表头：前 30 行中须有一行同时包含「案号」（或原案号、执行案号）和至少一个其他已知列，如申请执行人、被执行人、立案日期`,
      'file',
    );
  }
  const { g, layout } = chosen as { g: SheetGrid; layout: Layout };
  const ctx = analyseContext(app, wb.date1904);
  const rows = readRecords(g, layout).map((rec) => analyseRecord(rec, ctx));
  markDuplicates(app, rows);
  return { sheets, sheet: g.name, grid: g, layout, rows };
}

function analyseContext(app: CoreApp, date1904: boolean): AnalyseContext {
  const users = new Map<string, number>();
  for (const u of app.sqlite.prepare('SELECT id, display_name AS name FROM users WHERE disabled = 0 ORDER BY id').all() as { id: number; name: string }[]) {
    if (!users.has(u.name)) users.set(u.name, u.id);
  }
  const ourCourt = getSettings(app).courtCode;
  return { courts: buildCourtIndex(app, ourCourt), ourCourt, today: chinaToday(app.now()), users, date1904, synonyms: loadSynonyms(app) };
}

/**
 * Same 案号 and same content as an earlier import → skipped quietly. A 案号 already in the ledger
 * otherwise, or twice in this file, is refused: an import never overwrites what people entered.
 */
function markDuplicates(app: CoreApp, rows: AnalysedRow[]): void {
  const imported = app.sqlite.prepare('SELECT i.at AS at FROM ledger_import_rows r JOIN ledger_imports i ON i.id = r.import_id WHERE r.case_no = ? AND r.content_hash = ?');
  // Same number = same key (执0170号 is 执170号, src/contract/caseNumber.ts).
  const existing = app.sqlite.prepare('SELECT case_no AS caseNo FROM cases WHERE case_no_key = ? LIMIT 1');
  const firstRow = new Map<string, number>();
  for (const row of rows) {
    if (!row.candidate || !row.contentHash) continue;
    const no = row.candidate.caseNo;
    const seen = firstRow.get(row.candidate.caseNoKey);
    if (seen !== undefined) {
      reject(row, `与第 ${seen} 行相同：同一案件只能占一行（多个当事人可写在同一格，用“、”分隔，或合并案号单元格）`);
      continue;
    }
    firstRow.set(row.candidate.caseNoKey, row.rows[0]!);
    const prior = imported.get(no, row.contentHash) as { at: string } | undefined;
    if (prior) {
      row.status = 'duplicate';
      row.problems.push({ level: 'warning', row: row.rows[0]!, message: `已于 ${prior.at.slice(0, 10)} 导入过相同内容，跳过` });
      continue;
    }
    const held = existing.get(row.candidate.caseNoKey) as { caseNo: string } | undefined;
    if (held) reject(row, `${no} 已在台账中${held.caseNo === no ? '' : `（写作 ${held.caseNo}，编号前的 0 不计）`}，未导入（导入不会覆盖已有案件；如需修改请到案件页）`);
  }
}

function reject(row: AnalysedRow, message: string): void {
  row.status = 'error';
  row.problems.push({ level: 'error', row: row.rows[0]!, message: `「案号」${message}` });
  row.candidate = null;
  row.contentHash = null;
}
