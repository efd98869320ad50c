import { Center, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** The centred card that login, first run and the lock screen share. */
export function AuthFrame({ court, title, children, width = 400 }: { court?: { name: string; code: string }; title: string; children: ReactNode; width?: number }) {
  return (
    <Center mih="100%" bg="var(--mantine-color-body)" p="md">
      <Paper withBorder shadow="sm" p="xl" radius="md" w={width}>
        <Stack gap={4} mb="lg">
          <Text size="sm" c="dimmed">
            {court ? `${court.name}（${court.code}）执行局` : '执行局'}
          </Text>
          <Title order={2}>交叉执行工作台</Title>
          <Text fw={500}>{title}</Text>
        </Stack>
        {children}
      </Paper>
    </Center>
  );
}
