import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Drawer, Group, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { showError } from '../../api/client';
import { formatInstant } from '../../format';
import { efiles } from './efilesApi';

/**
 * Deleted documents of a case. Anyone who may edit the file can restore; only an administrator can
 * purge (remove for good), after confirming — nothing is lost silently.
 */
export function RecycleBin({ opened, onClose, caseId, isAdmin, onChanged }: { opened: boolean; onClose: () => void; caseId: number; isAdmin: boolean; onChanged: () => void }) {
  const list = useQuery({ queryKey: ['efiles.recycleBin', caseId], queryFn: () => efiles.recycleBin(caseId), enabled: opened });
  const [confirm, setConfirm] = useState<number | null>(null);
  const act = async (p: Promise<unknown>, msg: string) => {
    try {
      await p;
      notifications.show({ color: 'teal', message: msg });
    } catch (e) {
      showError(e);
    }
    setConfirm(null);
    void list.refetch();
    onChanged();
  };
  const rows = list.data ?? [];
  return (
    <Drawer opened={opened} onClose={onClose} title="回收站" position="right" size="lg">
      <Stack>
        <Text size="sm" c="dimmed">
          删除的文件保留在此，可以恢复到原来的目录。{isAdmin ? '彻底删除后无法恢复。' : '彻底删除需要管理员操作。'}
        </Text>
        {rows.length === 0 ? (
          <Text c="dimmed">回收站是空的。</Text>
        ) : (
          <Table data-testid="recycle-bin">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>文件</Table.Th>
                <Table.Th w={150}>删除时间</Table.Th>
                <Table.Th w={isAdmin ? 190 : 80} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>
                    <Text size="sm">{d.title}</Text>
                    <Text size="xs" c="dimmed">
                      {d.volume}
                    </Text>
                  </Table.Td>
                  <Table.Td>{d.deletedAt ? formatInstant(d.deletedAt) : '—'}</Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end">
                      <Button size="xs" variant="light" onClick={() => void act(efiles.restore(d.id), `「${d.title}」已恢复`)}>
                        恢复
                      </Button>
                      {isAdmin &&
                        (confirm === d.id ? (
                          <Button size="xs" color="red" onClick={() => void act(efiles.purge(d.id), `「${d.title}」已彻底删除`)}>
                            确认彻底删除
                          </Button>
                        ) : (
                          <Button size="xs" color="red" variant="subtle" onClick={() => setConfirm(d.id)}>
                            彻底删除
                          </Button>
                        ))}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Drawer>
  );
}
