import { Alert, Checkbox, Group, NumberInput, Select, SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import type { ApprovalSettings as Values } from '../../../contract/calls/approvals';
import { ROLE_LABELS } from '../../../contract/roles';
import { TRANSFER_MODES } from '../../../contract/vocabulary';
import { useCall } from '../../api/client';
import { SettingsSaveBar } from './SettingsSaveBar';
import { useSettingsForm } from './useSettingsForm';

const EMPTY: Values = { approvalSecondLevel: false, approvalSecondLevelModes: ['提级', '指令'], approvalDeputyUserId: null, letterNoPrefix: '', letterContactPhone: '', deadlineReminderDays: 3 };

/**
 * Who decides transfer requests (issue 4 §2–3, all local settings): the deputy who may decide in
 * the chief's place, and whether requests that go up to the intermediate court also need the
 * 分管院领导. Everyone can read them; only an administrator saves, and the server checks the
 * choices against the users (settingsCheck.ts).
 */
export function ApprovalSettings({ editable }: { editable: boolean }) {
  const users = useCall('users.directory', {});
  const { form, save } = useSettingsForm<Values>({
    success: '审批设置已保存',
    initialValues: EMPTY,
    validate: {
      letterNoPrefix: (v) => (v.trim() ? null : '请填写函件文号前缀'),
      deadlineReminderDays: (v) => (Number.isInteger(v) && v >= 0 && v <= 60 ? null : '应为 0–60 之间的整数'),
      approvalSecondLevelModes: (v, all) => (all.approvalSecondLevel && !v.length ? '开启分管院领导审批时请至少选择一种方式' : null),
    },
  });

  const all = users.data ?? [];
  const leaders = all.filter((u) => u.role === 'leader');
  const chiefs = all.filter((u) => u.role === 'chief');
  const deputyOptions = all.filter((u) => u.role === 'staff' || u.role === 'clerk').map((u) => ({ value: String(u.id), label: `${u.displayName}（${ROLE_LABELS[u.role]}）` }));
  const deputy = form.values.approvalDeputyUserId;
  // A deputy that is no longer selectable (disabled, role changed) is still shown, so the admin sees it.
  if (deputy != null && !deputyOptions.some((o) => o.value === String(deputy))) deputyOptions.unshift({ value: String(deputy), label: `用户 #${deputy}（已停用或不可代理）` });

  return (
    // Only what changed is sent: the server checks the keys it is given against today's users.
    <form onSubmit={form.onSubmit((v) => save.mutate(Object.fromEntries(Object.entries({ ...v, letterNoPrefix: v.letterNoPrefix.trim() }).filter(([k]) => form.isDirty(k)))))}>
      <Stack maw={720} data-testid="approval-settings">
        <Title order={5}>第一级：执行局长</Title>
        <Text size="sm" c="dimmed">
          交叉执行报请由执行局长审批{chiefs.length ? `（现为 ${chiefs.map((u) => u.displayName).join('、')}）` : ''}。局长不在时，可指定一名代理审批人（如副局长）代为审批；任何人都不能审批本人提交的请求。
        </Text>
        <Select
          label="代理审批人"
          description="本地设置：可代执行局长作出第一级审批决定的人员（承办人或书记员账户）"
          placeholder="不设代理审批人"
          data={deputyOptions}
          clearable
          searchable
          disabled={!editable}
          value={deputy == null ? null : String(deputy)}
          onChange={(v) => form.setFieldValue('approvalDeputyUserId', v ? Number(v) : null)}
          error={form.errors.approvalDeputyUserId}
          data-testid="deputy-select"
        />
        <Title order={5} mt="sm">第二级：分管院领导</Title>
        <Switch
          label="报请中院的请求还须经分管院领导审批"
          description="本地设置：局长同意后，所选方式的请求再交分管院领导审批，之后才能移送"
          disabled={!editable}
          {...form.getInputProps('approvalSecondLevel', { type: 'checkbox' })}
          data-testid="second-level-switch"
        />
        {form.values.approvalSecondLevel && (
          <>
            <Checkbox.Group label="需分管院领导审批的方式" description="默认为提级、指令（执行权转移至中院或其他法院）" {...form.getInputProps('approvalSecondLevelModes')}>
              <Group mt={6}>
                {TRANSFER_MODES.map((m) => (
                  <Checkbox key={m} value={m} label={m} disabled={!editable} />
                ))}
              </Group>
            </Checkbox.Group>
            {leaders.length ? (
              <Text size="sm">分管院领导：{leaders.map((u) => u.displayName).join('、')}</Text>
            ) : (
              <Alert color="orange" title="还没有分管院领导账户">
                开启后，所选方式的请求将等待分管院领导审批。请先在“用户管理”中添加角色为“分管院领导”的用户，否则无法保存。
              </Alert>
            )}
          </>
        )}
        <Title order={5} mt="sm">文书与提醒</Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="函件文号前缀" description="本地设置：如 猇法执函 → 猇法执函〔2026〕3号" maxLength={20} disabled={!editable} {...form.getInputProps('letterNoPrefix')} />
          <TextInput label="函件联系电话" description="本地设置：报请函、移送函的联系人（承办人）之后印此电话" maxLength={30} disabled={!editable} {...form.getInputProps('letterContactPhone')} data-testid="letter-phone" />
          <NumberInput label="期限通知提前天数" description="期限到期前若干天起在通知中提醒（台账期限提醒的同一日期）" min={0} max={60} disabled={!editable} {...form.getInputProps('deadlineReminderDays')} />
        </SimpleGrid>
        <SettingsSaveBar editable={editable} saving={save.isPending} dirty={form.isDirty()} label="保存审批设置" what="审批设置" testId="save-approval-settings" />
      </Stack>
    </form>
  );
}
