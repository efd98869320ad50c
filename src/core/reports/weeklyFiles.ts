import type { WeeklyFigures } from '../../contract/calls/reports';
import type { CoreApp } from '../app';
import { renderWeeklyPdf } from './pdf';
import { renderWeeklyXlsx } from './xlsx';
import { weeklyFigures } from './weeklyFigures';
import { reportHead, type ReportHead } from './head';

export type WeeklyReportFile = { kind: 'docx' | 'xlsx' | 'pdf'; fileName: string; bytes: Buffer };

/** File names: 猇亭法院交叉执行周报-2025-W10.docx (the week sorts naturally in a folder). */
export function reportFileName(f: WeeklyFigures, kind: WeeklyReportFile['kind'], version?: number): string {
  return `交叉执行周报-${f.week}${version ? `-第${version}版` : ''}.${kind}`;
}

/**
 * The three files of one week's report. Pure generation: no database writes (EXCHANGE packs these
 * into the upward package; the reports call stores and files them).
 */
export async function generateWeeklyReportFiles(app: CoreApp, input: { week: string; userId: number }): Promise<{ week: string; files: WeeklyReportFile[]; figures: WeeklyFigures }> {
  const figures = weeklyFigures(app, { week: input.week });
  return { week: figures.week, figures, files: await renderWeeklyFilesFrom(figures, reportHead(app, figures)) };
}

/**
 * Renders the files from figures already computed (the stored figures of a frozen version, too), in
 * a document worker thread (src/core/workers/pool.ts), so rendering does not stall other users'
 * calls. Bytes come back structured-cloned as Uint8Array and are made Buffers again.
 */
export async function renderWeeklyFilesFrom(figures: WeeklyFigures, head: ReportHead, version?: number): Promise<WeeklyReportFile[]> {
  const { runDocumentTask } = await import('../workers/pool');
  const files = await runDocumentTask('weeklyFiles', { figures, head, version });
  return files.map((f) => {
    const b = f.bytes as Uint8Array;
    return { ...f, bytes: Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength) };
  });
}

/** The rendering itself, on the calling thread (the document worker runs this). */
export async function renderWeeklyFilesHere(figures: WeeklyFigures, head: ReportHead, version?: number): Promise<WeeklyReportFile[]> {
  // The DOCX module (docx + the chart canvas) is loaded on first use, not at start-up (src/core/lazyModules.ts).
  const { renderWeeklyDocx } = await import('./docx');
  const [docx, xlsx, pdf] = await Promise.all([renderWeeklyDocx(figures, head), renderWeeklyXlsx(figures), renderWeeklyPdf(figures, head)]);
  return [
    { kind: 'docx', fileName: reportFileName(figures, 'docx', version), bytes: docx },
    { kind: 'xlsx', fileName: reportFileName(figures, 'xlsx', version), bytes: xlsx },
    { kind: 'pdf', fileName: reportFileName(figures, 'pdf', version), bytes: pdf },
  ];
}
