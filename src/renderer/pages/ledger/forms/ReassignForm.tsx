import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { calls } from '../../../../contract';
import type { CaseView } from '../../../../contract/calls/ledgerView';
import { useCall } from '../../../api/client';
import { opt, useContractForm } from './useContractForm';

type Values = { handlerId: string | null; reason: string };

/**
 * 改派承办人: the chief's (or an administrator's) act — the handler sees the case's 副卷. The audit
 * row names the old and the new handler (src/core/ledger/edit/editRights.ts).
 */
export function ReassignForm({ current, onDone }: { current: CaseView['case']; onDone: () => void }) {
  const options = useCall('ledger.filterOptions', {});
  const { form, submit, busy } = useContractForm<Values, 'ledger.edit.reassignCase'>({
    call: 'ledger.edit.reassignCase',
    schema: calls['ledger.edit.reassignCase'].input,
    success: '已改派承办人',
    initialValues: { handlerId: current.handlerId ? String(current.handlerId) : null, reason: '' },
    toInput: (v) => ({ input: { caseId: current.id, handlerId: v.handlerId ? Number(v.handlerId) : null, reason: opt(v.reason) } }),
    onDone: () => onDone(),
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm" c="dimmed">
          现承办人：{current.handlerName ?? '（未指定）'}。改派后，原承办人不再能查看本案副卷；改派记入审计日志。
        </Text>
        <Select
          label="新承办人"
          placeholder="不指定承办人"
          clearable
          searchable
          data={(options.data?.handlers ?? []).map((h) => ({ value: String(h.id), label: h.displayName }))}
          data-testid="reassign-handler"
          {...form.getInputProps('handlerId')}
        />
        <TextInput label="改派原因" placeholder="如 工作调整" {...form.getInputProps('reason')} />
        <Group justify="flex-end">
          <Button type="submit" loading={busy} data-testid="reassign-submit">
            改派
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
