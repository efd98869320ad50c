import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Anchor, Card, Group, SimpleGrid, Text, Title } from '@mantine/core';
import { useNavigate } from 'react-router';
import { REMINDER_KIND_LABELS, type ReminderKind } from '../../../contract/calls/ledgerDeadlines';
import { useCall } from '../../api/client';
import { isoWeekOf } from '../reports/weeks';

const wan = (fen: number) => (fen / 1_000_000).toFixed(2);

function Figure({ label, value, unit, sub, testId }: { label: string; value: string; unit: string; sub?: string; testId: string }) {
  return (
    <Card withBorder padding="sm">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Group gap={6} align="baseline" wrap="nowrap">
        <Text fw={700} size="xl" data-testid={testId}>
          {value}
        </Text>
        <Text size="sm">{unit}</Text>
      </Group>
      {sub && <Text size="xs" c="dimmed">{sub}</Text>}
    </Card>
  );
}

/**
 * 工作台 for the chief and the court leader: this week's and the cumulative figures (the weekly
 * report's own numbers, so the two never differ), overdue items by kind (the reminders 工作台 lists),
 * and the approvals waiting for a decision.
 */
export function LeaderSummary() {
  const navigate = useNavigate();
  const figures = useCall('reports.weekly.figures', { week: isoWeekOf(new Date()) });
  const overdue = useCall('ledger.reminders.list', { levels: ['overdue'], limit: 5000 });
  const queue = useCall('approvals.queueCount', {});
  const h = figures.data?.headline;
  const byKind = new Map<ReminderKind, number>();
  for (const r of overdue.data?.items ?? []) byKind.set(r.kind, (byKind.get(r.kind) ?? 0) + 1);
  const chart = [...byKind].sort((a, b) => b[1] - a[1]).map(([k, n]) => ({ kind: REMINDER_KIND_LABELS[k], 项数: n }));
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} data-testid="leader-summary">
      <SimpleGrid cols={2} spacing="sm">
        <Figure label="本周新增交叉执行" value={h ? String(h.casesWeek) : '…'} unit="件" sub={h ? `累计 ${h.casesTotal} 件，在办 ${h.activeCases} 件` : undefined} testId="fig-cases" />
        <Figure label="本周实质进展或化解" value={h ? String(h.progressWeek) : '…'} unit="件" sub={h ? `累计 ${h.progressTotal} 件` : undefined} testId="fig-progress" />
        <Figure label="本周执行到位" value={h ? wan(h.amountWeekFen) : '…'} unit="万元" sub={h ? `累计 ${wan(h.amountTotalFen)} 万元` : undefined} testId="fig-amount" />
        <Card withBorder padding="sm">
          <Text size="sm" c="dimmed">
            待我审批
          </Text>
          <Group gap={6} align="baseline">
            <Text fw={700} size="xl" data-testid="fig-approvals">
              {queue.data?.count ?? '…'}
            </Text>
            <Text size="sm">件</Text>
          </Group>
          <Anchor size="xs" onClick={() => navigate('/approvals')}>
            去审批
          </Anchor>
        </Card>
      </SimpleGrid>
      <Card withBorder padding="sm">
        <Group justify="space-between" mb={4}>
          <Title order={5}>超期事项（按类别）</Title>
          <Anchor size="sm" onClick={() => navigate('/ledger?overdue=1')} data-testid="overdue-to-ledger">
            在台账中查看超期案件
          </Anchor>
        </Group>
        {chart.length ? (
          <BarChart h={150} data={chart} dataKey="kind" orientation="vertical" yAxisProps={{ width: 96 }} series={[{ name: '项数', color: 'red.6' }]} gridAxis="none" withTooltip={false} withBarValueLabel data-testid="overdue-chart" />
        ) : (
          <Text size="sm" c="dimmed">
            {overdue.isLoading ? '正在计算…' : '没有超期事项。'}
          </Text>
        )}
      </Card>
    </SimpleGrid>
  );
}
