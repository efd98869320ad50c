import { Alert, Anchor, Badge, Button, Group, Modal, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { REMINDER_KIND_LABELS, type Reminder, type ReminderLevel } from '../../../../contract/calls/ledgerDeadlines';
import { useCommand } from '../../../api/client';
import { DateField } from '../forms/DateField';

/** Colours of the reminder levels: red overdue, orange due soon, grey not yet due. */
export const LEVEL_COLOR: Record<ReminderLevel, string> = { overdue: 'red', soon: 'orange', ok: 'gray' };
export const LEVEL_LABEL: Record<ReminderLevel, string> = { overdue: '已逾期', soon: '即将到期', ok: '未到期' };

export function daysText(d: number): string {
  return d < 0 ? `逾期 ${-d} 日` : d === 0 ? '今日到期' : `剩 ${d} 日`;
}

/** Records the payout of one arrival of case money (clears its payout reminder). */
function PayoutButton({ r }: { r: Reminder }) {
  const [open, setOpen] = useState(false);
  const [paidOn, setPaidOn] = useState('');
  const [note, setNote] = useState('');
  const record = useCommand('ledger.payout.record', { success: '已登记发放' });
  return (
    <>
      <Button size="compact-xs" variant="light" onClick={() => setOpen(true)}>
        登记发放
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={`登记案款发放 · ${r.caseNo}`}>
        <Stack>
          <Text size="sm">{r.what}</Text>
          <DateField label="发放日期" withAsterisk value={paidOn} onChange={(e) => setPaidOn(typeof e === 'string' ? e : e.currentTarget.value)} data-autofocus />
          <TextInput label="备注" value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={200} />
          <Group justify="end">
            <Button
              loading={record.isPending}
              onClick={() => record.mutate({ progressId: r.progressId!, paidOn, note: note || undefined }, { onSuccess: () => setOpen(false) })}
            >
              保存
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** The colour-coded reminder table used by the 工作台 and the case page. */
export function ReminderList({ items, showCase = true, empty }: { items: Reminder[]; showCase?: boolean; empty: string }) {
  const navigate = useNavigate();
  if (!items.length)
    return (
      <Text c="dimmed" size="sm" data-testid="reminders-empty">
        {empty}
      </Text>
    );
  return (
    <Table striped highlightOnHover data-testid="reminder-list" verticalSpacing={6}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={96}>状态</Table.Th>
          <Table.Th w={110}>到期日</Table.Th>
          {showCase && <Table.Th w={200}>案号</Table.Th>}
          <Table.Th w={100}>类别</Table.Th>
          <Table.Th>事项</Table.Th>
          <Table.Th w={90} />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((r, i) => (
          <Table.Tr key={`${r.kind}-${r.caseId}-${r.transferId ?? ''}-${r.progressId ?? ''}-${i}`} data-level={r.level}>
            <Table.Td>
              <Badge color={LEVEL_COLOR[r.level]} variant={r.level === 'ok' ? 'outline' : 'filled'}>
                {LEVEL_LABEL[r.level]}
              </Badge>
            </Table.Td>
            <Table.Td>
              <Text size="sm" c={r.level === 'overdue' ? 'red' : undefined} fw={r.level === 'ok' ? 400 : 600}>
                {r.dueOn}
              </Text>
              <Text size="xs" c="dimmed">
                {daysText(r.daysLeft)}
              </Text>
            </Table.Td>
            {showCase && (
              <Table.Td>
                <Anchor size="sm" onClick={() => navigate(`/ledger/case/${r.caseId}`)}>
                  {r.caseNo}
                </Anchor>
              </Table.Td>
            )}
            <Table.Td>
              <Text size="sm">{REMINDER_KIND_LABELS[r.kind]}</Text>
            </Table.Td>
            <Table.Td>
              <Tooltip label={`依据：${r.source}`} multiline w={360} openDelay={300}>
                <Text size="sm">{r.what}</Text>
              </Tooltip>
              {r.warning && (
                <Group gap={4} wrap="nowrap" align="flex-start">
                  <IconAlertTriangle size={14} color="var(--mantine-color-orange-8)" aria-label="注意" style={{ flexShrink: 0, marginTop: 2 }} />
                  <Text size="xs" c="orange.8">
                    {r.warning}
                  </Text>
                </Group>
              )}
            </Table.Td>
            <Table.Td>{r.kind === 'payout' && r.progressId ? <PayoutButton r={r} /> : null}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The page-level notice when deadlines fall in a year without holiday data (domain brief §7.1). */
export function MissingYearsNotice({ years }: { years: number[] }) {
  if (!years.length) return null;
  return (
    <Alert color="orange" variant="light" title="节假日数据缺失" data-testid="missing-years">
      {years.join('、')} 年的放假安排尚未导入：相关期限未含节假日顺延 / 请人工核对。管理员可在「设置 → 节假日与期限」导入当年通知。
    </Alert>
  );
}
