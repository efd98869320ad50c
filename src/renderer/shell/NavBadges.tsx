import { ApprovalsQueueBadge } from '../pages/approvals/QueueBadge';
/** Counts next to navigation entries (e.g. pending approvals). Modules add theirs here. */
export function NavBadges({ path }: { path: string }) {
  if (path === '/approvals') return <ApprovalsQueueBadge />;
  return null;
}
