import path from 'node:path';
import type { Handlers } from '../context';
import { asyncHandler, requireUser } from '../context';
import { createDownload } from '../../files/downloads';
import { discardStaged } from '../../files/uploads';
import { precheckExport } from '../../exchange/exportPackage';
import { cancelJob, getJob, jobView, startExportJob } from '../../exchange/jobs';
import { listExports } from '../../exchange/history';
import { downloadExport } from '../../exchange/kept';
import { ensureSigningKey, listKeys, publicKeyPem, rotateSigningKey } from '../../exchange/keys';
import { copyOut, openView, stagedPath, viewLedger } from '../../exchange/view';
import { documentCount } from '../../exchange/plan';
import { inspectUpload, listPinned, pinKey, unpinKey } from '../../exchange/pins';

type ExchangeHandlers = Pick<
  Handlers,
  | 'exchange.export.start'
  | 'exchange.export.status'
  | 'exchange.export.cancel'
  | 'exchange.history.list'
  | 'exchange.exports.download'
  | 'exchange.view.open'
  | 'exchange.view.file'
  | 'exchange.view.ledger'
  | 'exchange.key.list'
  | 'exchange.key.export'
  | 'exchange.key.rotate'
  | 'exchange.cases.search'
  | 'exchange.trust.list'
  | 'exchange.trust.inspect'
  | 'exchange.trust.pin'
  | 'exchange.trust.remove'
>;

export const exchangeHandlers: ExchangeHandlers = {
  'exchange.export.start': asyncHandler(async (ctx, input) => {
    const user = requireUser(ctx);
    // Refuse bad periods, unknown cases and 副卷 without the right before any job starts.
    const { period } = precheckExport(ctx.app, user, input);
    const job = startExportJob(ctx.app, user, input);
    // The explicit choice to include 副卷 is audited when it is made (and again with the finished export).
    ctx.commit(() => undefined, {
      recordType: 'exchange_job',
      recordId: job.jobId,
      summary: `开始导出上报包 ${period.label}${input.cases.length ? `，案件：${input.cases.join('、')}` : ''}${input.includeSecondary ? '；明确选择包含副卷' : ''}`,
    });
    return { jobId: job.jobId };
  }),
  'exchange.export.status': (ctx, input) => jobView(getJob(ctx.app, requireUser(ctx), input.jobId)),
  'exchange.export.cancel': (ctx, input) => jobView(cancelJob(ctx.app, requireUser(ctx), input.jobId)),
  'exchange.history.list': (ctx) => ({ rows: listExports(ctx.app) }),
  'exchange.exports.download': asyncHandler(async (ctx, input) => {
    const { download, row } = await downloadExport(ctx.app, requireUser(ctx), input.exportId);
    // Handing a package out again is audited like the export itself (it may carry 副卷).
    ctx.commit(() => undefined, {
      recordType: 'exchange_export',
      recordId: input.exportId,
      summary: `再次下载上报包 ${row.periodLabel} 第${row.revision}版（${row.fileName}）${row.includesSecondary ? '；含副卷' : ''}`,
    });
    return { download };
  }),
  'exchange.view.open': asyncHandler(async (ctx, input) => {
    const user = requireUser(ctx);
    const file = stagedPath(ctx.app, user, input.uploadId);
    const r = await openView(ctx.app, user, file, { move: true });
    if (!r.viewId) discardStaged(ctx.app, user, input.uploadId);
    const m = r.manifest;
    ctx.commit(() => undefined, {
      recordType: 'exchange_view',
      recordId: m?.packageId ?? input.uploadId,
      summary: r.ok
        ? `校验并打开上报包：${m!.court.name} ${m!.period.week ?? `${m!.period.from}至${m!.period.to}`} 第${m!.revision}版，${m!.files.length} 个文件${m!.includesSecondary ? '（含副卷）' : ''}` +
          `；签名密钥 ${r.signer?.keyId}（${r.signer?.pinned ? `已登记为 ${r.signer.pinned.courtName}` : r.signer?.trust === 'own' ? '本院密钥' : '信任目录'}）`
        : `校验上报包未通过：${r.problems.length} 个问题，首个：${r.problems[0]?.message ?? ''}`,
    });
    return { ok: r.ok, problems: r.problems, manifest: r.manifest, keyId: r.keyId, signer: r.signer, viewId: r.viewId, files: (m?.files ?? []).map((f, index) => ({ ...f, index })) };
  }),
  'exchange.view.file': asyncHandler(async (ctx, input) => copyOut(ctx.app, requireUser(ctx), input.viewId, input.index)),
  'exchange.view.ledger': asyncHandler(async (ctx, input) => viewLedger(ctx.app, requireUser(ctx), input.viewId)),
  'exchange.key.list': (ctx) => {
    ensureSigningKey(ctx.app);
    return { keys: listKeys(ctx.app) };
  },
  'exchange.key.export': (ctx, input) => {
    const user = requireUser(ctx);
    const keys = listKeys(ctx.app);
    const k = input.keyId ? keys.find((x) => x.keyId === input.keyId) : keys.find((x) => x.current);
    const pem = publicKeyPem(ctx.app, k?.keyId ?? input.keyId ?? '');
    const text = `${pem}`;
    const download = createDownload(ctx.app, user, { name: path.basename(`上报包签名公钥-${k!.keyId}.pem`), bytes: Buffer.from(text), mime: 'application/x-pem-file' });
    return { ...k!, pem, download };
  },
  'exchange.key.rotate': (ctx) => {
    const k = rotateSigningKey(ctx.app);
    ctx.note({ recordType: 'exchange_key', recordId: k.keyId, summary: `更换上报包签名密钥，新密钥 ${k.keyId}（指纹 ${k.fingerprint}）；旧公钥保留用于校验旧包` });
    return k;
  },
  'exchange.trust.list': (ctx) => ({ keys: listPinned(ctx.app) }),
  'exchange.trust.inspect': (ctx, input) => inspectUpload(ctx.app, requireUser(ctx), input.uploadId),
  'exchange.trust.pin': (ctx, input) => {
    const user = requireUser(ctx);
    const k = pinKey(ctx.app, user, input);
    discardStaged(ctx.app, user, input.uploadId);
    ctx.note({ recordType: 'exchange_trust', recordId: k.keyId, summary: `登记 ${k.courtName}（${k.courtCode}）的上报包签名公钥 ${k.keyId}，指纹 ${k.fingerprint}` });
    return k;
  },
  'exchange.trust.remove': (ctx, input) => {
    const k = unpinKey(ctx.app, requireUser(ctx), input.keyId, input.reason);
    ctx.note({ recordType: 'exchange_trust', recordId: k.keyId, summary: `撤销登记 ${k.courtName}（${k.courtCode}）的签名公钥 ${k.keyId}，原因：${input.reason}` });
    return { done: true as const };
  },
  'exchange.cases.search': (ctx, input) => {
    const rows = ctx.app.sqlite
      .prepare(
        `SELECT c.id AS caseId, c.case_no AS caseNo, u.display_name AS handler FROM cases c LEFT JOIN users u ON u.id = c.handler_id
         WHERE c.case_no LIKE ? ORDER BY c.id DESC LIMIT 50`,
      )
      .all(`%${input.q}%`) as { caseId: number; caseNo: string; handler: string | null }[];
    return { rows: rows.map((r) => ({ ...r, documents: documentCount(ctx.app, r.caseId) })) };
  },
};
