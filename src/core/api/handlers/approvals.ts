import fs from 'node:fs';
import type { Handlers } from '../context';
import { asyncHandler, requireUser } from '../context';
import type { CoreApp } from '../../app';
import type { UserPublic } from '../../../contract/calls/common';
import { fail } from '../../errors';
import { createDownload } from '../../files/downloads';
import { attachmentFile, prepareAttachment, removeAttachment, storeAttachment } from '../../approvals/attachments';
import { candidates } from '../../approvals/candidates';
import { decideRequest } from '../../approvals/decide';
import { readableRequest, requestDetail } from '../../approvals/detail';
import { generateDocuments } from '../../approvals/documents/generate';
import { documentFile, filingOf } from '../../approvals/documents/store';
import { auditSecondary, requireSecondaryOfCases } from '../../efiles/access';
import { efileBytesFor } from '../../approvals/efilesBridge';
import { listRequests, overview, queueCount } from '../../approvals/queries';
import { createRequest, reviseRequest, submitRequest, updateRequest, withdrawRequest } from '../../approvals/requests';
import { linksOf } from '../../approvals/store';

type ApprovalHandlers = Pick<
  Handlers,
  | 'approvals.list'
  | 'approvals.get'
  | 'approvals.candidates'
  | 'approvals.create'
  | 'approvals.update'
  | 'approvals.submit'
  | 'approvals.withdraw'
  | 'approvals.revise'
  | 'approvals.decide'
  | 'approvals.queueCount'
  | 'approvals.overview'
  | 'approvals.addAttachment'
  | 'approvals.removeAttachment'
  | 'approvals.download'
  | 'approvals.generateDocuments'
>;

const caseNos = (app: CoreApp, requestId: number) => linksOf(app, requestId).map((l) => l.caseNo).join('、');

