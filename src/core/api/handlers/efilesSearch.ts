import type { Handlers } from '../context';
import { asyncHandler, requireUser } from '../context';
import { searchEfiles } from '../../efiles/search/search';
import { bindVolume, type BindResult } from '../../efiles/bind/bindVolume';
import { auditSecondary, caseHead, requireVolumeAccess } from '../../efiles/access';
import { createDownloadFile } from '../../files/downloads';
import { isOcrEnabled, kickOcr, ocrCounts, retryFailedOcr } from '../../efiles/text/ocrRunner';
import { updateSettings } from '../../settings/settings';
import type { CoreApp } from '../../app';

type EfilesSearchHandlers = Pick<Handlers, 'efiles.search' | 'efiles.bind' | 'efiles.ocr.status' | 'efiles.ocr.setEnabled' | 'efiles.ocr.retry'>;

const ocrStatus = (app: CoreApp) => ({ enabled: isOcrEnabled(app), ...ocrCounts(app) });

export const efilesSearchHandlers: EfilesSearchHandlers = {
  'efiles.search': (ctx, input) => {
    // A queue left by the last session restarts on the first search (hosts also call resumeOcr at start).
    if (ctx.app.sqlite.prepare("SELECT 1 FROM efile_ocr_queue WHERE status IN ('queued','running') LIMIT 1").get()) kickOcr(ctx.app);
    return searchEfiles(ctx.app, requireUser(ctx), input);
  },

  // Binding is an export: it is audited, and a bound 副卷 exports each of its documents, so each
  // gets the same 副卷 audit row as viewing or downloading it (issue 5 item 8).
  'efiles.bind': asyncHandler(async (ctx, input) => {
    const user = requireUser(ctx);
    const head = caseHead(ctx.app, input.caseId);
    requireVolumeAccess(ctx.app, user, input.caseId, input.volume);
    let pages = 0;
    let documents: BindResult['documents'] = [];
    const name = `${head.caseNo}_${input.volume}.pdf`.replace(/[\\/:*?"<>|]/g, '_');
    const d = await createDownloadFile(ctx.app, user, { name, mime: 'application/pdf' }, async (target) => {
      ({ pages, documents } = await bindVolume(ctx.app, { caseId: input.caseId, volume: input.volume, outPath: target, userId: user.id, job: ctx }));
    });
    ctx.commit(
      () => {
        if (input.volume === '副卷') for (const doc of documents) auditSecondary(ctx.app, user, { ...doc, caseNo: head.caseNo }, '导出', 'efiles.bind');
      },
      { recordType: 'case', recordId: input.caseId, summary: `一键组卷：${head.caseNo} ${input.volume}，共 ${pages} 页` },
    );
    return { ...d, pages };
  }),

  'efiles.ocr.status': (ctx) => {
    // Looking at the status also restarts a queue left over from the last session.
    if (ocrCounts(ctx.app).queued > 0) kickOcr(ctx.app);
    return ocrStatus(ctx.app);
  },
  'efiles.ocr.setEnabled': (ctx, input) => {
    updateSettings(ctx.app, { ocrEnabled: input.enabled });
    ctx.note({ recordType: 'settings', recordId: 'ocrEnabled', summary: input.enabled ? '开启文字识别（OCR）' : '关闭文字识别（OCR）' });
    if (input.enabled) kickOcr(ctx.app);
    return ocrStatus(ctx.app);
  },
  'efiles.ocr.retry': (ctx) => {
    const requeued = retryFailedOcr(ctx.app);
    ctx.note({ recordType: 'settings', recordId: 'ocr', summary: `重新识别失败的页面 ${requeued} 页` });
    if (requeued) kickOcr(ctx.app);
    return { requeued };
  },
};
