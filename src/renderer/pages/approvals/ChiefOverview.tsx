import { Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useCall } from '../../api/client';
import { STATE_COLOR } from '../ledger/stateColors';
import { RequestList } from './RequestList';

/** The page a chief opens first in the morning: what waits, what was decided this week, transfers by state, deadlines. */
export function ChiefOverview() {
  const o = useCall('approvals.overview', {}, { refetchInterval: 60_000 });
  const navigate = useNavigate();
  if (!o.data) return <Text c="dimmed">{o.error ? o.error.error.message : '正在加载…'}</Text>;
  const d = o.data;
  const active = d.transfersByState.filter((s) => s.count > 0);
  return (
    <Stack data-testid="chief-overview">
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Stat label="待审批" value={d.pending.length} color={d.pending.length ? 'blue' : 'gray'} />
        <Stat label={`本周同意（${d.weekStart} 起）`} value={d.weekCounts.同意} color="teal" />
        <Stat label="本周退回补充" value={d.weekCounts.退回补充} color="orange" />
        <Stat label="本周不同意" value={d.weekCounts.不同意} color="red" />
      </SimpleGrid>
      <Card withBorder>
        <Title order={5} mb="xs">
          待审批
        </Title>
        <RequestList rows={d.pending} extra="waiting" empty="没有等待您审批的请求。新的报请提交后会出现在这里，并在右上角铃铛中提醒。" />
      </Card>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Card withBorder>
          <Title order={5} mb="xs">
            全局交叉执行状态
          </Title>
          {active.length ? (
            <Group gap="xs" data-testid="transfers-by-state">
              {active.map((s) => (
                <Badge key={s.state} size="lg" variant="light" color={STATE_COLOR[s.state] ?? 'gray'}>
                  {s.state} {s.count}
                </Badge>
              ))}
            </Group>
          ) : (
            <Text c="dimmed">台账中还没有交叉执行记录。</Text>
          )}
        </Card>
        <Card withBorder>
          <Title order={5} mb="xs">
            临近期限
          </Title>
          {d.deadlines.length ? (
            <Table>
              <Table.Tbody>
                {d.deadlines.slice(0, 10).map((x) => (
                  <Table.Tr key={`${x.transferId}-${x.what}`}>
                    <Table.Td>{x.caseNo}</Table.Td>
                    <Table.Td>{x.what}</Table.Td>
                    <Table.Td>{x.dueOn}</Table.Td>
                    <Table.Td>
                      <Text c={x.daysLeft < 0 ? 'red' : x.daysLeft <= 3 ? 'orange' : undefined} size="sm">
                        {x.daysLeft < 0 ? `超期 ${-x.daysLeft} 天` : `剩 ${x.daysLeft} 天`}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : (
            <Text c="dimmed">近期没有到期的交叉执行期限。</Text>
          )}
        </Card>
      </SimpleGrid>
      <Card withBorder>
        <Title order={5} mb="xs">
          本周已审批
        </Title>
        <RequestList rows={d.decidedThisWeek} empty="本周尚未作出审批决定。" />
      </Card>
      <Text size="xs" c="dimmed" style={{ cursor: 'pointer' }} onClick={() => navigate('/ledger')}>
        在台账中查看全部交叉执行记录 →
      </Text>
    </Stack>
  );
}

function Stat({ label, value, color }: { label: string; value: number; color: string }) {
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} fz={28} c={color} data-testid={`stat-${label}`}>
        {value}
      </Text>
    </Card>
  );
}
