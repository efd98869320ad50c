import type { CoreApp } from '../app';
import { fileGeneratedDocument } from '../efiles/fileGenerated';
import { GENERATED_FILING } from '../efiles/sections';
import { setFiled } from './history';
import { weekLabel } from './format';
import type { WeeklyReportFile } from './weeklyFiles';

/**
 * Files a generated report into the e-files' bureau records (局务, section 周报及统计报表): the PDF
 * (the record copy) and the XLSX (the data). A failure here must not undo the generation, which is
 * already committed: the history then shows the report as not filed, and the next generation retries.
 */
export async function fileReportIntoEfiles(app: CoreApp, reportId: number, week: string, version: number, userId: number, endOn: string, files: WeeklyReportFile[]): Promise<boolean> {
  try {
    const ids: number[] = [];
    for (const f of files.filter((x) => x.kind === 'pdf' || x.kind === 'xlsx')) {
      const { documentId } = await fileGeneratedDocument(app, {
        caseId: null,
        volume: '局务',
        sectionName: GENERATED_FILING.周报.section,
        title: `交叉执行工作周报（${weekLabel(week)}，第${version}版${f.kind === 'xlsx' ? '，数据表' : ''}）`,
        fileName: f.fileName,
        bytes: f.bytes,
        userId,
        docDate: endOn,
      });
      ids.push(documentId);
    }
    setFiled(app, reportId, ids);
    return true;
  } catch (e) {
    console.error('[xdesk] weekly report not filed into e-files', e);
    return false;
  }
}

/**
 * Files every stored version that is not yet in the e-files (issue 12 §10): a host killed between
 * committing a version (all its files, one transaction) and filing it — or a filing that failed —
 * is completed when a host next starts, so no version stays without its filing.
 */
export async function fileUnfiledReports(app: CoreApp): Promise<number> {
  const pending = app.sqlite
    .prepare(`SELECT id, week, version, end_on AS endOn, generated_by AS userId FROM weekly_reports WHERE efile_document_ids IS NULL AND status = '已生成' ORDER BY id`)
    .all() as { id: number; week: string; version: number; endOn: string; userId: number | null }[];
  let filed = 0;
  for (const r of pending) {
    const files = app.sqlite.prepare('SELECT kind, file_name AS fileName, bytes FROM weekly_report_files WHERE report_id = ?').all(r.id) as WeeklyReportFile[];
    if (await fileReportIntoEfiles(app, r.id, r.week, r.version, r.userId ?? 0, r.endOn, files)) filed++;
  }
  return filed;
}
