import type { Handlers } from '../context';
import { getSettings, updateSettings } from '../../settings/settings';

export const settingsHandlers: Pick<Handlers, 'settings.get' | 'settings.update'> = {
  'settings.get': ({ app }) => getSettings(app),
  'settings.update': (ctx, input) => {
    const next = updateSettings(ctx.app, input);
    ctx.note({ recordType: 'settings', summary: `修改设置：${Object.keys(input).join('、')}` });
    return next;
  },
};
