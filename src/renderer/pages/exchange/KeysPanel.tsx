import { Badge, Button, Code, Divider, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconDownload, IconRefresh } from '@tabler/icons-react';
import { api, showError, useCall, useCommand } from '../../api/client';
import { saveDownload } from '../../api/files';
import type { Role } from '../../../contract/roles';
import { PIN_ROLES } from '../../../contract/calls/exchange';
import { formatInstant } from '../../format';
import { groupedFingerprint as grouped } from './fingerprint';
import { PinnedKeys } from './PinnedKeys';

/**
 * The installation's Ed25519 keys — export the public key (for the 中院 to pin), rotate (admin) —
 * and the other courts' keys pinned here (chief and admin pin and remove).
 */
export function KeysPanel({ role }: { role: Role | undefined }) {
  const isAdmin = role === 'admin';
  const keys = useCall('exchange.key.list', {});
  const rotate = useCommand('exchange.key.rotate', { success: (k) => `已更换签名密钥，新密钥 ${k.keyId}` });
  const [confirm, { open, close }] = useDisclosure(false);
  const exportKey = (keyId: string) => api.run('exchange.key.export', { keyId }).then((k) => saveDownload(k.download)).catch(showError);
  return (
    <Stack maw={1000}>
      <Title order={5}>本院签名密钥</Title>
      <Text size="sm" c="dimmed">
        每个上报包的清单都由本机的签名密钥签名。请把公钥文件和指纹交给中院登记；中院核对指纹后即可确认上报包来自本院且未被改动。更换密钥后，旧公钥仍保留，旧上报包照样可以校验。
      </Text>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>密钥编号</Table.Th>
            <Table.Th>指纹（SHA-256）</Table.Th>
            <Table.Th>生成时间</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(keys.data?.keys ?? []).map((k) => (
            <Table.Tr key={k.keyId}>
              <Table.Td>
                <Code>{k.keyId}</Code> {k.current ? <Badge size="sm">当前</Badge> : <Badge size="sm" color="gray">已停用，仅用于校验</Badge>}
              </Table.Td>
              <Table.Td><Code style={{ fontSize: 11 }}>{grouped(k.fingerprint)}</Code></Table.Td>
              <Table.Td>{formatInstant(k.createdAt)}</Table.Td>
              <Table.Td>
                <Button size="xs" variant="light" leftSection={<IconDownload size={14} />} onClick={() => exportKey(k.keyId)}>导出公钥</Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {isAdmin && (
        <Group>
          <Button
            variant="default"
            leftSection={<IconRefresh size={16} />}
            loading={rotate.isPending}
            onClick={open}
          >
            更换密钥
          </Button>
          <Modal opened={confirm} onClose={close} title="更换签名密钥">
            <Text size="sm">之后的上报包将用新密钥签名，请把新公钥交给中院登记。旧公钥保留，旧上报包仍可校验。</Text>
            <Group justify="end" mt="md">
              <Button variant="default" onClick={close}>取消</Button>
              <Button onClick={() => (rotate.mutate({}), close())}>更换</Button>
            </Group>
          </Modal>
        </Group>
      )}
      <Divider my="sm" />
      <PinnedKeys canPin={!!role && PIN_ROLES.includes(role)} />
    </Stack>
  );
}
