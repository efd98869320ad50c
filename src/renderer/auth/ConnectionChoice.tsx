import { Alert, Button, Divider, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState } from 'react';
import type { Result } from '../../contract/result';
import { AuthFrame } from './AuthFrame';

/** What the desktop bridge offers for the first-run choice (electron/preload.ts → electron/bureauConnection.ts). */
export type ConnectionBridge = {
  connection: () => Promise<{ chosen: boolean }>;
  chooseLocal: () => Promise<Result<null>>;
  connectBureau: (address: string, fingerprint: string) => Promise<Result<null>>;
};

/**
 * The desktop app's first start: keep the data on this machine, or work on the bureau server's
 * data. Connecting asks for the fingerprint the administrator read out from the server's start
 * screen; the desktop checks the server presents exactly that key before it trusts it.
 */
export function ConnectionChoice({ bridge, onLocal }: { bridge: ConnectionBridge; onLocal: () => void }) {
  const [address, setAddress] = useState('');
  const [fingerprint, setFingerprint] = useState('');
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [busy, setBusy] = useState<'local' | 'bureau' | null>(null);
  const [connected, setConnected] = useState(false);

  async function local() {
    setBusy('local');
    const r = await bridge.chooseLocal();
    setBusy(null);
    if (r.ok) onLocal();
    else setError({ message: r.error.message });
  }
  async function connect() {
    setError(null);
    if (!address.trim()) return setError({ message: '请填写服务器地址', field: 'address' });
    if (!fingerprint.trim()) return setError({ message: '请填写证书指纹（向管理员索取，服务器启动时显示）', field: 'fingerprint' });
    setBusy('bureau');
    const r = await bridge.connectBureau(address.trim(), fingerprint.trim());
    setBusy(null);
    if (r.ok) setConnected(true);
    else setError({ message: r.error.message, field: r.error.field });
  }

  return (
    <AuthFrame title="首次使用：选择数据所在" width={520}>
      <Stack>
        {connected ? (
          <Alert color="teal" data-testid="bureau-connected">
            指纹核对无误，已保存连接。程序正在重新启动并打开局内服务器…
          </Alert>
        ) : (
          <>
            <Stack gap={6}>
              <Text fw={600}>本机数据</Text>
              <Text size="sm" c="dimmed">
                台账、卷宗和审批保存在这台电脑上，只有在这台电脑上登录的人员可以使用。
              </Text>
              <Button variant="light" onClick={local} loading={busy === 'local'} disabled={busy === 'bureau'}>
                使用本机数据
              </Button>
            </Stack>
            <Divider label="或" />
            <Stack gap={6}>
              <Text fw={600}>连接局内服务器</Text>
              <Text size="sm" c="dimmed">
                全局共用一台服务器上的数据：承办人在各自电脑上报请，局长在自己电脑上审批。
              </Text>
              {error && (
                <Alert color="red" icon={<IconAlertCircle size={18} />} role="alert" styles={{ message: { wordBreak: 'break-all' } }}>
                  {error.message}
                </Alert>
              )}
              <TextInput label="服务器地址" placeholder="https://xdesk.court.local:8443" value={address} onChange={(e) => setAddress(e.currentTarget.value)} error={error?.field === 'address' || undefined} />
              <TextInput
                label="证书指纹（SHA-256）"
                description="服务器启动时显示的指纹，请向管理员索取并逐位核对"
                placeholder="AB:CD:…（64 位十六进制）"
                value={fingerprint}
                onChange={(e) => setFingerprint(e.currentTarget.value)}
                error={error?.field === 'fingerprint' || undefined}
                styles={{ input: { fontFamily: 'monospace' } }}
              />
              <Button onClick={connect} loading={busy === 'bureau'} disabled={busy === 'local'}>
                核对指纹并连接
              </Button>
            </Stack>
          </>
        )}
      </Stack>
    </AuthFrame>
  );
}
