import { Button, Divider, Group, Stack } from '@mantine/core';
import { transferUpdateInput } from '../../../../contract/calls/ledgerEdit';
import type { CaseViewTransfer } from '../../../../contract/calls/ledgerView';
import { TransferDetailsFields } from './TransferDetailsFields';
import { TransferKindFields } from './TransferKindFields';
import { transferUpdateOf, transferValuesOf, type TransferValues } from './transferValues';
import { useContractForm } from './useContractForm';

/**
 * 修改 a transfer's details (a wrong 文书号, phone, court, date …), prefilled from the record. The
 * direction and state stay as they are; the version the user saw goes along, so a change by someone
 * else meanwhile is refused rather than overwritten. The core keeps the old values in the transfer's
 * history, so past weekly reports still show what was known then.
 */
export function TransferEditForm({ t, onDone }: { t: CaseViewTransfer; onDone: () => void }) {
  const { form, submit, busy } = useContractForm<TransferValues, 'ledger.edit.updateTransfer'>({
    call: 'ledger.edit.updateTransfer',
    schema: transferUpdateInput,
    success: '交叉执行记录已修改',
    initialValues: transferValuesOf(t),
    toInput: (v) => transferUpdateOf(t, v),
    onDone,
  });
  return (
    <form onSubmit={submit} noValidate data-testid="transfer-edit-form">
      <Stack gap="sm">
        <TransferKindFields form={form} directionFixed />
        <Divider label="决定、法院与联系人" labelPosition="left" />
        <TransferDetailsFields form={form} />
        <Group justify="flex-end">
          <Button type="submit" loading={busy}>
            保存修改
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
