import { Badge, Group, Text, Timeline } from '@mantine/core';
import { IconArrowsExchange, IconCash, IconFlag, IconGavel, IconNote, IconPlayerPause } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** One line of a case's history: a transfer event, a progress entry, a deduction, a supervision step. */
export type TimelineItem = {
  key: string;
  /** Legal date the thing happened ('YYYY-MM-DD'); the list is ordered by it, newest first. */
  on: string;
  /** When it was recorded (ISO instant), to order items of the same day. */
  at?: string;
  kind: 'transfer' | 'progress' | 'deduction' | 'supervision' | 'case';
  title: string;
  detail?: ReactNode;
  by?: string;
  tags?: { label: string; color: string }[];
  muted?: boolean;
};

const ICON: Record<TimelineItem['kind'], ReactNode> = {
  transfer: <IconArrowsExchange size={14} />,
  progress: <IconCash size={14} />,
  deduction: <IconPlayerPause size={14} />,
  supervision: <IconFlag size={14} />,
  case: <IconGavel size={14} />,
};

/** The case's events and progress on one time line, newest first. */
export function CaseTimeline({ items }: { items: TimelineItem[] }) {
  const sorted = [...items].sort((a, b) => (a.on === b.on ? (b.at ?? '').localeCompare(a.at ?? '') : b.on.localeCompare(a.on)));
  if (!sorted.length) return <Text c="dimmed">尚无记录</Text>;
  return (
    <Timeline bulletSize={22} lineWidth={2} data-testid="case-timeline">
      {sorted.map((it) => (
        <Timeline.Item
          key={it.key}
          bullet={ICON[it.kind] ?? <IconNote size={14} />}
          title={
            <Group gap={6}>
              <Text fw={600} size="sm" td={it.muted ? 'line-through' : undefined}>
                {it.title}
              </Text>
              {it.tags?.map((t) => (
                <Badge key={t.label} size="xs" color={t.color} variant="light">
                  {t.label}
                </Badge>
              ))}
            </Group>
          }
        >
          {it.detail && (
            <Text size="sm" c={it.muted ? 'dimmed' : undefined} component="div">
              {it.detail}
            </Text>
          )}
          <Text size="xs" c="dimmed" mt={2}>
            {it.on}
            {it.by ? ` · ${it.by}` : ''}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
