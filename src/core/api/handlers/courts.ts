import type { Handlers } from '../context';
import { listCourts, saveCourt } from '../../ledger/courts/directory';

export const courtHandlers: Pick<Handlers, 'courts.list' | 'courts.save'> = {
  'courts.list': (ctx, input) => ({ courts: listCourts(ctx.app, input.includeInactive) }),
  'courts.save': (ctx, input) => {
    const r = saveCourt(ctx.app, input);
    ctx.note({ recordType: 'court', recordId: r.code, summary: `${r.created ? '新增' : '修改'}法院 ${input.courtName}（${input.courtCode}）${input.active ? '' : '，已停用'}` });
    return r;
  },
};
