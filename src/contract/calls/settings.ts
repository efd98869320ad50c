import { z } from 'zod';
import { defineCall } from '../define';
import { empty } from './common';
import { approvalSettings } from './approvals';
import { deadlineSettings } from './ledgerDeadlines';
import { efilesTextSettings } from './efilesSearch';
import { reportSettings } from './reports';
import { efilesSettings } from './efiles';

/**
 * Bureau-wide settings. Every rule the domain brief marks unverified lives here as a setting
 * (with its default and source), never as a hard-coded block.
 */
export const foundationSettings = z.object({
  courtName: z.string().trim().min(2, '请填写法院全称').max(50),
  /** 法院代字, e.g. 鄂0505 (法〔2015〕137号 第五条). */
  courtCode: z
    .string()
    .trim()
    .regex(/^(最高法|[京津冀晋内辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川黔云藏陕甘青宁新军兵](?:\d{2}|\d{4})?)$/, '应为法院代字，如 鄂0505'),
  /** Local setting: idle sessions lock after this many minutes. */
  idleLockMinutes: z.number().int().min(1).max(240),
});

/**
 * The whole settings object: each module adds its own fragment here (one line each).
 */
export const settingsSchema = foundationSettings.extend({ ...approvalSettings.shape, ...reportSettings.shape, ...deadlineSettings.shape, ...efilesSettings.shape, ...efilesTextSettings.shape });
export type Settings = z.infer<typeof settingsSchema>;

export const settingsCalls = {
  'settings.get': defineCall({ title: '读取设置', access: 'user', mutates: false, input: empty, output: settingsSchema.passthrough() }),
  'settings.update': defineCall({
    title: '修改设置',
    access: ['admin'],
    mutates: true,
    input: settingsSchema.partial(),
    output: settingsSchema.passthrough(),
  }),
};
