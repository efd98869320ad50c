import { Alert, Button, Checkbox, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useCommand } from '../api/client';
import { AuthFrame } from './AuthFrame';

/** First run: nobody exists yet, so the first person creates the administrator. */
export function FirstRun({ court }: { court: { name: string; code: string } }) {
  const setup = useCommand('auth.setupAdmin', { success: '管理员已创建，欢迎使用' });
  const form = useForm({
    initialValues: { username: 'admin', displayName: '', password: '', confirm: '', loadDemo: true },
    validate: {
      username: (v) => (/^[A-Za-z0-9_.-]{2,32}$/.test(v.trim()) ? null : '用户名为 2–32 位字母、数字、下划线、点或连字符'),
      displayName: (v) => (v.trim() ? null : '请填写姓名'),
      password: (v) => (v.length >= 8 ? null : '密码至少 8 位'),
      confirm: (v, all) => (v === all.password ? null : '两次输入的密码不一致'),
    },
  });
  return (
    <AuthFrame court={court} title="首次使用：创建管理员账户" width={460}>
      <form onSubmit={form.onSubmit(({ confirm: _c, ...v }) => setup.mutate(v))}>
        <Stack>
          <Text size="sm" c="dimmed">
            管理员负责添加承办人、书记员和执行局长等账户，并设置本院名称与代字。
          </Text>
          {setup.error && <Alert color="red">{setup.error.error.message}</Alert>}
          <TextInput label="管理员用户名" {...form.getInputProps('username')} />
          <TextInput label="姓名" placeholder="如：陈管理" {...form.getInputProps('displayName')} />
          <PasswordInput label="密码" description="至少 8 位" {...form.getInputProps('password')} />
          <PasswordInput label="确认密码" {...form.getInputProps('confirm')} />
          <Checkbox
            label="同时载入演示数据（虚构的案件与人员，便于熟悉功能）"
            description="演示账户：张承办 zhangcb、李书记员 lisj、王局长 wangjz、赵副院长 zhaoyz，密码均为 demo12345"
            {...form.getInputProps('loadDemo', { type: 'checkbox' })}
          />
          <Button type="submit" loading={setup.isPending}>
            创建管理员并进入
          </Button>
        </Stack>
      </form>
    </AuthFrame>
  );
}
