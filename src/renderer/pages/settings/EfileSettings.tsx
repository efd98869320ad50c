import { NumberInput, Select, Stack } from '@mantine/core';
import { SettingsSaveBar } from './SettingsSaveBar';
import { useSettingsForm } from './useSettingsForm';

/**
 * E-file settings: the per-file size limit of an import (efileMaxFileMb, issue 5: default 500 MB).
 * Every host checks it while the file is still arriving, and the import checks it again.
 */
export function EfileSettings({ editable }: { editable: boolean }) {
  const { form, save } = useSettingsForm({
    success: '设置已保存',
    initialValues: { efileMaxFileMb: 500, volumeRetention: '长期' as '永久' | '长期' | '短期' },
    validate: { efileMaxFileMb: (v) => (Number.isInteger(v) && v >= 1 && v <= 4096 ? null : '应为 1–4096 之间的整数') },
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))}>
      <Stack maw={520}>
        <NumberInput
          label="单个文件大小上限（MB）"
          description="本地设置：导入电子卷宗时，超过此大小的文件不上传、不导入，并说明原因（默认 500 MB）"
          min={1}
          max={4096}
          disabled={!editable}
          data-testid="efile-max-file-mb"
          {...form.getInputProps('efileMaxFileMb')}
        />
        <Select
          label="卷宗保管期限"
          description="本地设置：一键组卷时印在卷皮上的保管期限（以本院档案管理规定为准）"
          data={['永久', '长期', '短期']}
          allowDeselect={false}
          disabled={!editable}
          data-testid="volume-retention"
          {...form.getInputProps('volumeRetention')}
        />
        <SettingsSaveBar editable={editable} saving={save.isPending} dirty={form.isDirty()} />
      </Stack>
    </form>
  );
}
