import { Button, Divider, Group, Stack } from '@mantine/core';
import { transferInput } from '../../../../contract/calls/ledgerEdit';
import { OffloadWarnings } from '../deadlines/OffloadWarnings';
import { TransferDetailsFields } from './TransferDetailsFields';
import { TransferKindFields } from './TransferKindFields';
import { EMPTY_TRANSFER, transferInputOf, type TransferValues } from './transferValues';
import { useContractForm } from './useContractForm';

/**
 * 新建交叉执行记录 from the case page: what kind of transfer, why, who decided it, the courts and
 * case numbers on both sides and the contacts. A transfer out starts as 草稿 (it still needs the
 * bureau's approval); one received, or assigned by a superior, starts as 已决定 (the core decides).
 * Possible 甩包袱 signs are shown as soft warnings and never stop the save.
 */
export function TransferForm({ caseId, onDone }: { caseId: number; onDone: () => void }) {
  const { form, submit, busy } = useContractForm<TransferValues, 'ledger.edit.createTransfer'>({
    call: 'ledger.edit.createTransfer',
    schema: transferInput,
    success: '交叉执行记录已新建',
    initialValues: EMPTY_TRANSFER,
    toInput: (v) => ({ input: transferInputOf(caseId, v) }),
    onDone,
  });
  const v = form.values;
  return (
    <form onSubmit={submit} noValidate data-testid="transfer-form">
      <Stack gap="sm">
        <TransferKindFields form={form} />
        <OffloadWarnings caseId={caseId} direction={v.direction} mode={v.mode} reasons={v.reasons} />
        <Divider label="决定、法院与联系人" labelPosition="left" />
        <TransferDetailsFields form={form} />
        <Group justify="flex-end">
          <Button type="submit" loading={busy}>
            新建交叉执行记录
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
