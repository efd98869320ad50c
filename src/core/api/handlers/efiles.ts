import type { Handlers } from '../context';
import { asyncHandler, requireUser } from '../context';
import { afterPurge, catalogueOf, documentFor, purge, recycleBin, reorder, restore, saveSection, softDelete, updateDoc } from '../../efiles/catalogue';
import { listSections, sectionById } from '../../efiles/documents';
import { importStaged } from '../../efiles/importDocument';
import { sweepStore, verifyStore } from '../../efiles/store';

type EfilesHandlers = Pick<
  Handlers,
  | 'efiles.catalogue'
  | 'efiles.document'
  | 'efiles.import'
  | 'efiles.update'
  | 'efiles.reorder'
  | 'efiles.delete'
  | 'efiles.restore'
  | 'efiles.purge'
  | 'efiles.recycleBin'
  | 'efiles.sections'
  | 'efiles.sections.save'
  | 'efiles.verify'
  | 'efiles.sweep'
>;

export const efilesHandlers: EfilesHandlers = {
  'efiles.catalogue': (ctx, input) => catalogueOf(ctx.app, requireUser(ctx), input.caseId),
  'efiles.document': (ctx, input) => documentFor(ctx.app, requireUser(ctx), input.id, ctx.call),
  'efiles.import': asyncHandler((ctx, input) =>
    importStaged(ctx.app, requireUser(ctx), input, (fn, note) =>
      ctx.commit(() => {
        const r = fn() as { id: number };
        ctx.note({ recordId: r.id });
        return r;
      }, note) as never,
    ),
  ),
  'efiles.update': (ctx, input) => {
    const { id, ...patch } = input;
    const r = updateDoc(ctx.app, requireUser(ctx), id, patch);
    ctx.note({ recordType: 'efile', recordId: id, summary: r.summary });
    return r.doc;
  },
  'efiles.reorder': (ctx, input) => {
    ctx.note({ recordType: 'case', recordId: input.caseId, summary: reorder(ctx.app, requireUser(ctx), input) });
    return { done: true as const };
  },
  'efiles.delete': (ctx, input) => {
    ctx.note({ recordType: 'efile', recordId: input.id, summary: softDelete(ctx.app, requireUser(ctx), input.id) });
    return { done: true as const };
  },
  'efiles.restore': (ctx, input) => {
    ctx.note({ recordType: 'efile', recordId: input.id, summary: restore(ctx.app, requireUser(ctx), input.id) });
    return { done: true as const };
  },
  'efiles.purge': asyncHandler(async (ctx, input) => {
    const r = ctx.commit(() => {
      const p = purge(ctx.app, requireUser(ctx), input.id);
      ctx.note({ summary: p.summary });
      return p;
    }, { recordType: 'efile', recordId: input.id });
    // The blob goes only after the row is gone for good (a crash in between leaves an orphan for the sweep).
    const fileRemoved = afterPurge(ctx.app, r.sha256);
    return { done: true as const, fileRemoved };
  }),
  'efiles.recycleBin': (ctx, input) => recycleBin(ctx.app, requireUser(ctx), input.caseId),
  'efiles.sections': (ctx) => listSections(ctx.app, { includeInactive: true }),
  'efiles.sections.save': (ctx, input) => {
    const r = saveSection(ctx.app, input);
    ctx.note({ recordType: 'efile_section', recordId: r.id, summary: r.summary });
    return sectionById(ctx.app, r.id)!;
  },
  'efiles.verify': asyncHandler(async (ctx) =>
    verifyStore(ctx.app, (done, total) => {
      ctx.signal.throwIfAborted();
      ctx.progress({ done, total, step: `已校验 ${done}/${total} 个文件` });
    }),
  ),
  'efiles.sweep': (ctx, input) => {
    const r = sweepStore(ctx.app, { graceMs: input.graceMinutes * 60_000 });
    ctx.note({ recordType: 'efile_store', summary: `清理电子卷宗存储：删除无记录文件 ${r.orphansRemoved} 个、临时文件 ${r.tempRemoved} 个，释放 ${(r.bytesFreed / 1024 / 1024).toFixed(1)} MB` });
    return r;
  },
};
