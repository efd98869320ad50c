import { Stack, Text, Title } from '@mantine/core';

/** Shown only while a module's page is not yet part of this build. */
export function ComingPage({ title }: { title: string }) {
  return (
    <Stack>
      <Title order={3}>{title}</Title>
      <Text c="dimmed">此模块尚未包含在当前版本中。</Text>
    </Stack>
  );
}
