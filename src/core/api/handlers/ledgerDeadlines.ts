import type { Handlers } from '../context';
import { requireUser } from '../context';
import { listReminders, missingYears } from '../../ledger/deadlines/reminders';
import { recordPayout } from '../../ledger/deadlines/payouts';
import { discoverCandidates } from '../../ledger/discovery/discover';
import { offloadWarnings } from '../../ledger/discovery/offload';
import { startDraftFromDiscovery } from '../../ledger/discovery/startDraft';
import { coveredYears, listYear } from '../../calendar/calendar';
import { deleteHolidayEntry, importHolidayYear, saveHolidayEntry } from '../../calendar/holidayAdmin';
import { getSettings } from '../../settings/settings';
import { chinaToday } from '../../ledger/excelImport/analyseWorkbook';
import { caseOfRecord, requireCaseEditor } from '../../ledger/edit/editRights';

type LedgerDeadlineHandlers = Pick<
  Handlers,
  | 'ledger.reminders.list'
  | 'ledger.payout.record'
  | 'ledger.discover.list'
  | 'ledger.discover.startDraft'
  | 'ledger.discover.offloadCheck'
  | 'calendar.holidays.year'
  | 'calendar.holidays.importYear'
  | 'calendar.holidays.save'
  | 'calendar.holidays.delete'
>;

export const ledgerDeadlineHandlers: LedgerDeadlineHandlers = {
  'ledger.reminders.list': (ctx, input) => {
    const all = listReminders(ctx.app, { caseId: input.caseId, handlerId: input.handlerId });
    const counts = { overdue: 0, soon: 0, ok: 0 };
    for (const r of all) counts[r.level]++;
    const picked = input.levels?.length ? all.filter((r) => input.levels!.includes(r.level)) : all;
    return { items: picked.slice(0, input.limit), total: picked.length, counts, today: chinaToday(ctx.app.now()), missingYears: missingYears(ctx.app, all) };
  },
  'ledger.payout.record': (ctx, input) => {
    const u = requireUser(ctx);
    // Recording a payout changes the case: the same rule as every ledger edit (editRights.ts, issue 12 §1).
    requireCaseEditor(ctx.app, u, caseOfRecord(ctx.app, 'progress_entries', input.progressId, '执行进展'));
    const r = recordPayout(ctx.app, u.id > 0 ? u.id : null, input);
    ctx.note({ recordType: 'payout', recordId: r.id, summary: `${r.caseNo} 登记案款发放 ${(r.fen / 100).toFixed(2)} 元（${input.paidOn}）` });
    return { id: r.id };
  },
  'ledger.discover.list': (ctx, input) => {
    const all = discoverCandidates(ctx.app, input.classes);
    const counts = { sixMonth: 0, zhongben: 0, debtor: 0 };
    for (const c of all) counts[c.class]++;
    return { items: all.slice(0, input.limit), total: all.length, counts };
  },
  'ledger.discover.startDraft': (ctx, input) => {
    const u = requireUser(ctx);
    // A draft transfer is an edit of each case it names: a 承办人 starts drafts only for their own cases.
    for (const caseId of input.caseIds) requireCaseEditor(ctx.app, u, caseId);
    const r = startDraftFromDiscovery(ctx.app, u, input);
    ctx.note({ recordType: 'transfer', recordId: r.transferIds.join(','), summary: `由案件发现新建交叉执行草稿：${r.caseNos.join('、')}` });
    return { transferIds: r.transferIds, warnings: r.warnings };
  },
  'ledger.discover.offloadCheck': (ctx, input) => ({ warnings: offloadWarnings(ctx.app, input) }),
  'calendar.holidays.year': (ctx, input) => {
    const years = coveredYears(ctx.app);
    return { year: input.year, covered: years.includes(input.year), coveredYears: years, entries: listYear(ctx.app, input.year), makeUpDayCounts: getSettings(ctx.app).makeUpDayCounts };
  },
  'calendar.holidays.importYear': (ctx, input) => {
    const r = importHolidayYear(ctx.app, input);
    ctx.note({ recordType: 'holidays', recordId: r.year, summary: `导入 ${r.year} 年节假日 ${r.count} 条（来源：${input.source}）` });
    return r;
  },
  'calendar.holidays.save': (ctx, input) => {
    saveHolidayEntry(ctx.app, input);
    ctx.note({ recordType: 'holidays', recordId: input.date, summary: `设置 ${input.date} 为${input.isOffDay ? '放假' : '上班'}（${input.name}；来源：${input.source}）` });
    return { date: input.date };
  },
  'calendar.holidays.delete': (ctx, input) => {
    deleteHolidayEntry(ctx.app, input.date);
    ctx.note({ recordType: 'holidays', recordId: input.date, summary: `删除 ${input.date} 的节假日记录` });
    return { date: input.date };
  },
};
