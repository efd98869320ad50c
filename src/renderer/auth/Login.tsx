import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle } from '@tabler/icons-react';
import { useCommand } from '../api/client';
import { AuthFrame } from './AuthFrame';

export function Login({ court }: { court: { name: string; code: string } }) {
  const login = useCommand('auth.login', { silent: true });
  const form = useForm({
    initialValues: { username: '', password: '' },
    validate: {
      username: (v) => (v.trim() ? null : '请输入用户名'),
      password: (v) => (v ? null : '请输入密码'),
    },
  });
  return (
    <AuthFrame court={court} title="登录">
      <form onSubmit={form.onSubmit((v) => login.mutate(v))}>
        <Stack>
          {login.error && (
            <Alert color="red" icon={<IconAlertCircle size={18} />} role="alert">
              {login.error.error.message}
            </Alert>
          )}
          <TextInput label="用户名" autoComplete="username" autoFocus {...form.getInputProps('username')} />
          <PasswordInput label="密码" autoComplete="current-password" {...form.getInputProps('password')} />
          <Button type="submit" loading={login.isPending}>
            登录
          </Button>
        </Stack>
      </form>
    </AuthFrame>
  );
}
