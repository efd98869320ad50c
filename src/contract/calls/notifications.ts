import { z } from 'zod';
import { defineCall } from '../define';
import { id, instant } from './common';

/** In-app notifications (issue 4 §5): new requests, decisions, returns, approaching deadlines. */
export const NOTIFICATION_KINDS = ['新请求', '审批结果', '退回', '撤回', '期限提醒'] as const;

export const notificationRow = z.object({
  id,
  kind: z.enum(NOTIFICATION_KINDS),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: instant,
  readAt: instant.nullable(),
});
export type NotificationRow = z.infer<typeof notificationRow>;

export const notificationCalls = {
  'notifications.list': defineCall({
    title: '我的通知',
    access: 'user',
    mutates: false,
    input: z.object({ unreadOnly: z.boolean().default(false), limit: z.number().int().min(1).max(200).default(50) }),
    output: z.object({ rows: z.array(notificationRow), unread: z.number() }),
  }),
  'notifications.markRead': defineCall({
    title: '通知标为已读',
    access: 'user',
    // Reading one's own notices changes no record of the bureau, so it is not written to the audit log.
    mutates: false,
    input: z.object({ ids: z.array(id).max(500).optional(), all: z.boolean().optional() }),
    output: z.object({ unread: z.number() }),
  }),
};
