import type { Handlers } from '../context';
import { asyncHandler, requireUser } from '../context';
import { weeklyFigures } from '../../reports/weeklyFigures';
import { renderWeeklyFilesFrom } from '../../reports/weeklyFiles';
import { reportHead } from '../../reports/head';
import { getReport, listReports, nextVersion, reportFile, storeReport, submitReport } from '../../reports/history';
import { fileReportIntoEfiles } from '../../reports/efilesFiling';
import { createDownload, XLSX_MIME } from '../../files/downloads';

type ReportHandlers = Pick<Handlers, 'reports.weekly.figures' | 'reports.weekly.generate' | 'reports.weekly.history' | 'reports.weekly.download' | 'reports.weekly.submit'>;

const MIME = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: XLSX_MIME,
  pdf: 'application/pdf',
} as const;

export const reportHandlers: ReportHandlers = {
  'reports.weekly.figures': ({ app }, input) => weeklyFigures(app, input),
  'reports.weekly.history': ({ app }, input) => listReports(app, input.week),
  'reports.weekly.generate': asyncHandler(async (ctx, input) => {
    const user = requireUser(ctx);
    ctx.progress({ done: 0, total: 4, step: '正在统计本周数据' });
    const figures = weeklyFigures(ctx.app, input);
    // Rendering awaits, so it happens before the transaction; the version number is re-read inside it.
    const version = nextVersion(ctx.app, figures.week);
    ctx.signal.throwIfAborted();
    ctx.progress({ done: 1, total: 4, step: '正在生成 DOCX、XLSX 和 PDF' });
    const files = await renderWeeklyFilesFrom(figures, reportHead(ctx.app, figures), version);
    // The last moment a cancel leaves nothing behind: after this the version is stored.
    ctx.signal.throwIfAborted();
    ctx.progress({ done: 2, total: 4, step: '正在保存本版周报' });
    const rec = ctx.commit(() => storeReport(ctx.app, user, figures, (v) => (v === version ? files : files.map((f) => ({ ...f, fileName: f.fileName.replace(`第${version}版`, `第${v}版`) })))), {
      recordType: 'weeklyReport',
      summary: `生成周报 ${figures.week}`,
    });
    ctx.progress({ done: 3, total: 4, step: '正在归入电子卷宗（局务）' });
    await fileReportIntoEfiles(ctx.app, rec.id, rec.week, rec.version, user.id, figures.endOn, files);
    return getReport(ctx.app, rec.id);
  }),
  'reports.weekly.download': (ctx, input) => {
    const user = requireUser(ctx);
    const f = reportFile(ctx.app, input.reportId, input.kind);
    return createDownload(ctx.app, user, { name: f.fileName, bytes: f.bytes, mime: MIME[input.kind] });
  },
  'reports.weekly.submit': (ctx, input) => {
    const rec = submitReport(ctx.app, requireUser(ctx), input.reportId);
    ctx.note({ recordType: 'weeklyReport', recordId: rec.id, summary: `周报 ${rec.week} 第${rec.version}版标记为已报送` });
    return rec;
  },
};
