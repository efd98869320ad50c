import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { calls } from '../../../../contract';
import { useContractForm } from './useContractForm';

/** 作废 a progress entry: it stays in the history, struck through, with the reason and who voided it. */
export function VoidProgressForm({ progressId, summary, onDone }: { progressId: number; summary: string; onDone: () => void }) {
  const { form, submit, busy } = useContractForm<{ reason: string }, 'ledger.edit.voidProgress'>({
    call: 'ledger.edit.voidProgress',
    schema: calls['ledger.edit.voidProgress'].input,
    success: '进展已作废',
    initialValues: { reason: '' },
    toInput: (v) => ({ input: { progressId, reason: v.reason } }),
    onDone,
  });
  return (
    <form onSubmit={submit} noValidate data-testid="void-progress-form">
      <Stack>
        <Text size="sm">{summary}</Text>
        <Textarea label="作废原因" withAsterisk placeholder="如 录入错误，金额应为…" autosize minRows={2} data-autofocus {...form.getInputProps('reason')} />
        <Group justify="flex-end">
          <Button type="submit" color="red" loading={busy}>
            作废
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
