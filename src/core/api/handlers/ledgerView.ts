import type { Handlers } from '../context';
import { asyncHandler, requireUser } from '../context';
import { ledgerIds, ledgerTable } from '../../ledger/tableView/query';
import { deleteView, listViews, saveView } from '../../ledger/tableView/savedViews';
import { exportCases } from '../../ledger/excelImport/exportLedger';
import { fail } from '../../errors';
import { caseView } from '../../ledger/tableView/caseView';

type LedgerViewHandlers = Pick<
  Handlers,
  'ledger.table' | 'ledger.filterOptions' | 'ledger.export' | 'ledger.views.list' | 'ledger.views.save' | 'ledger.views.delete' | 'ledger.caseView'
>;

/** Largest export in one file; beyond it the user narrows the filters (Excel's sheet limit is ~1M rows, but a bureau never needs that). */
const MAX_EXPORT = 200_000;

export const ledgerViewHandlers: LedgerViewHandlers = {
  'ledger.table': ({ app }, input) => ledgerTable(app, input),
  'ledger.caseView': ({ app }, input) => caseView(app, input.caseId),
  'ledger.filterOptions': ({ app }) => ({
    courts: app.sqlite.prepare('SELECT code, name FROM courts WHERE active = 1 ORDER BY code').all() as { code: string; name: string }[],
    handlers: app.sqlite
      .prepare(`SELECT id, display_name AS displayName FROM users WHERE disabled = 0 AND role IN ('staff','clerk','chief') ORDER BY id`)
      .all() as { id: number; displayName: string }[],
  }),
  'ledger.export': asyncHandler(async (ctx, input) => {
    const user = requireUser(ctx);
    const { description, ...filter } = input;
    const ids = ledgerIds(ctx.app, filter, MAX_EXPORT + 1);
    if (ids.length > MAX_EXPORT) fail('INVALID_INPUT', `符合条件的案件超过 ${MAX_EXPORT} 件，请先缩小筛选范围再导出`);
    const d = await exportCases(ctx.app, user, ids, description ?? '');
    // Exports take personal data out of the app: they are audited like changes.
    ctx.commit(() => undefined, { recordType: 'ledgerExport', summary: `导出台账 ${d.rows} 件${description ? `（${description}）` : ''}` });
    return d;
  }),
  'ledger.views.list': (ctx) => listViews(ctx.app, requireUser(ctx).id),
  'ledger.views.save': (ctx, input) => {
    const v = saveView(ctx.app, requireUser(ctx).id, input.name, input.filters);
    ctx.note({ recordType: 'savedView', recordId: v.id, summary: `保存台账视图「${v.name}」` });
    return v;
  },
  'ledger.views.delete': (ctx, input) => {
    const name = deleteView(ctx.app, requireUser(ctx).id, input.viewId);
    ctx.note({ recordType: 'savedView', recordId: input.viewId, summary: `删除台账视图「${name}」` });
    return { done: true as const };
  },
};
