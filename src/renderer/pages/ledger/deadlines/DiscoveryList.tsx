import { Anchor, Badge, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { DISCOVERY_CLASS_LABELS, type Candidate } from '../../../../contract/calls/ledgerDeadlines';
import { useCommand } from '../../../api/client';
import { OffloadWarningList } from './OffloadWarnings';

const CLASS_COLOR = { sixMonth: 'red', zhongben: 'grape', debtor: 'blue' } as const;

type Started = { caseNos: string[]; transferIds: number[]; caseId: number; warnings: { caseNo: string; message: string }[] };

/** Candidates for cross-execution, each with its reason; one click starts a transfer draft. */
export function DiscoveryList({ items }: { items: Candidate[] }) {
  const navigate = useNavigate();
  const start = useCommand('ledger.discover.startDraft', { success: (v) => `已新建 ${v.transferIds.length} 件交叉执行草稿` });
  const [started, setStarted] = useState<Started | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  // The modal stays mounted when the started candidate leaves the list (the list refreshes after the draft).
  return (
    <>
      {!items.length && (
        <Text c="dimmed" size="sm" data-testid="discovery-empty">
          暂无候选案件：没有超过六个月未执行、重点类别长期终本或同一被执行人多案的情形。
        </Text>
      )}
      {items.length > 0 && <Table striped data-testid="discovery-list" verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={170}>类别</Table.Th>
            <Table.Th w={220}>案号</Table.Th>
            <Table.Th>理由</Table.Th>
            <Table.Th w={130} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((c) => {
            const key = `${c.class}-${c.caseIds.join(',')}`;
            return (
              <Table.Tr key={key}>
                <Table.Td>
                  <Badge color={CLASS_COLOR[c.class]} variant="light">
                    {DISCOVERY_CLASS_LABELS[c.class]}
                  </Badge>
                  <Group gap={4} mt={4}>
                    {c.priority.map((p) => (
                      <Badge key={p} size="xs" color="grape" variant="outline">
                        {p}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Stack gap={0}>
                    {c.caseIds.slice(0, 4).map((id, i) => (
                      <Anchor key={id} size="sm" onClick={() => navigate(`/ledger/case/${id}`)}>
                        {c.caseNos[i]}
                      </Anchor>
                    ))}
                    {c.caseIds.length > 4 && (
                      <Text size="xs" c="dimmed">
                        等 {c.caseIds.length} 件
                      </Text>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{c.reason}</Text>
                  <Text size="xs" c="dimmed">
                    依据：{c.source}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="light"
                    loading={start.isPending && busy === key}
                    data-testid="start-draft"
                    onClick={() => {
                      setBusy(key);
                      start.mutate(
                        { class: c.class, caseIds: c.caseIds },
                        { onSuccess: (v) => setStarted({ caseNos: c.caseNos, transferIds: v.transferIds, caseId: c.caseId, warnings: v.warnings }) },
                      );
                    }}
                  >
                    {c.suggestedMode === '集中' ? '报请集中执行' : '发起交叉执行'}
                  </Button>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>}
      <Modal opened={!!started} onClose={() => setStarted(null)} title="已新建交叉执行草稿" size="lg">
        {started && (
          <Stack data-testid="draft-started">
            <Text size="sm">
              已为 {started.caseNos.join('、')} 新建 {started.transferIds.length} 件报请上一级法院的交叉执行草稿（状态：草稿）。请在案件页补充情况说明后提交执行局长审批。
            </Text>
            <OffloadWarningList warnings={started.warnings} />
            <Group justify="end">
              <Button variant="default" onClick={() => setStarted(null)}>
                留在工作台
              </Button>
              <Button onClick={() => navigate(`/ledger/case/${started.caseId}`)}>打开案件</Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
