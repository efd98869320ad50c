import type { Handlers } from '../context';
import { asyncHandler, requireUser } from '../context';
import { commitImport, importHistory, previewImport } from '../../ledger/excelImport/importLedger';

type LedgerExcelHandlers = Pick<Handlers, 'ledger.import.preview' | 'ledger.import.commit' | 'ledger.import.history'>;

export const ledgerExcelHandlers: LedgerExcelHandlers = {
  'ledger.import.preview': (ctx, input) => previewImport(ctx.app, requireUser(ctx), input),
  'ledger.import.commit': asyncHandler((ctx, input) =>
    commitImport(ctx.app, requireUser(ctx), input, (fn, note) =>
      ctx.commit(() => {
        const r = fn();
        ctx.note({ recordId: r.importId });
        return r;
      }, { recordType: note.recordType, summary: note.summary }),
    ),
  ),
  'ledger.import.history': ({ app }) => importHistory(app),
};
