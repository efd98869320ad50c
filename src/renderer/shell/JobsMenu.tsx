import { ActionIcon, Badge, Button, Group, Indicator, Popover, ScrollArea, Stack, Text } from '@mantine/core';
import { IconListCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { JOB_STATE_LABELS, type JobView } from '../../contract/calls/jobs';
import { showError, useCall, useCommand } from '../api/client';
import { saveDownload, type DownloadRef } from '../api/files';
import { formatInstant } from '../format';
import { JobProgress } from '../jobs/JobProgress';

const STATE_COLOR = { running: 'blue', done: 'teal', failed: 'red', cancelled: 'gray' } as const;

/** A finished job's file, whatever the call: a download token at the top (bind) or under `download`/`report`. */
function fileOf(result: unknown): DownloadRef | null {
  const r = result as Record<string, unknown> | null;
  for (const d of [r, r?.download, r?.report] as Record<string, unknown>[]) if (d && typeof d.token === 'string' && typeof d.name === 'string') return d as unknown as DownloadRef;
  return null;
}

/**
 * The shell's job list (header, beside the bell): the user's background jobs of this server
 * process — running with their bars, finished within the hour with their result — so a job outlives
 * the page (or the window reload) that started it.
 */
export function JobsMenu() {
  const [opened, setOpened] = useState(false);
  const list = useCall('jobs.list', {}, { refetchInterval: (q) => (q.state.data?.jobs.some((j) => j.state === 'running') ? 1_000 : opened ? 5_000 : 30_000) });
  const cancel = useCommand('jobs.cancel', { silent: true });
  const jobs = list.data?.jobs ?? [];
  const running = jobs.filter((j) => j.state === 'running').length;
  return (
    <Popover opened={opened} onChange={setOpened} width={400} position="bottom-end" shadow="md">
      <Popover.Target>
        <Indicator label={running} size={16} disabled={!running} color="blue" offset={4} data-testid="jobs-badge">
          <ActionIcon variant="subtle" aria-label={`后台任务${running ? `（${running} 项进行中）` : ''}`} onClick={() => setOpened((o) => !o)} data-testid="jobs-menu">
            <IconListCheck size={18} />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p="xs">
        <Text fw={600} mb={6}>
          后台任务
        </Text>
        {jobs.length === 0 ? (
          <Text c="dimmed" size="sm" py="md" ta="center">
            暂无任务。组卷、生成周报、导入台账和导出上报包会在这里显示进度，离开页面或刷新后仍可查看结果。
          </Text>
        ) : (
          <ScrollArea.Autosize mah={420}>
            <Stack gap="sm" data-testid="jobs-list">
              {jobs.map((j) => (
                <JobRow key={j.jobId} job={j} onCancel={() => cancel.mutate({ jobId: j.jobId })} />
              ))}
            </Stack>
          </ScrollArea.Autosize>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}

function JobRow({ job, onCancel }: { job: JobView; onCancel: () => void }) {
  const file = job.state === 'done' ? fileOf(job.result) : null;
  return (
    <Stack gap={4} data-testid="job-row">
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text size="sm" fw={500} lineClamp={1}>
          {job.title}
        </Text>
        <Badge size="xs" variant="light" color={STATE_COLOR[job.state]} style={{ flexShrink: 0 }}>
          {JOB_STATE_LABELS[job.state]}
        </Badge>
      </Group>
      {job.state === 'running' && <JobProgress job={job} onCancel={onCancel} compact />}
      {job.error && job.state !== 'running' && (
        <Text size="xs" c={job.state === 'failed' ? 'red' : 'dimmed'}>
          {job.error.message}
        </Text>
      )}
      <Group justify="space-between">
        <Text size="xs" c="dimmed">
          {formatInstant(job.startedAt)}
        </Text>
        {file && (
          <Button size="compact-xs" variant="light" onClick={() => saveDownload(file).catch(showError)}>
            下载 {file.name}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
