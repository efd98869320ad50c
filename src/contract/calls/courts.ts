import { z } from 'zod';
import { defineCall } from '../define';
import { COURT_CODE } from '../ledgerRules';
import { DIRECTIONS, TRANSFER_MODES } from '../vocabulary';

/**
 * The court directory (法院名录): every court code a case or transfer may name. Seeded for 宜昌
 * (src/core/ledger/courts/migrations.ts); admins correct and extend it in 设置 → 法院.
 */
export const COURT_LEVELS = ['最高', '高级', '中级', '基层', '专门'] as const;

export const courtRow = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(COURT_LEVELS),
  parentCode: z.string().nullable(),
  active: z.boolean(),
  /** Cases and transfers that name this court (a used court can be deactivated, never removed). */
  useCount: z.number(),
  /** Abbreviations of pre-2016 案号 that name this court (鄂猇亭, 宜猇); see src/contract/caseNumber.ts. */
  legacyNames: z.array(z.string()),
  /** Only with `forTransfer`: why the mode makes this court unusual (a soft warning), or null. */
  modeWarning: z.string().nullable().optional(),
});
export type CourtRow = z.infer<typeof courtRow>;

export const courtInput = z.object({
  courtCode: z.string().trim().regex(COURT_CODE, '应为法院代字，如 鄂0505（省份简称，中院加 2 位数字，基层法院加 4 位数字）'),
  courtName: z.string().trim().min(2, '请填写法院全称').max(50, '不能超过 50 个字').regex(/法院$/, '应为法院全称，以“法院”结尾'),
  level: z.enum(COURT_LEVELS),
  parentCode: z.string().trim().regex(COURT_CODE, '应为法院代字').optional().or(z.literal('').transform(() => undefined)),
  active: z.boolean().default(true),
  /** Replaces the court's 旧式简称 when given; left out, they stay as they are. */
  legacyNames: z
    .array(z.string().trim().regex(/^[\u4e00-\u9fff]{1,12}$/, '旧式简称应为 1–12 个汉字，如 鄂猇亭'))
    .max(20, '旧式简称不能超过 20 个')
    .optional(),
});

/** “鄂猇亭、宜猇” as typed in the form → the list the call takes. */
export function splitLegacyNames(s: string): string[] {
  return [...new Set(s.split(/[、,，;；\s]+/).map((x) => x.trim()).filter(Boolean))];
}

export const courtCalls = {
  'courts.list': defineCall({
    title: '法院名录',
    access: 'user',
    mutates: false,
    input: z.object({
      includeInactive: z.boolean().default(false),
      /** The transfer form's picker: only courts the mode allows on the other side (src/core/ledger/courts/modeCourts.ts). */
      forTransfer: z.object({ mode: z.enum(TRANSFER_MODES), direction: z.enum(DIRECTIONS), draft: z.boolean().default(true) }).optional(),
    }),
    output: z.object({ courts: z.array(courtRow) }),
  }),
  'courts.save': defineCall({
    title: '保存法院',
    access: ['admin'],
    mutates: true,
    input: courtInput,
    output: z.object({ code: z.string(), created: z.boolean() }),
  }),
};
