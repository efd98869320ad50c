import type { Handlers } from '../context';
import { asyncHandler, requireUser } from '../context';
import { commitImport, discardImport, importHistory, previewImport } from '../../ledger/excelImport/importLedger';
import { deleteSynonym, listSynonyms, saveSynonym } from '../../ledger/excelImport/synonyms';
import { SYNONYM_KIND_LABELS } from '../../../contract/calls/ledgerExcel';

type LedgerExcelHandlers = Pick<
  Handlers,
  | 'ledger.import.preview'
  | 'ledger.import.commit'
  | 'ledger.import.discard'
  | 'ledger.import.history'
  | 'ledger.import.synonyms.list'
  | 'ledger.import.synonyms.save'
  | 'ledger.import.synonyms.delete'
>;

export const ledgerExcelHandlers: LedgerExcelHandlers = {
  'ledger.import.preview': (ctx, input) => previewImport(ctx.app, requireUser(ctx), input),
  'ledger.import.commit': asyncHandler((ctx, input) => {
    // As a job (src/core/jobs): three steps; a cancel before the write leaves the ledger untouched.
    ctx.progress({ done: 0, total: 3, step: '正在读取并逐行核对工作簿' });
    return commitImport(ctx.app, requireUser(ctx), input, (fn, note) => {
      ctx.signal.throwIfAborted();
      ctx.progress({ done: 1, total: 3, step: '正在写入台账' });
      const written = ctx.commit(() => {
        const r = fn();
        ctx.note({ recordId: r.importId });
        return r;
      }, { recordType: note.recordType, summary: note.summary });
      ctx.progress({ done: 2, total: 3, step: '正在生成“未导入的行”报告' });
      return written;
    });
  }),
  'ledger.import.discard': (ctx, input) => discardImport(ctx.app, requireUser(ctx), input),
  'ledger.import.history': ({ app }) => importHistory(app),
  'ledger.import.synonyms.list': ({ app }) => listSynonyms(app),
  'ledger.import.synonyms.save': (ctx, input) => {
    const row = saveSynonym(ctx.app, requireUser(ctx), input);
    ctx.note({ recordType: 'ledgerImportSynonym', recordId: `${row.kind}:${row.phrase}`, summary: `台账导入：把「${row.phrase}」视为${SYNONYM_KIND_LABELS[row.kind]}「${row.value}」` });
    return row;
  },
  'ledger.import.synonyms.delete': (ctx, input) => {
    deleteSynonym(ctx.app, input);
    ctx.note({ recordType: 'ledgerImportSynonym', recordId: `${input.kind}:${input.phrase}`, summary: `台账导入：删除${SYNONYM_KIND_LABELS[input.kind]}同义词「${input.phrase}」` });
    return { done: true as const };
  },
};
