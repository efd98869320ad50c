import { Button, Group, Input, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { supervisionInput } from '../../../../contract/calls/ledgerEdit';
import type { CaseView } from '../../../../contract/calls/ledgerView';
import { DateField } from './DateField';
import { todayLegal } from './today';
import { opt, useContractForm } from './useContractForm';

type Supervision = CaseView['supervisions'][number];
type Values = { kind: '督办' | '一案双查'; transferId: string | null; raisedOn: string; reason: string; result: string; resultOn: string };

/**
 * 督办 and 一案双查 (法〔2021〕322号 第31条). Without `current` it starts a record; with it, it
 * records the result and the day it was concluded, which closes the record (已办结).
 */
export function SupervisionForm({ view, current, onDone }: { view: CaseView; current?: Supervision; onDone: () => void }) {
  const closing = !!current;
  const { form, submit, busy } = useContractForm<Values, 'ledger.edit.saveSupervision'>({
    call: 'ledger.edit.saveSupervision',
    schema: supervisionInput,
    success: closing ? '办理结果已登记，已办结' : '已登记，状态为“进行中”',
    initialValues: {
      kind: (current?.kind as Values['kind'] | undefined) ?? '督办',
      transferId: current?.transferId ? String(current.transferId) : null,
      raisedOn: current?.raisedOn ?? todayLegal(),
      reason: current?.reason ?? '',
      result: current?.result ?? '',
      resultOn: current?.resultOn ?? (closing ? todayLegal() : ''),
    },
    toInput: (v) => ({
      input: {
        caseId: view.case.id,
        supervisionId: current?.id,
        transferId: v.transferId ? Number(v.transferId) : undefined,
        kind: v.kind,
        raisedOn: v.raisedOn,
        reason: opt(v.reason),
        result: opt(v.result),
        resultOn: opt(v.resultOn),
      },
      // Recording the result is what closes the record, so here the day is required.
      errors: (closing && !v.resultOn.trim() ? { resultOn: '请填写办结日期' } : {}) as Record<string, string>,
    }),
    onDone,
  });
  return (
    <form onSubmit={submit} noValidate data-testid="supervision-form">
      <Stack>
        {closing ? (
          <Text size="sm">
            {current.kind}（{current.raisedOn} 启动）{current.reason ? `：${current.reason}` : ''}
          </Text>
        ) : (
          <>
            <SimpleGrid cols={3}>
              <Input.Wrapper label="类型" withAsterisk>
                <SegmentedControl fullWidth data={['督办', '一案双查']} {...form.getInputProps('kind')} />
              </Input.Wrapper>
              <DateField label="启动日期" withAsterisk {...form.getInputProps('raisedOn')} />
              <Select
                label="所涉交叉执行"
                placeholder="不限"
                clearable
                data={view.transfers.map((t) => ({ value: String(t.id), label: `${t.mode}·${t.direction}·${t.state}` }))}
                {...form.getInputProps('transferId')}
              />
            </SimpleGrid>
            <Textarea
              label="事由"
              placeholder={form.values.kind === '一案双查' ? '检查原执行情况和干警纪律作风的缘由' : '督办事项、督办单位和要求'}
              autosize
              minRows={2}
              {...form.getInputProps('reason')}
            />
          </>
        )}
        {closing && (
          <>
            <Textarea label="办理结果" withAsterisk autosize minRows={3} data-autofocus {...form.getInputProps('result')} />
            <DateField label="办结日期" withAsterisk w={200} {...form.getInputProps('resultOn')} />
          </>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={busy}>
            {closing ? '登记结果' : `启动${form.values.kind}`}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
