import type { Handlers } from '../context';
import { listCourts, saveCourt } from '../../ledger/courts/directory';
import { courtsForMode } from '../../ledger/courts/modeCourts';

export const courtHandlers: Pick<Handlers, 'courts.list' | 'courts.save'> = {
  'courts.list': (ctx, input) => {
    const courts = listCourts(ctx.app, input.includeInactive);
    const f = input.forTransfer;
    if (!f) return { courts };
    // The transfer form's picker offers what the core would accept for this mode (one rule: modeCourts.ts).
    const allowed = courtsForMode(ctx.app, courts.map((c) => c.code), f.mode, f.direction, f.draft);
    return { courts: courts.filter((c) => allowed.has(c.code)).map((c) => ({ ...c, modeWarning: allowed.get(c.code) ?? null })) };
  },
  'courts.save': (ctx, input) => {
    const r = saveCourt(ctx.app, input);
    ctx.note({ recordType: 'court', recordId: r.code, summary: `${r.created ? '新增' : '修改'}法院 ${input.courtName}（${input.courtCode}）${input.active ? '' : '，已停用'}` });
    return r;
  },
};
