import { Anchor, Badge, Card, Group, Loader, Pagination, SegmentedControl, Stack, Switch, Text, Title } from '@mantine/core';
import { useNavigate } from 'react-router';
import { LeaderSummary } from './LeaderSummary';
import { useState } from 'react';
import { DISCOVERY_CLASS_LABELS, DISCOVERY_CLASSES, type DiscoveryClass, type ReminderLevel } from '../../../contract/calls/ledgerDeadlines';
import { useCall } from '../../api/client';
import { DiscoveryList } from '../ledger/deadlines/DiscoveryList';
import { LEVEL_COLOR, LEVEL_LABEL, MissingYearsNotice, ReminderList } from '../ledger/deadlines/ReminderList';

/**
 * 工作台 (home): what is overdue or due soon across the ledger (or only the user's cases), and the
 * cases the bureau could report for cross-execution, each with its reason.
 */
const PAGE = 20;

export function HomePage() {
  const status = useCall('auth.status', {});
  const me = status.data?.user;
  const navigate = useNavigate();
  // A handler starts on their own cases; the chief and the leader on the whole bureau (issue 14).
  const [mineChoice, setMine] = useState<boolean | null>(null);
  const mine = mineChoice ?? me?.role === 'staff';
  const [page, setPage] = useState(1);
  const leader = me?.role === 'chief' || me?.role === 'leader';
  const [level, setLevel] = useState<'urgent' | ReminderLevel>('urgent');
  const [klass, setKlass] = useState<'all' | DiscoveryClass>('all');
  const reminders = useCall('ledger.reminders.list', {
    handlerId: mine && me ? me.id : undefined,
    levels: level === 'urgent' ? ['overdue', 'soon'] : [level],
    limit: 500,
  });
  const discovery = useCall('ledger.discover.list', { classes: klass === 'all' ? undefined : [klass], limit: 100 });
  const counts = reminders.data?.counts;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>工作台</Title>
        {reminders.data && (
          <Text size="sm" c="dimmed">
            今天是 {reminders.data.today}
          </Text>
        )}
      </Group>
      <MissingYearsNotice years={reminders.data?.missingYears ?? []} />
      {leader && <LeaderSummary />}
      <Card withBorder>
        <Group justify="space-between" mb="sm">
          <Group gap="sm">
            <Title order={4}>期限提醒</Title>
            {counts &&
              (['overdue', 'soon'] as const).map((l) => (
                <Badge key={l} color={LEVEL_COLOR[l]} data-testid={`count-${l}`}>
                  {LEVEL_LABEL[l]} {counts[l]}
                </Badge>
              ))}
          </Group>
          <Group gap="md">
            <Switch label="只看我承办的" checked={mine} onChange={(e) => (setMine(e.currentTarget.checked), setPage(1))} data-testid="only-mine" />
            <SegmentedControl
              size="xs"
              value={level}
              onChange={(v) => (setLevel(v as typeof level), setPage(1))}
              data={[
                { value: 'urgent', label: '逾期和即将到期' },
                { value: 'overdue', label: '已逾期' },
                { value: 'soon', label: '即将到期' },
                { value: 'ok', label: '未到期' },
              ]}
            />
          </Group>
        </Group>
        {reminders.isLoading ? (
          <Loader size="sm" />
        ) : (
          <ReminderList items={(reminders.data?.items ?? []).slice((page - 1) * PAGE, page * PAGE)} empty="没有需要处理的期限。新登记的移入、督促限期、案款到位和六个月期限会在这里提醒。" />
        )}
        <Group justify="space-between" mt="xs">
          {reminders.data && reminders.data.items.length > PAGE ? (
            <Pagination size="sm" total={Math.ceil(reminders.data.items.length / PAGE)} value={page} onChange={setPage} data-testid="reminder-pages" />
          ) : (
            <span />
          )}
          <Group gap="md">
            {reminders.data && reminders.data.total > reminders.data.items.length && (
              <Text size="xs" c="dimmed">
                仅列出最紧迫的 {reminders.data.items.length} 项（共 {reminders.data.total} 项）。
              </Text>
            )}
            {!!counts?.overdue && (
              <Anchor size="sm" onClick={() => navigate('/ledger?overdue=1')}>
                在台账中查看超期案件
              </Anchor>
            )}
          </Group>
        </Group>
      </Card>
      <Card withBorder>
        <Group justify="space-between" mb="sm">
          <Group gap="sm">
            <Title order={4}>案件发现</Title>
            {discovery.data && <Badge variant="light">{discovery.data.total} 项候选</Badge>}
          </Group>
          <SegmentedControl
            size="xs"
            value={klass}
            onChange={(v) => setKlass(v as typeof klass)}
            data={[{ value: 'all', label: '全部' }, ...DISCOVERY_CLASSES.map((c) => ({ value: c, label: `${DISCOVERY_CLASS_LABELS[c]}${discovery.data && klass === 'all' ? ` ${discovery.data.counts[c]}` : ''}` }))]}
          />
        </Group>
        {discovery.isLoading ? <Loader size="sm" /> : <DiscoveryList items={discovery.data?.items ?? []} />}
      </Card>
    </Stack>
  );
}
