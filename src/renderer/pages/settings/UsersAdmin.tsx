import { Badge, Button, Group, Modal, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useForm } from '@mantine/form';
import { DataTable } from 'mantine-datatable';
import { useState } from 'react';
import { ROLE_LABELS, ROLES, type Role } from '../../../contract/roles';
import type { UserRow } from '../../../contract/calls/users';
import { useCall, useCommand } from '../../api/client';
import { formatInstant } from '../../format';

const roleOptions = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

export function UsersAdmin() {
  const users = useCall('users.list', {});
  const [adding, add] = useDisclosure(false);
  const [resetFor, setResetFor] = useState<UserRow | null>(null);
  const setDisabled = useCommand('users.setDisabled', { success: '已更新' });
  const update = useCommand('users.update', { success: '角色已更新' });
  return (
    <Stack>
      <Group>
        <Button onClick={add.open}>新增用户</Button>
      </Group>
      <DataTable
        withTableBorder
        striped
        minHeight={160}
        noRecordsText="暂无用户"
        records={users.data ?? []}
        fetching={users.isLoading}
        columns={[
          { accessor: 'displayName', title: '姓名' },
          { accessor: 'username', title: '用户名' },
          {
            accessor: 'role',
            title: '角色',
            render: (u) => (
              <Select
                size="xs"
                w={140}
                aria-label={`${u.displayName}的角色`}
                data={roleOptions}
                value={u.role}
                allowDeselect={false}
                onChange={(v) => v && v !== u.role && update.mutate({ userId: u.id, role: v as Role })}
              />
            ),
          },
          {
            accessor: 'disabled',
            title: '状态',
            render: (u) =>
              u.disabled ? <Badge color="gray">已停用</Badge> : u.lockedUntil && new Date(u.lockedUntil) > new Date() ? <Badge color="orange">临时锁定</Badge> : <Badge color="teal">正常</Badge>,
          },
          { accessor: 'lastLoginAt', title: '最近登录', render: (u) => (u.lastLoginAt ? formatInstant(u.lastLoginAt) : '—') },
          {
            accessor: 'actions',
            title: '操作',
            render: (u) => (
              <Group gap="xs">
                <Button size="compact-xs" variant="light" onClick={() => setResetFor(u)}>
                  重置密码
                </Button>
                <Button size="compact-xs" variant="light" color={u.disabled ? 'teal' : 'red'} loading={setDisabled.isPending && setDisabled.variables?.userId === u.id} onClick={() => setDisabled.mutate({ userId: u.id, disabled: !u.disabled })}>
                  {u.disabled ? '启用' : '停用'}
                </Button>
              </Group>
            ),
          },
        ]}
      />
      <Modal opened={adding} onClose={add.close} title="新增用户">
        <AddUser onDone={add.close} />
      </Modal>
      <Modal opened={!!resetFor} onClose={() => setResetFor(null)} title={`重置密码：${resetFor?.displayName ?? ''}`}>
        {resetFor && <ResetPassword user={resetFor} onDone={() => setResetFor(null)} />}
      </Modal>
    </Stack>
  );
}

function AddUser({ onDone }: { onDone: () => void }) {
  const addUser = useCommand('users.add', { success: (u) => `已新增用户 ${u.displayName}` });
  const form = useForm({
    initialValues: { username: '', displayName: '', role: 'staff' as Role, password: '' },
    validate: {
      username: (v) => (/^[A-Za-z0-9_.-]{2,32}$/.test(v.trim()) ? null : '用户名为 2–32 位字母、数字、下划线、点或连字符'),
      displayName: (v) => (v.trim() ? null : '请填写姓名'),
      password: (v) => (v.length >= 8 ? null : '初始密码至少 8 位'),
    },
  });
  return (
    <form onSubmit={form.onSubmit((v) => addUser.mutate(v, { onSuccess: onDone }))}>
      <Stack>
        <TextInput label="姓名" {...form.getInputProps('displayName')} />
        <TextInput label="用户名" {...form.getInputProps('username')} />
        <Select label="角色" data={roleOptions} allowDeselect={false} {...form.getInputProps('role')} />
        <PasswordInput label="初始密码" {...form.getInputProps('password')} />
        <Button type="submit" loading={addUser.isPending}>
          新增
        </Button>
      </Stack>
    </form>
  );
}

function ResetPassword({ user, onDone }: { user: UserRow; onDone: () => void }) {
  const reset = useCommand('users.resetPassword', { success: '密码已重置' });
  const [pw, setPw] = useState('');
  return (
    <Stack>
      <PasswordInput label="新密码" description="至少 8 位；请当面告知本人并提醒其修改" value={pw} onChange={(e) => setPw(e.currentTarget.value)} />
      <Button loading={reset.isPending} onClick={() => reset.mutate({ userId: user.id, newPassword: pw }, { onSuccess: onDone })}>
        重置
      </Button>
    </Stack>
  );
}
