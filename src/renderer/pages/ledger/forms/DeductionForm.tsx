import { Button, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { deductionInput } from '../../../../contract/calls/ledgerEdit';
import type { CaseView } from '../../../../contract/calls/ledgerView';
import { DEDUCTION_KINDS } from '../../../../contract/vocabulary';
import { DateField } from './DateField';
import { opt, useContractForm } from './useContractForm';

type Deduction = CaseView['deductions'][number];
type Values = { kind: string | null; startOn: string; endOn: string; note: string };

/**
 * 登记 / 修改扣除期间 (执行程序解释 第十三条): a period the six-month clock does not count. Leave the
 * end empty while it lasts; the core refuses an interval that overlaps another of the case.
 */
export function DeductionForm({ caseId, current, onDone }: { caseId: number; current?: Deduction; onDone: () => void }) {
  const { form, submit, busy } = useContractForm<Values, 'ledger.edit.saveDeduction'>({
    call: 'ledger.edit.saveDeduction',
    schema: deductionInput,
    success: '扣除期间已保存',
    initialValues: { kind: current?.kind ?? null, startOn: current?.startOn ?? '', endOn: current?.endOn ?? '', note: current?.note ?? '' },
    toInput: (v) => ({
      input: { caseId, deductionId: current?.id, kind: (v.kind ?? undefined) as never, startOn: v.startOn, endOn: opt(v.endOn), note: opt(v.note) },
      errors: { ...(!v.kind && { kind: '请选择类型' }), ...(!v.startOn.trim() && { startOn: '请填写开始日期' }) },
    }),
    onDone,
  });
  return (
    <form onSubmit={submit} noValidate data-testid="deduction-form">
      <Stack>
        <SimpleGrid cols={3}>
          <Select label="类型" withAsterisk placeholder="选择" data={[...DEDUCTION_KINDS]} {...form.getInputProps('kind')} />
          <DateField label="开始日期" withAsterisk {...form.getInputProps('startOn')} />
          <DateField label="结束日期" description="尚未结束的不填" {...form.getInputProps('endOn')} />
        </SimpleGrid>
        <TextInput label="说明" placeholder="如 公告送达，公告期 60 日" {...form.getInputProps('note')} />
        <Group justify="flex-end">
          <Button type="submit" loading={busy}>
            保存
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
