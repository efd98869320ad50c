import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import type { JobView } from '../../contract/calls/jobs';

/** A job's bar: done/total as a percentage (striped while the total is not known yet), the step in words, 取消. */
export function JobProgress({ job, onCancel, compact }: { job: JobView; onCancel?: () => void; compact?: boolean }) {
  const known = job.total > 0;
  const pct = known ? Math.min(100, Math.round((job.done / job.total) * 100)) : 100;
  return (
    <Stack gap={4} data-testid="job-progress" data-job={job.kind}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size={compact ? 'xs' : 'sm'} c="dimmed" lineClamp={1} data-testid="job-step">
          {job.step}
        </Text>
        <Group gap="xs" wrap="nowrap">
          {known && (
            <Text size="xs" c="dimmed" data-testid="job-count">
              {pct}%
            </Text>
          )}
          {onCancel && job.state === 'running' && (
            <Button size="compact-xs" variant="subtle" color="red" onClick={onCancel}>
              取消
            </Button>
          )}
        </Group>
      </Group>
      <Progress value={pct} striped={!known} animated={job.state === 'running' && !known} size={compact ? 'sm' : 'md'} aria-label={job.title} />
    </Stack>
  );
}
