import { z } from 'zod';
import { defineCall } from '../define';
import { id, paging, empty } from './common';

export const auditRow = z.object({
  id: z.number(),
  at: z.string(),
  userId: z.number().nullable(),
  userName: z.string(),
  call: z.string(),
  /** The call's Chinese name (auditNames.ts); the page shows this, never `call`. */
  title: z.string(),
  /** What kind of record was touched, in Chinese (案件, 审批 …); record ids stay in the database. */
  record: z.string(),
  summary: z.string(),
});
export type AuditRow = z.infer<typeof auditRow>;

export const auditCalls = {
  'audit.list': defineCall({
    title: '查看审计日志',
    access: ['chief', 'admin'],
    mutates: false,
    input: z.object({
      ...paging,
      userId: id.optional(),
      call: z.string().max(100).optional(),
      from: z.string().max(10).optional(),
      to: z.string().max(10).optional(),
      q: z.string().max(100).optional(),
    }),
    output: z.object({ rows: z.array(auditRow), total: z.number(), calls: z.array(z.object({ call: z.string(), title: z.string() })) }),
  }),
  'audit.verify': defineCall({
    title: '校验审计日志',
    access: ['chief', 'admin'],
    mutates: false,
    input: empty,
    output: z.object({
      ok: z.boolean(),
      count: z.number(),
      firstBad: z.object({ id: z.number(), reason: z.string() }).nullable(),
    }),
  }),
};