const MIME = { pdf: 'application/pdf', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' } as const;

/**
 * The 审批表 (and, once approved, the letter) are regenerated after every decision so the form
 * always shows the decisions made so far. The decision itself is already committed: a rendering
 * failure is logged and the documents can be generated again from the request page.
 */
async function regenerate(app: CoreApp, user: UserPublic, requestId: number, commit: <T>(fn: () => T) => T): Promise<void> {
  try {
    await generateDocuments(app, user, requestId, commit);
  } catch (e) {
    console.error('[xdesk] approval documents not generated', e);
  }
}

export const approvalHandlers: ApprovalHandlers = {
  'approvals.list': (ctx, input) => listRequests(ctx.app, requireUser(ctx), input),
  'approvals.get': (ctx, input) => requestDetail(ctx.app, requireUser(ctx), input.requestId),
  'approvals.candidates': (ctx, input) => candidates(ctx.app, requireUser(ctx), input.q),
  'approvals.queueCount': (ctx) => ({ count: queueCount(ctx.app, requireUser(ctx)) }),
  'approvals.overview': (ctx) => overview(ctx.app, requireUser(ctx)),

  'approvals.create': (ctx, input) => {
    const user = requireUser(ctx);
    const id = createRequest(ctx.app, user, input);
    ctx.note({ recordType: 'approval', recordId: id, summary: `新建${input.mode}执行审批请求（${caseNos(ctx.app, id)}）` });
    return requestDetail(ctx.app, user, id);
  },
  'approvals.update': (ctx, { requestId, ...input }) => {
    const user = requireUser(ctx);
    updateRequest(ctx.app, user, requestId, input);
    ctx.note({ recordType: 'approval', recordId: requestId, summary: `修改审批请求草稿（${caseNos(ctx.app, requestId)}）` });
    return requestDetail(ctx.app, user, requestId);
  },
  'approvals.submit': asyncHandler(async (ctx, input) => {
    const user = requireUser(ctx);
    const r = ctx.commit(() => submitRequest(ctx.app, user, input.requestId), {
      recordType: 'approval',
      recordId: input.requestId,
      summary: `提交审批（${caseNos(ctx.app, input.requestId)}）`,
    });
    // The chief prints or reads the form while deciding, so it exists from submission on.
    await regenerate(ctx.app, user, r.id, (fn) => ctx.commit(fn, { recordType: 'approval', recordId: r.id, summary: `生成审批表（第 ${r.version} 版）` }));
    return requestDetail(ctx.app, user, r.id);
  }),
  'approvals.withdraw': (ctx, input) => {
    const user = requireUser(ctx);
    const r = withdrawRequest(ctx.app, user, input.requestId, input.reason);
    ctx.note({ recordType: 'approval', recordId: r.id, summary: `撤回审批请求（${caseNos(ctx.app, r.id)}）：${input.reason}` });
    return requestDetail(ctx.app, user, r.id);
  },
  'approvals.revise': (ctx, input) => {
    const user = requireUser(ctx);
    const id = reviseRequest(ctx.app, user, input.requestId);
    const d = requestDetail(ctx.app, user, id);
    ctx.note({ recordType: 'approval', recordId: id, summary: `修改后重新报请：新建第 ${d.request.version} 版（${caseNos(ctx.app, id)}）` });
    return d;
  },
  'approvals.decide': asyncHandler(async (ctx, input) => {
    const user = requireUser(ctx);
    const r = ctx.commit(() => decideRequest(ctx.app, user, input.requestId, input.outcome, input.opinion), {
      recordType: 'approval',
      recordId: input.requestId,
      summary: `审批${input.outcome}（${caseNos(ctx.app, input.requestId)}）${input.opinion ? `：${input.opinion}` : ''}`,
    });
    await regenerate(ctx.app, user, r.id, (fn) =>
      ctx.commit(fn, { recordType: 'approval', recordId: r.id, summary: `生成审批文书（${r.state}）` }),
    );
    return requestDetail(ctx.app, user, r.id);
  }),

  'approvals.addAttachment': (ctx, input) => {
    const user = requireUser(ctx);
    const p = prepareAttachment(ctx.app, user, input);
    const a = storeAttachment(ctx.app, user, input.requestId, p, input.uploadId);
    ctx.note({ recordType: 'approval', recordId: input.requestId, summary: `添加附件 ${a.name}${a.efileVolume ? `（引用电子卷宗${a.efileVolume}文件）` : ''}` });
    return a;
  },
  'approvals.removeAttachment': (ctx, input) => {
    const r = removeAttachment(ctx.app, requireUser(ctx), input.attachmentId);
    ctx.note({ recordType: 'approval', recordId: r.requestId, summary: `移除附件 ${r.name}` });
    return { done: true as const };
  },
  'approvals.download': (ctx, input) => {
    const user = requireUser(ctx);
    if (!!input.documentId === !!input.attachmentId) fail('INVALID_INPUT', '「文件」请指定一份文书或一个附件', 'documentId');
    if (input.documentId) {
      const d = documentFile(ctx.app, input.documentId);
      readableRequest(ctx.app, user, d.requestId);
      const filing = filingOf(d.kind);
      // The 审批表 is a 副卷 item: the same rule as the e-file (issue 12 §2), and the download is audited.
      const links = linksOf(ctx.app, d.requestId);
      if (filing.volume === '副卷') requireSecondaryOfCases(ctx.app, user, links.map((l) => l.caseId));
      if (!fs.existsSync(d.file)) fail('NOT_FOUND', `文书文件 ${d.name} 已不在数据目录中，请重新生成`);
      if (filing.volume === '副卷') auditSecondary(ctx.app, user, { id: d.id, title: filing.title, caseNo: links.map((l) => l.caseNo).join('、') }, '下载', ctx.call, 'approvalDocument');
      return createDownload(ctx.app, user, { name: d.name, bytes: fs.readFileSync(d.file), mime: MIME[d.format] });
    }
    const a = attachmentFile(ctx.app, input.attachmentId!);
    readableRequest(ctx.app, user, a.requestId);
    const bytes = a.file ? (fs.existsSync(a.file) ? fs.readFileSync(a.file) : null) : a.efileDocumentId ? efileBytesFor(ctx.app, user, a.efileDocumentId, ctx.call) : null;
    if (!bytes) fail('NOT_FOUND', `附件 ${a.name} 的文件已不存在`);
    return createDownload(ctx.app, user, { name: a.name, bytes: bytes!, mime: 'application/octet-stream' });
  },
  'approvals.generateDocuments': asyncHandler(async (ctx, input) => {
    const user = requireUser(ctx);
    const r = readableRequest(ctx.app, user, input.requestId);
    if (r.state === '草稿' || r.state === '已撤回') fail('INVALID_STATE', `该请求为「${r.state}」，提交后才生成审批表`);
    return generateDocuments(ctx.app, user, r.id, (fn) => ctx.commit(fn, { recordType: 'approval', recordId: r.id, summary: `重新生成审批文书（第 ${r.version} 版）` }));
  }),
};
