import { NumberInput, SimpleGrid, Stack, Switch } from '@mantine/core';
import type { DeadlineSettings as Values } from '../../../contract/calls/ledgerDeadlines';
import { SettingsSaveBar } from './SettingsSaveBar';
import { useSettingsForm } from './useSettingsForm';

const EMPTY: Values = {
  makeUpDayCounts: true, filingDays: 7, entryNextWorkingDay: true, payoutDays: 5, reminderSoonDays: 3,
  debtorOpenCasesThreshold: 3, longPendingMonths: 24, offloadMinCaseMonths: 6, doubleCheckStallMonths: 6, openDeductionDays: 90,
};
const NUMBERS: { key: keyof Values; label: string; description: string; min: number; max: number }[] = [
  { key: 'filingDays', label: '移入立案期限（日）', description: '本地规则（待核实）：收到移送材料后 N 日内立案（参照委托执行 7 日）', min: 1, max: 60 },
  { key: 'payoutDays', label: '案款发放期限（日）', description: '湖北本地规定（本地规定）：到位后 N 日内发放（最高法规定为 30 日）', min: 1, max: 60 },
  { key: 'reminderSoonDays', label: '“即将到期”提前天数', description: '距到期不超过该天数时以橙色提示', min: 0, max: 30 },
  { key: 'debtorOpenCasesThreshold', label: '同一被执行人多案阈值（件）', description: '本地设置（待核实）：达到该件数列入案件发现', min: 2, max: 100 },
  { key: 'longPendingMonths', label: '超长期未结（月）', description: '本地设置（待核实）：终本案件立案超过该月数列为超长期未结', min: 6, max: 240 },
  { key: 'offloadMinCaseMonths', label: '“立案过短”提示（月）', description: '软提示（待核实）：立案不足该月数即报请移出时提示可能“甩包袱”', min: 0, max: 60 },
  { key: 'doubleCheckStallMonths', label: '一案双查停滞期（月）', description: '移入案件在原法院停滞超过该月数后取得实质进展，自动启动一案双查', min: 1, max: 60 },
  { key: 'openDeductionDays', label: '扣除期间未结提示（日）', description: '本地设置（待核实）：公告、鉴定评估、中止等扣除期间（执行程序解释第十三条）超过该天数仍未登记结束日期时提示核对', min: 7, max: 730 },
];

/** The deadline and discovery settings (every unverified rule is a setting, with its source). */
export function DeadlineSettings({ editable }: { editable: boolean }) {
  const { form, save } = useSettingsForm<Values>({
    success: '期限设置已保存',
    initialValues: EMPTY,
    validate: Object.fromEntries(NUMBERS.map((n) => [n.key, (v: unknown) => (Number.isInteger(v) && (v as number) >= n.min && (v as number) <= n.max ? null : `应为 ${n.min}–${n.max} 之间的整数`)])),
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))}>
      <Stack>
        <Switch
          label="调休上班的周末计为工作日"
          description="民诉法第八十五条（待核实）：期间届满日为调休上班日时是否顺延。默认计为工作日（不顺延），关闭则周末一律顺延"
          disabled={!editable}
          {...form.getInputProps('makeUpDayCounts', { type: 'checkbox' })}
        />
        <Switch
          label="提醒“次日填报”"
          description="本地规则（待核实）：移入案件立案后次一工作日内录入承办人、当事人、标的"
          disabled={!editable}
          {...form.getInputProps('entryNextWorkingDay', { type: 'checkbox' })}
        />
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {NUMBERS.map((n) => (
            <NumberInput key={n.key} label={n.label} description={n.description} min={n.min} max={n.max} disabled={!editable} {...form.getInputProps(n.key)} />
          ))}
        </SimpleGrid>
        <SettingsSaveBar editable={editable} saving={save.isPending} dirty={form.isDirty()} label="保存期限设置" what="期限设置" />
      </Stack>
    </form>
  );
}
