import { Badge, Group, Table, Text } from '@mantine/core';
import { useNavigate } from 'react-router';
import type { RequestRow } from '../../../contract/calls/approvals';
import { formatInstant, shortCourtName } from '../../format';
import { OUTCOME_COLOR, REQUEST_COLOR } from './labels';

/** A list of requests; a row opens the request. `empty` says what an empty list means here. */
export function RequestList({ rows, empty, extra }: { rows: (RequestRow & { waitingDays?: number })[]; empty: string; extra?: 'waiting' }) {
  const navigate = useNavigate();
  if (!rows.length) {
    return (
      <Text c="dimmed" py="md" data-testid="approvals-empty">
        {empty}
      </Text>
    );
  }
  return (
    <Table highlightOnHover striped data-testid="approvals-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>案号</Table.Th>
          <Table.Th>方式</Table.Th>
          <Table.Th>拟接收</Table.Th>
          <Table.Th>报请人</Table.Th>
          <Table.Th>提交时间</Table.Th>
          <Table.Th>状态</Table.Th>
          {extra === 'waiting' && <Table.Th>已等待</Table.Th>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.id} style={{ cursor: 'pointer' }} onClick={() => navigate(`/approvals/${r.id}`)} data-testid={`approval-row-${r.id}`}>
            <Table.Td>
              <Text size="sm">{r.caseNos.join('、')}</Text>
            </Table.Td>
            <Table.Td>{r.mode}</Table.Td>
            <Table.Td>{r.receivingTeam ?? shortCourtName(r.receivingCourtName)}</Table.Td>
            <Table.Td>{r.requesterName}</Table.Td>
            <Table.Td>{r.submittedAt ? formatInstant(r.submittedAt) : '—'}</Table.Td>
            <Table.Td>
              <Group gap={4}>
                <Badge color={REQUEST_COLOR[r.state]} variant="light">
                  {r.state}
                </Badge>
                {r.version > 1 && (
                  <Badge color="gray" variant="outline" size="sm">
                    第{r.version}版
                  </Badge>
                )}
                {r.superseded && (
                  <Badge color="gray" variant="dot" size="sm">
                    已有新版本
                  </Badge>
                )}
                {r.lastOutcome && r.state !== '已同意' && r.state !== '已退回' && r.state !== '不同意' && (
                  <Badge color={OUTCOME_COLOR[r.lastOutcome]} variant="dot" size="sm">
                    执行局长已{r.lastOutcome}
                  </Badge>
                )}
              </Group>
            </Table.Td>
            {extra === 'waiting' && <Table.Td>{r.waitingDays ?? 0} 天</Table.Td>}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
