import { Button, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { MANUAL_STATES, transferStateInput } from '../../../../contract/calls/ledgerEdit';
import type { CaseViewTransfer } from '../../../../contract/calls/ledgerView';
import { DateField } from './DateField';
import { todayLegal } from './today';
import { opt, useContractForm } from './useContractForm';

export type ManualState = (typeof MANUAL_STATES)[number];

/** What the step is called on its button (the target states are the contract's; which are allowed now is the core's answer, `nextStates`). */
export const STEP_LABEL: Record<ManualState, string> = {
  已决定: '登记决定',
  已移送: '移送卷宗',
  已立案: '登记立案',
  办理中: '开始办理',
  已化解: '登记化解',
  已结案: '登记结案',
  已退出: '规范退出',
};

type Values = { effectiveOn: string; reason: string; newCaseNo: string };

/**
 * One step of a transfer: the legal date it happened, a reason (required to leave, 已退出), and the
 * new 案号 when the receiving court files it. The version the user saw goes along, so a change made
 * by someone else meanwhile is refused instead of overwritten.
 */
export function TransferStateForm({ t, to, onDone }: { t: CaseViewTransfer; to: ManualState; onDone: () => void }) {
  const exit = to === '已退出';
  const { form, submit, busy } = useContractForm<Values, 'ledger.edit.transferState'>({
    call: 'ledger.edit.transferState',
    schema: transferStateInput,
    success: `已变更为「${to}」`,
    initialValues: { effectiveOn: todayLegal(), reason: '', newCaseNo: to === '已立案' ? (t.newCaseNo ?? '') : '' },
    toInput: (v) => ({
      input: { transferId: t.id, toState: to, effectiveOn: v.effectiveOn, version: t.version, reason: opt(v.reason), newCaseNo: to === '已立案' ? opt(v.newCaseNo) : undefined },
    }),
    onDone,
  });
  return (
    <form onSubmit={submit} noValidate data-testid="transfer-state-form">
      <Stack>
        <Text size="sm">
          {t.mode}执行（{t.direction}）：「{t.state}」→「{to}」
        </Text>
        <DateField label={`${STEP_LABEL[to].replace(/^登记/, '')}日期`} withAsterisk {...form.getInputProps('effectiveOn')} />
        {to === '已立案' && <TextInput label="新案号" description="承办法院立案的案号" {...form.getInputProps('newCaseNo')} />}
        <Textarea
          label={exit ? '退出原因' : '说明'}
          withAsterisk={exit}
          description={exit ? '退出交叉执行须写明原因，记入状态记录' : undefined}
          autosize
          minRows={exit ? 3 : 2}
          {...form.getInputProps('reason')}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={busy} color={exit ? 'red' : undefined}>
            {STEP_LABEL[to]}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
