import { Button, Checkbox, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { caseInput } from '../../../../contract/calls/ledgerEdit';
import { caseNoWarnings } from '../../../../contract/caseNumber';
import type { CaseView } from '../../../../contract/calls/ledgerView';
import { CLOSURE_TYPES, ZHONGBEN_BASES } from '../../../../contract/vocabulary';
import { fenToInput, parseYuanInput } from '../../../format';
import { useCall } from '../../../api/client';
import { DateField } from './DateField';
import { useMayCall } from './mayCall';
import { opt, useContractForm } from './useContractForm';

type Values = {
  caseNo: string;
  cause: string;
  basisTitle: string;
  basisDocNo: string;
  applicationReceivedOn: string;
  propertyFoundOn: string;
  filedOn: string;
  closedOn: string;
  closureType: string | null;
  zhongbenBasis: string | null;
  confirmEarlyZhongben: boolean;
  amountDue: string;
  handlerId: string | null;
  note: string;
};

/**
 * 新建 / 修改案件. Every field is checked as it is typed, with the rules the core applies. The handler is
 * named here only by the chief or an administrator creating a case (a staff member's new case is their
 * own); an existing case changes hands through 改派承办人 (ReassignForm), never through this form.
 */
export function CaseForm({ current, onDone }: { current?: CaseView['case']; onDone: (id: number) => void }) {
  const options = useCall('ledger.filterOptions', {});
  const namesHandler = useMayCall('ledger.edit.reassignCase') && !current;
  const role = useCall('auth.status', {}).data?.user?.role;
  const fixedHandler = current ? (current.handlerName ?? '（未指定）') : role === 'staff' ? '本人' : '由执行局长指定';
  const { form, submit, busy } = useContractForm<Values, 'ledger.edit.saveCase'>({
    call: 'ledger.edit.saveCase',
    schema: caseInput,
    success: current ? '案件已保存' : '案件已新建',
    rename: { amountDueFen: 'amountDue' },
    initialValues: {
      caseNo: current?.caseNo ?? '',
      cause: current?.cause ?? '',
      basisTitle: current?.basisTitle ?? '',
      basisDocNo: current?.basisDocNo ?? '',
      applicationReceivedOn: current?.applicationReceivedOn ?? '',
      propertyFoundOn: current?.propertyFoundOn ?? '',
      filedOn: current?.filedOn ?? '',
      closedOn: current?.closedOn ?? '',
      closureType: current?.closureType ?? null,
      zhongbenBasis: current?.zhongbenBasis ?? null,
      confirmEarlyZhongben: false,
      amountDue: fenToInput(current?.amountDueFen),
      handlerId: current?.handlerId ? String(current.handlerId) : null,
      note: current?.note ?? '',
    },
    toInput: (v) => {
      const amount = parseYuanInput(v.amountDue);
      return {
        input: {
          caseId: current?.id,
          caseNo: v.caseNo,
          cause: opt(v.cause),
          basisTitle: opt(v.basisTitle),
          basisDocNo: opt(v.basisDocNo),
          applicationReceivedOn: opt(v.applicationReceivedOn),
          propertyFoundOn: opt(v.propertyFoundOn),
          filedOn: opt(v.filedOn),
          closedOn: opt(v.closedOn),
          closureType: (v.closureType ?? undefined) as never,
          ...(v.closureType === '终结本次执行程序'
            ? { zhongbenBasis: (v.zhongbenBasis ?? undefined) as never, confirmEarlyZhongben: v.confirmEarlyZhongben || undefined }
            : {}),
          amountDueFen: amount.ok ? (amount.fen ?? undefined) : undefined,
          handlerId: namesHandler && v.handlerId ? Number(v.handlerId) : undefined,
          note: opt(v.note),
        },
        errors: amount.ok ? {} : ({ amountDue: amount.reason } as Record<string, string>),
      };
    },
    onDone: (out) => onDone(out.id),
  });
  // Soft warnings (执请, a leading 0 dropped, year ≠ 立案日期): shown while typing, never a refusal.
  const warnings = caseNoWarnings(form.values.caseNo, form.values.filedOn);
  const zhongben = form.values.closureType === '终结本次执行程序';
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <SimpleGrid cols={2}>
          <TextInput
            label="案号"
            placeholder="（2025）鄂0505执123号"
            description={warnings.length ? <span data-testid="caseno-warning" style={{ color: 'var(--mantine-color-orange-8)' }}>{warnings.join('；')}</span> : '2016 年以前的旧案可填旧式案号，如（2015）鄂猇亭执字第123号'}
            withAsterisk
            data-autofocus
            {...form.getInputProps('caseNo')}
          />
          <TextInput label="案由" placeholder="如 借款合同纠纷" {...form.getInputProps('cause')} />
          <TextInput label="执行依据" placeholder="如 民事判决书" {...form.getInputProps('basisTitle')} />
          <TextInput label="执行依据文号" placeholder="（2024）鄂0505民初456号" {...form.getInputProps('basisDocNo')} />
          <DateField label="收到申请执行书日期" description="六个月期限自此起算" {...form.getInputProps('applicationReceivedOn')} />
          <DateField label="立案日期" {...form.getInputProps('filedOn')} />
          <TextInput label="执行标的（元）" placeholder="如 125000.00" inputMode="decimal" {...form.getInputProps('amountDue')} />
          {namesHandler ? (
            <Select
              label="承办人"
              placeholder="选择承办人"
              clearable
              searchable
              data={(options.data?.handlers ?? []).map((h) => ({ value: String(h.id), label: h.displayName }))}
              {...form.getInputProps('handlerId')}
            />
          ) : (
            <TextInput label="承办人" value={fixedHandler} readOnly description={current ? '改派请用「改派承办人」' : undefined} />
          )}
          <DateField label="发现财产日期" description="执行中发现财产的，六个月自此起算" {...form.getInputProps('propertyFoundOn')} />
          <div />
          <DateField label="结案日期" {...form.getInputProps('closedOn')} />
          <Select label="结案方式" placeholder="未结案" clearable data={[...CLOSURE_TYPES]} {...form.getInputProps('closureType')} />
          {zhongben && (
            <Select
              label="终本依据"
              description="民诉法解释第五百一十七条"
              placeholder="请选择"
              data={[...ZHONGBEN_BASES]}
              {...form.getInputProps('zhongbenBasis')}
            />
          )}
        </SimpleGrid>
        {/* Soft warning of 终本规定 第一条第四项 (立案未满三个月): the core names it at save time; the user confirms here. */}
        {zhongben && (form.errors.confirmEarlyZhongben || form.values.confirmEarlyZhongben) && (
          <Checkbox
            label="已核对：立案未满三个月仍以终本结案"
            color="orange"
            data-testid="confirm-early-zhongben"
            {...form.getInputProps('confirmEarlyZhongben', { type: 'checkbox' })}
          />
        )}
        <Textarea label="备注" autosize minRows={2} {...form.getInputProps('note')} />
        <Group justify="flex-end">
          <Button type="submit" loading={busy}>
            {current ? '保存' : '新建案件'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
