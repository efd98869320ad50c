import { Button, Group, Popover, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useCommand } from '../../../api/client';

/** 删除当事人, after a confirmation naming the party (the deletion is audited, but not undone). */
export function RemovePartyButton({ party }: { party: { id: number; name: string; side: string } }) {
  const [opened, { close, toggle }] = useDisclosure(false);
  const remove = useCommand('ledger.edit.removeParty', { success: `已删除${party.side} ${party.name}` });
  return (
    <Popover opened={opened} onChange={(o) => !o && close()} position="bottom-end" withArrow trapFocus>
      <Popover.Target>
        <Button size="compact-xs" variant="subtle" color="red" onClick={toggle} data-testid="remove-party">
          删除
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <Text size="sm">
            删除{party.side}「{party.name}」？
          </Text>
          <Group gap="xs" justify="flex-end">
            <Button size="xs" variant="default" onClick={close}>
              取消
            </Button>
            <Button size="xs" color="red" loading={remove.isPending} onClick={() => remove.mutate({ partyId: party.id }, { onSuccess: close })}>
              确定删除
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
