import { Button, Menu, Modal, PasswordInput, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useForm } from '@mantine/form';
import { IconChevronDown, IconKey, IconLogout } from '@tabler/icons-react';
import { ROLE_LABELS } from '../../contract/roles';
import type { UserPublic } from '../../contract/calls/common';
import { useCommand } from '../api/client';

export function UserMenu({ user }: { user: UserPublic }) {
  const logout = useCommand('auth.logout');
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="subtle" rightSection={<IconChevronDown size={14} />} data-testid="user-menu">
            {user.displayName}（{ROLE_LABELS[user.role]}）
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconKey size={16} />} onClick={open}>
            修改密码
          </Menu.Item>
          <Menu.Item leftSection={<IconLogout size={16} />} color="red" onClick={() => logout.mutate({})}>
            退出登录
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Modal opened={opened} onClose={close} title="修改密码">
        <ChangePassword onDone={close} />
      </Modal>
    </>
  );
}

function ChangePassword({ onDone }: { onDone: () => void }) {
  const change = useCommand('auth.changePassword', { success: '密码已修改' });
  const form = useForm({
    initialValues: { password: '', newPassword: '', confirm: '' },
    validate: {
      password: (v) => (v ? null : '请输入原密码'),
      newPassword: (v) => (v.length >= 8 ? null : '新密码至少 8 位'),
      confirm: (v, all) => (v === all.newPassword ? null : '两次输入的密码不一致'),
    },
  });
  return (
    <form onSubmit={form.onSubmit(({ password, newPassword }) => change.mutate({ password, newPassword }, { onSuccess: onDone }))}>
      <Stack>
        <PasswordInput label="原密码" {...form.getInputProps('password')} />
        <PasswordInput label="新密码" {...form.getInputProps('newPassword')} />
        <PasswordInput label="确认新密码" {...form.getInputProps('confirm')} />
        <Button type="submit" loading={change.isPending}>
          保存
        </Button>
      </Stack>
    </form>
  );
}
