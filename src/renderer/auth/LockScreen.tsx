import { Alert, Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { UserPublic } from '../../contract/calls/common';
import { useCommand } from '../api/client';
import { AuthFrame } from './AuthFrame';

export function LockScreen({ user }: { user: UserPublic }) {
  const [password, setPassword] = useState('');
  const unlock = useCommand('auth.unlock', { silent: true });
  const logout = useCommand('auth.logout');
  return (
    <AuthFrame title="已锁定">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          unlock.mutate({ password });
        }}
      >
        <Stack>
          <Text size="sm">
            {user.displayName}，您已较长时间未操作，为保护案件信息，工作台已锁定。请输入密码继续。
          </Text>
          {unlock.error && <Alert color="red">{unlock.error.error.message}</Alert>}
          <PasswordInput label="密码" autoFocus value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
          <Group justify="space-between">
            <Button variant="subtle" onClick={() => logout.mutate({})}>
              换个账户登录
            </Button>
            <Button type="submit" loading={unlock.isPending}>
              解锁
            </Button>
          </Group>
        </Stack>
      </form>
    </AuthFrame>
  );
}
