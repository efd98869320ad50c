import { useState } from 'react';
import { Button, Code, FileButton, Group, Modal, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconKeyOff, IconShieldPlus } from '@tabler/icons-react';
import type { CallOutput } from '../../../contract';
import { api, showError, useCall, useCommand } from '../../api/client';
import { canPickNatively, pickAndStage, uploadFile, type StagedUpload } from '../../api/files';
import { formatInstant } from '../../format';
import { groupedFingerprint } from './fingerprint';
import { PinKeyDialog } from './PinKeyDialog';

type Pinned = CallOutput<'exchange.trust.list'>['keys'][number];

/**
 * Other courts' public keys pinned here (what the 中院 does with the keys basic courts export).
 * Everyone sees the list; the chief and administrators pin (upload a .pem, compare the fingerprint,
 * choose the court) and remove with a reason — both audited.
 */
export function PinnedKeys({ canPin }: { canPin: boolean }) {
  const list = useCall('exchange.trust.list', {});
  const [busy, setBusy] = useState(false);
  const [inspected, setInspected] = useState<(CallOutput<'exchange.trust.inspect'> & { uploadId: string; fileName: string }) | null>(null);
  const [removing, setRemoving] = useState<Pinned | null>(null);

  const inspect = async (stage: () => Promise<StagedUpload | null>) => {
    setBusy(true);
    try {
      const s = await stage();
      if (!s) return;
      setInspected({ ...(await api.run('exchange.trust.inspect', { uploadId: s.uploadId })), uploadId: s.uploadId, fileName: s.name });
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };
  const keys = list.data?.keys ?? [];
  return (
    <Stack gap="xs">
      <Title order={5}>已登记的其他法院公钥</Title>
      <Text size="sm" c="dimmed">
        收到其他法院的上报包前，先登记该法院导出的公钥文件（.pem）。登记前请通过电话等其他渠道与对方核对指纹；登记后，其上报包校验时会显示“已登记”，清单中的法院须与登记的法院一致。
      </Text>
      {keys.length ? (
        <Table data-testid="pinned-keys">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>法院</Table.Th>
              <Table.Th>密钥编号</Table.Th>
              <Table.Th>指纹（SHA-256）</Table.Th>
              <Table.Th>登记</Table.Th>
              {canPin && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {keys.map((k) => (
              <Table.Tr key={k.keyId}>
                <Table.Td>{k.courtName}（{k.courtCode}）</Table.Td>
                <Table.Td><Code>{k.keyId}</Code></Table.Td>
                <Table.Td><Code style={{ fontSize: 11 }}>{groupedFingerprint(k.fingerprint)}</Code></Table.Td>
                <Table.Td><Text size="sm">{formatInstant(k.pinnedAt)}</Text><Text size="xs" c="dimmed">{k.pinnedBy}</Text></Table.Td>
                {canPin && (
                  <Table.Td>
                    <Button size="xs" variant="subtle" color="red" leftSection={<IconKeyOff size={14} />} onClick={() => setRemoving(k)} aria-label={`撤销登记 ${k.courtName}`}>
                      撤销
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Text size="sm" c="dimmed" data-testid="pinned-keys-empty">尚未登记其他法院的公钥。</Text>
      )}
      {canPin && (
        <Group>
          {canPickNatively() ? (
            <Button variant="light" leftSection={<IconShieldPlus size={16} />} loading={busy} onClick={() => inspect(async () => (await pickAndStage('exchange.trust.pin', [{ name: '公钥', extensions: ['pem'] }]))[0] ?? null)}>
              登记其他法院公钥…
            </Button>
          ) : (
            <FileButton accept=".pem,application/x-pem-file,text/plain" onChange={(f) => f && inspect(() => uploadFile(f, 'exchange.trust.pin'))}>
              {(props) => <Button {...props} variant="light" leftSection={<IconShieldPlus size={16} />} loading={busy} data-testid="pin-upload">登记其他法院公钥…</Button>}
            </FileButton>
          )}
        </Group>
      )}
      <PinKeyDialog inspected={inspected} onClose={() => setInspected(null)} />
      <RemovePinDialog pin={removing} onClose={() => setRemoving(null)} />
    </Stack>
  );
}

function RemovePinDialog({ pin, onClose }: { pin: Pinned | null; onClose: () => void }) {
  const remove = useCommand('exchange.trust.remove', { success: '已撤销登记' });
  const [reason, setReason] = useState('');
  const close = () => {
    setReason('');
    onClose();
  };
  return (
    <Modal opened={!!pin} onClose={close} title="撤销登记的公钥">
      {pin && (
        <Stack>
          <Text size="sm">撤销后，{pin.courtName}（{pin.courtCode}）用密钥 <Code>{pin.keyId}</Code> 签名的上报包将不再校验通过。此操作记入审计日志。</Text>
          <TextInput label="撤销原因" placeholder="如：对方已更换密钥" value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={200} data-testid="unpin-reason" />
          <Group justify="end">
            <Button variant="default" onClick={close}>取消</Button>
            <Button color="red" loading={remove.isPending} onClick={() => remove.mutate({ keyId: pin.keyId, reason }, { onSuccess: close })} data-testid="unpin-confirm">
              撤销登记
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
