import { Button, Checkbox, Group, MultiSelect, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { progressInput } from '../../../../contract/calls/ledgerEdit';
import type { CaseView } from '../../../../contract/calls/ledgerView';
import { MEASURES } from '../../../../contract/vocabulary';
import { parseYuanInput } from '../../../format';
import { DateField } from './DateField';
import { todayLegal } from './today';
import { opt, useContractForm } from './useContractForm';

type Values = { onDate: string; transferId: string | null; measures: string[]; measureOther: string; amount: string; substantive: boolean; resolved: boolean; text: string };

const FINAL = ['不予批准', '已结案', '已退出'];

/**
 * 记录执行进展: the day, the measures taken, money recovered (typed in 元, stored in fen), whether it
 * is substantive progress or resolves the case, and what happened. An entry is never edited or
 * deleted afterwards, only voided with a reason (the weekly report is rebuilt from the history).
 */
export function ProgressForm({ view, onDone }: { view: CaseView; onDone: () => void }) {
  const open = view.transfers.filter((t) => !FINAL.includes(t.state));
  const { form, submit, busy } = useContractForm<Values, 'ledger.edit.addProgress'>({
    call: 'ledger.edit.addProgress',
    schema: progressInput,
    success: '执行进展已记录',
    rename: { amountFen: 'amount' },
    initialValues: {
      onDate: todayLegal(),
      // Progress made while a transfer runs belongs to it (the weekly report counts it there).
      transferId: open.length === 1 ? String(open[0]!.id) : null,
      measures: [],
      measureOther: '',
      amount: '',
      substantive: false,
      resolved: false,
      text: '',
    },
    toInput: (v) => {
      const amount = parseYuanInput(v.amount);
      return {
        input: {
          caseId: view.case.id,
          transferId: v.transferId ? Number(v.transferId) : undefined,
          onDate: v.onDate,
          measures: v.measures as never,
          measureOther: v.measures.includes('其他') ? opt(v.measureOther) : undefined,
          amountFen: amount.ok ? (amount.fen ?? 0) : 0,
          substantive: v.substantive,
          resolved: v.resolved,
          text: opt(v.text),
        },
        errors: amount.ok ? {} : ({ amount: amount.reason } as Record<string, string>),
      };
    },
    onDone,
  });
  return (
    <form onSubmit={submit} noValidate data-testid="progress-form">
      <Stack>
        <SimpleGrid cols={3}>
          <DateField label="进展日期" withAsterisk {...form.getInputProps('onDate')} />
          <Select
            label="所属交叉执行"
            placeholder="不属于交叉执行"
            clearable
            data={view.transfers.map((t) => ({ value: String(t.id), label: `${t.mode}·${t.direction}·${t.state}` }))}
            {...form.getInputProps('transferId')}
          />
          <TextInput label="到位金额（元）" placeholder="如 12500.00" inputMode="decimal" {...form.getInputProps('amount')} />
        </SimpleGrid>
        <MultiSelect label="采取的措施" placeholder="选择一项或多项" data={[...MEASURES]} searchable clearable {...form.getInputProps('measures')} />
        {form.values.measures.includes('其他') && <TextInput label="其他措施" withAsterisk {...form.getInputProps('measureOther')} />}
        <Group>
          <Checkbox label="取得实质进展" {...form.getInputProps('substantive', { type: 'checkbox' })} />
          <Checkbox label="已化解" {...form.getInputProps('resolved', { type: 'checkbox' })} />
        </Group>
        <Textarea label="进展情况" autosize minRows={3} maxLength={2000} {...form.getInputProps('text')} />
        <Group justify="flex-end">
          <Button type="submit" loading={busy}>
            记录进展
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
