import { ActionIcon, Badge, Button, Group, Indicator, Popover, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useCall, useCommand } from '../api/client';
import { formatInstant } from '../format';

const KIND_COLOR: Record<string, string> = { 新请求: 'blue', 审批结果: 'teal', 退回: 'orange', 撤回: 'gray', 期限提醒: 'red' };

/** The bell in the header: unread count as a badge, the latest notices in a list; a notice opens its page. */
export function NotificationsBell() {
  const [opened, setOpened] = useState(false);
  const navigate = useNavigate();
  const list = useCall('notifications.list', { limit: 30 }, { refetchInterval: 30_000 });
  const mark = useCommand('notifications.markRead', { silent: true });
  const unread = list.data?.unread ?? 0;
  const rows = list.data?.rows ?? [];
  return (
    <Popover opened={opened} onChange={setOpened} width={380} position="bottom-end" shadow="md">
      <Popover.Target>
        <Indicator label={unread > 99 ? '99+' : unread} size={16} disabled={!unread} color="red" offset={4} data-testid="bell-badge">
          <ActionIcon variant="subtle" aria-label={`通知${unread ? `（${unread} 条未读）` : ''}`} onClick={() => setOpened((o) => !o)} data-testid="bell">
            <IconBell size={18} />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p="xs">
        <Group justify="space-between" mb={6}>
          <Text fw={600}>通知</Text>
          {unread > 0 && (
            <Button size="compact-xs" variant="subtle" loading={mark.isPending} onClick={() => mark.mutate({ all: true })}>
              全部标为已读
            </Button>
          )}
        </Group>
        {rows.length === 0 ? (
          <Text c="dimmed" size="sm" py="md" ta="center">
            暂无通知。新的审批请求、审批结果、退回和临近期限会在这里提醒。
          </Text>
        ) : (
          <ScrollArea.Autosize mah={420}>
            <Stack gap={2} data-testid="notification-list">
              {rows.map((n) => (
                <UnstyledButton
                  key={n.id}
                  p={6}
                  style={{ borderRadius: 4, background: n.readAt ? undefined : 'var(--mantine-color-blue-light)' }}
                  onClick={() => {
                    if (!n.readAt) mark.mutate({ ids: [n.id] });
                    setOpened(false);
                    if (n.link) navigate(n.link);
                  }}
                >
                  <Group gap={6} wrap="nowrap" align="start">
                    <Badge size="xs" color={KIND_COLOR[n.kind] ?? 'gray'} variant="light" mt={3}>
                      {n.kind}
                    </Badge>
                    <Stack gap={0}>
                      <Text size="sm" fw={n.readAt ? 400 : 600}>
                        {n.title}
                      </Text>
                      {n.body && (
                        <Text size="xs" c="dimmed" lineClamp={2}>
                          {n.body}
                        </Text>
                      )}
                      <Text size="xs" c="dimmed">
                        {formatInstant(n.createdAt)}
                      </Text>
                    </Stack>
                  </Group>
                </UnstyledButton>
              ))}
            </Stack>
          </ScrollArea.Autosize>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}
