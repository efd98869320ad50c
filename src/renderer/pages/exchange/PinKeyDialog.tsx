import { useState } from 'react';
import { Alert, Button, Checkbox, Code, Group, Modal, Stack, Text } from '@mantine/core';
import type { CallOutput } from '../../../contract';
import { useCall, useCommand } from '../../api/client';
import { CourtSelect } from '../ledger/forms/CourtSelect';
import { groupedFingerprint } from './fingerprint';

type Inspected = CallOutput<'exchange.trust.inspect'> & { uploadId: string; fileName: string };

/**
 * Second step of pinning: the uploaded key's id and fingerprint, shown large so they can be read
 * out over the phone to the sending court; the user picks the court from the directory and
 * confirms the comparison. The server checks the fingerprint again against the file.
 */
export function PinKeyDialog({ inspected, onClose }: { inspected: Inspected | null; onClose: () => void }) {
  const settings = useCall('settings.get', {});
  const pin = useCommand('exchange.trust.pin', { success: (k) => `已登记 ${k.courtName}（${k.courtCode}）的签名公钥` });
  const [court, setCourt] = useState<string | null>(null);
  const [compared, setCompared] = useState(false);
  const close = () => {
    setCourt(null);
    setCompared(false);
    onClose();
  };
  const k = inspected;
  return (
    <Modal opened={!!k} onClose={close} title="登记其他法院的签名公钥" size="lg">
      {k && (
        <Stack data-testid="pin-dialog">
          <Text size="sm">
            文件 <b>{k.fileName}</b>，密钥编号 <Code>{k.keyId}</Code>
          </Text>
          <div>
            <Text size="sm" fw={500}>公钥指纹（SHA-256）</Text>
            {/* Two lines of eight groups: read out and compared group by group. */}
            <Code block fz="lg" data-testid="pin-fingerprint" style={{ whiteSpace: 'pre-wrap', letterSpacing: 1 }}>
              {groupedFingerprint(k.fingerprint.slice(0, 32))}
              {'\n'}
              {groupedFingerprint(k.fingerprint.slice(32))}
            </Code>
          </div>
          {k.alreadyPinned ? (
            <Alert color="yellow" title="该公钥已登记">
              已登记为 {k.alreadyPinned.courtName}（{k.alreadyPinned.courtCode}）的公钥（{k.alreadyPinned.pinnedBy}）。如需改登其他法院，请先撤销原登记。
            </Alert>
          ) : (
            <>
              <CourtSelect label="报送法院" description="这把公钥属于哪家法院；该法院的上报包清单须写明同一法院代字" exclude={settings.data?.courtCode} value={court} onChange={setCourt} data-testid="pin-court" required />
              <Checkbox
                label="我已通过电话或当面等其他渠道与报送法院逐组核对，指纹完全一致"
                checked={compared}
                onChange={(e) => setCompared(e.currentTarget.checked)}
                data-testid="pin-compared"
              />
            </>
          )}
          <Group justify="end">
            <Button variant="default" onClick={close}>取消</Button>
            {!k.alreadyPinned && (
              <Button
                disabled={!court || !compared}
                loading={pin.isPending}
                onClick={() => pin.mutate({ uploadId: k.uploadId, courtCode: court!, fingerprint: k.fingerprint }, { onSuccess: close })}
                data-testid="pin-confirm"
              >
                登记
              </Button>
            )}
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
