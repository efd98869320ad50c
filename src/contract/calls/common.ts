import { z } from 'zod';
import { ROLES } from '../roles';

/** Shared building blocks of the contract's schemas. */
export const id = z.number().int().positive();
/**
 * The sane range of a legal date in this app (立案日期, 结案日期 …; the Excel import reads dates within the
 * same range): year 0000, 1000 or 1899 is a typo, not a case (issue 12 §14). Local setting in spirit.
 */
export const LEGAL_DATE_MIN = '1950-01-01';
export const LEGAL_DATE_MAX = '2100-12-31';
export const legalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '应为日期，格式 YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(s + 'T00:00:00Z')) && new Date(s + 'T00:00:00Z').toISOString().startsWith(s), '不是有效的日期')
  .refine((s) => s >= LEGAL_DATE_MIN && s <= LEGAL_DATE_MAX, `超出合理范围，应在 1950 至 2100 年之间`);
export const instant = z.string();
export const roleSchema = z.enum(ROLES);
export const paging = {
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(500).default(50),
};
export const nonEmpty = (max = 200) => z.string().trim().min(1, '不能为空').max(max, `不能超过 ${max} 个字`);

export const userPublic = z.object({
  id,
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
});
export type UserPublic = z.infer<typeof userPublic>;

export const empty = z.object({}).strict();
export const done = z.object({ done: z.literal(true) });
