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
