import { NumberInput, Stack, TextInput } from '@mantine/core';
import { SettingsSaveBar } from './SettingsSaveBar';
import { useSettingsForm } from './useSettingsForm';

const COURT_CODE = /^(最高法|[京津冀晋内辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川黔云藏陕甘青宁新军兵](?:\d{2}|\d{4})?)$/;

export function CourtSettings({ editable }: { editable: boolean }) {
  const { form, save } = useSettingsForm({
    success: '设置已保存',
    initialValues: { courtName: '', courtCode: '', idleLockMinutes: 15, reportAddressee: '', reportDocNoPrefix: '' },
    validate: {
      courtName: (v) => (v.trim().length >= 2 ? null : '请填写法院全称'),
      courtCode: (v) => (COURT_CODE.test(v.trim()) ? null : '应为法院代字，如 鄂0505'),
      reportAddressee: (v) => (v.trim().length >= 2 ? null : '请填写周报主送机关'),
      reportDocNoPrefix: (v) => (v.trim() ? null : '请填写周报发文字号前缀'),
      idleLockMinutes: (v) => (Number.isInteger(v) && v >= 1 && v <= 240 ? null : '应为 1–240 之间的整数'),
    },
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))}>
      <Stack maw={520}>
        <TextInput label="法院名称" disabled={!editable} {...form.getInputProps('courtName')} />
        <TextInput
          label="法院代字"
          description="案号中的法院代字，如 鄂0505（依《关于人民法院案件案号的若干规定》第五条）"
          disabled={!editable}
          {...form.getInputProps('courtCode')}
        />
        <TextInput label="周报主送机关" description="本地设置：周报首页的主送机关，如 宜昌市中级人民法院执行局" maxLength={40} disabled={!editable} {...form.getInputProps('reportAddressee')} />
        <TextInput label="周报发文字号前缀" description="本地设置：如 猇法执周 → 猇法执周〔2026〕11号（序号为周次）" maxLength={20} disabled={!editable} {...form.getInputProps('reportDocNoPrefix')} />
        <NumberInput label="闲置锁定时间（分钟）" description="本地设置：超过该时间未操作，工作台自动锁定" min={1} max={240} disabled={!editable} {...form.getInputProps('idleLockMinutes')} />
        <SettingsSaveBar editable={editable} saving={save.isPending} dirty={form.isDirty()} />
      </Stack>
    </form>
  );
}
