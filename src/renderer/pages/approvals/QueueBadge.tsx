import { Badge } from '@mantine/core';
import { useCall } from '../../api/client';

/** The count of requests waiting for the caller's decision, next to 审批 in the navigation. */
export function ApprovalsQueueBadge() {
  const q = useCall('approvals.queueCount', {}, { refetchInterval: 30_000 });
  if (!q.data?.count) return null;
  return (
    <Badge size="sm" color="red" circle={q.data.count < 10} data-testid="approvals-queue-badge">
      {q.data.count}
    </Badge>
  );
}
