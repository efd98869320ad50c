import { Button, Checkbox, Divider, Group, Input, SegmentedControl, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { transferInput } from '../../../../contract/calls/ledgerEdit';
import { DIRECTIONS, INITIATED_BY, TRANSFER_MODES, TRANSFER_REASONS, type Direction, type TransferMode } from '../../../../contract/vocabulary';
import { OffloadWarnings } from '../deadlines/OffloadWarnings';
import { TransferDetailsFields } from './TransferDetailsFields';
import { alignDirection, alignMode, EMPTY_TRANSFER, transferInputOf, type TransferValues } from './transferValues';
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
  const setMode = (m: string | null) => {
    if (!m) return;
    form.setValues({ mode: m as TransferMode, direction: alignDirection(m as TransferMode, v.direction) });
  };
  const setDirection = (d: string) => form.setValues({ direction: d as Direction, mode: alignMode(d as Direction, v.mode) });
  return (
    <form onSubmit={submit} noValidate data-testid="transfer-form">
      <Stack gap="sm">
        <SimpleGrid cols={3}>
          <Select label="交叉方式" withAsterisk allowDeselect={false} data={TRANSFER_MODES.map((m) => ({ value: m, label: m === '院内交叉' ? m : `${m}执行` }))} {...form.getInputProps('mode')} onChange={setMode} />
          <Input.Wrapper label="方向" withAsterisk error={form.errors.direction}>
            <SegmentedControl fullWidth data={[...DIRECTIONS]} value={v.direction} onChange={setDirection} />
          </Input.Wrapper>
          <Select label="启动方式" placeholder="选择" clearable data={[...INITIATED_BY]} {...form.getInputProps('initiatedBy')} />
        </SimpleGrid>
        <Checkbox.Group label="交叉原因" withAsterisk {...form.getInputProps('reasons')}>
          <Group mt={6} gap="md">
            {TRANSFER_REASONS.map((r) => (
              <Checkbox key={r} value={r} label={r} />
            ))}
          </Group>
        </Checkbox.Group>
        {v.reasons.includes('其他') && <TextInput label="其他原因" withAsterisk {...form.getInputProps('reasonOther')} />}
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
