import { ActionIcon, Button, Group, Menu, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBookmark, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';

export type SavedView = { id: number; name: string; filters: string };

/** Saved views: name the current filters, switch to one in a click, delete what is no longer needed. */
export function SavedViewsMenu({
  views,
  onApply,
  onSave,
  onDelete,
  saving,
}: {
  views: SavedView[];
  onApply: (v: SavedView) => void;
  onSave: (name: string) => Promise<unknown>;
  onDelete: (v: SavedView) => void;
  saving: boolean;
}) {
  const [open, modal] = useDisclosure(false);
  const [name, setName] = useState('');
  const error = name.trim().length === 0 ? '请填写视图名称' : name.trim().length > 30 ? '不能超过 30 个字' : views.some((v) => v.name === name.trim()) ? '已有同名视图' : null;
  const [touched, setTouched] = useState(false);
  const submit = async () => {
    setTouched(true);
    if (error) return;
    await onSave(name.trim());
    setName('');
    setTouched(false);
    modal.close();
  };
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" leftSection={<IconBookmark size={16} />}>
            视图{views.length ? `（${views.length}）` : ''}
          </Button>
        </Menu.Target>
        <Menu.Dropdown miw={240}>
          <Menu.Label>我的视图</Menu.Label>
          {views.length === 0 && (
            <Text size="sm" c="dimmed" px="sm" py={4}>
              尚无保存的视图
            </Text>
          )}
          {views.map((v) => (
            <Menu.Item
              key={v.id}
              onClick={() => onApply(v)}
              rightSection={
                <ActionIcon
                  size="sm"
                  variant="subtle"
                  color="red"
                  aria-label={`删除视图 ${v.name}`}
                  onClick={(e) => {
                    e.stopPropagation();
                    onDelete(v);
                  }}
                >
                  <IconTrash size={14} />
                </ActionIcon>
              }
            >
              {v.name}
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item onClick={modal.open}>保存当前筛选为视图…</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Modal opened={open} onClose={modal.close} title="保存视图" size="sm">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <Stack>
            <TextInput label="视图名称" placeholder="如：本月超期的指令执行" data-autofocus value={name} onChange={(e) => setName(e.currentTarget.value)} error={touched || name ? error : null} />
            <Group justify="flex-end">
              <Button variant="default" onClick={modal.close}>
                取消
              </Button>
              <Button type="submit" loading={saving}>
                保存
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
