import type { Handlers } from '../context';
import { requireUser } from '../context';
import { raiseDeadlineReminders } from '../../notifications/deadlines';
import { listNotifications, markRead, unreadCount } from '../../notifications/notifications';

type NotificationHandlers = Pick<Handlers, 'notifications.list' | 'notifications.markRead'>;

export const notificationHandlers: NotificationHandlers = {
  'notifications.list': (ctx, input) => {
    const { app } = ctx;
    const user = requireUser(ctx);
    // Deadline notices are raised when the user looks (deduplicated per due date), so no timer is needed.
    app.sqlite.transaction(() => raiseDeadlineReminders(app, user))();
    return { rows: listNotifications(app, user.id, input), unread: unreadCount(app, user.id) };
  },
  'notifications.markRead': (ctx, input) => ({ unread: markRead(ctx.app, requireUser(ctx).id, input) }),
};
