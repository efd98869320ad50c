import { Button, Group, Text } from '@mantine/core';

/**
 * The foot of a settings form: 保存 for administrators (enabled once something changed), a plain
 * line for everyone else. The server refuses a save by anyone but an administrator anyway.
 */
export function SettingsSaveBar({ editable, saving, dirty, label = '保存', what = '以上设置', testId }: { editable: boolean; saving: boolean; dirty: boolean; label?: string; what?: string; testId?: string }) {
  return editable ? (
    <Group>
      <Button type="submit" loading={saving} disabled={!dirty} data-testid={testId}>
        {label}
      </Button>
    </Group>
  ) : (
    <Text size="sm" c="dimmed">
      仅管理员可修改{what}。
    </Text>
  );
}
