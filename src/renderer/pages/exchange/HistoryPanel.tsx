import { Badge, Button, Code, Table, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { api, showError, useCall, useSingleFlight } from '../../api/client';
import { saveDownload } from '../../api/files';
import { formatInstant } from '../../format';
import { formatBytes } from './ExchangePage';

/** Every export, newest first; the same period exported again shows its revision. */
export function HistoryPanel() {
  const h = useCall('exchange.history.list', {});
  const rows = h.data?.rows ?? [];
  const fetching = useSingleFlight();
  // Any past export can be saved again: the core keeps each package under the data folder.
  const again = (exportId: number) => fetching.run(() => api.run('exchange.exports.download', { exportId }).then((r) => saveDownload(r.download)).catch(showError));
  if (h.isSuccess && !rows.length) return <Text c="dimmed">还没有导出过上报包。在“导出上报包”中选择一周即可生成第一个。</Text>;
  return (
    <Table striped highlightOnHover data-testid="exchange-history">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>期间</Table.Th>
          <Table.Th>版本</Table.Th>
          <Table.Th>内容</Table.Th>
          <Table.Th>大小</Table.Th>
          <Table.Th>校验值（SHA-256）</Table.Th>
          <Table.Th>导出人</Table.Th>
          <Table.Th>时间</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.id}>
            <Table.Td>{r.periodLabel}</Table.Td>
            <Table.Td>{r.revision > 1 ? <Badge color="orange" variant="light">第 {r.revision} 版（重报）</Badge> : <Badge variant="light">第 1 版</Badge>}</Table.Td>
            <Table.Td>
              {r.files} 个文件{r.cases.length ? `，${r.cases.length} 件案件` : ''}
              {r.includesSecondary && <Badge ml={6} color="red" variant="light">含副卷</Badge>}
            </Table.Td>
            <Table.Td>{formatBytes(r.size)}</Table.Td>
            <Table.Td><Code>{r.sha256.slice(0, 16)}…</Code></Table.Td>
            <Table.Td>{r.createdBy}</Table.Td>
            <Table.Td>{formatInstant(r.createdAt)}</Table.Td>
            <Table.Td>
              <Button size="xs" variant="light" leftSection={<IconDownload size={14} />} disabled={fetching.pending} onClick={() => again(r.id)} aria-label={`下载 ${r.periodLabel} 第${r.revision}版`}>
                下载
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
