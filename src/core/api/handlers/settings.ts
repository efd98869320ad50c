import type { Handlers } from '../context';
import { FIELD_LABELS } from '../../../contract/labels';
import { getSettings, updateSettings } from '../../settings/settings';
import { checkApprovalSettings } from '../../approvals/settingsCheck';

export const settingsHandlers: Pick<Handlers, 'settings.get' | 'settings.update'> = {
  'settings.get': ({ app }) => getSettings(app),
  'settings.update': (ctx, input) => {
    // Settings that name users are checked against them before anything is written.
    const said = checkApprovalSettings(ctx.app, input);
    const next = updateSettings(ctx.app, input);
    const keys = Object.keys(input).map((k) => FIELD_LABELS[k] ?? k);
    ctx.note({ recordType: 'settings', summary: `修改设置：${keys.join('、')}${said.length ? `（${said.join('；')}）` : ''}` });
    return next;
  },
};
