import { useState } from 'react';
import { Alert, Badge, Button, Card, Code, FileButton, Group, List, Modal, ScrollArea, Stack, Table, Tabs, Text } from '@mantine/core';
import { IconCircleCheck, IconEye, IconFileZip, IconShieldX } from '@tabler/icons-react';
import type { CallOutput } from '../../../contract';
import { FILE_KIND_LABELS, SIGNER_TRUST_LABELS } from '../../../contract/calls/exchange';
import { api, showError } from '../../api/client';
import { canPickNatively, pickAndStage, saveDownload, uploadFile } from '../../api/files';
import { fileUrl } from '../efiles/upload';
import { PdfViewer } from '../../pdf/PdfViewer';
import { formatInstant } from '../../format';
import { formatBytes } from './ExchangePage';

type Opened = CallOutput<'exchange.view.open'>;

/** Whether the package's signing key is pinned here (and for which court), our own, or unknown. */
function SignerBadge({ signer }: { signer: Opened['signer'] }) {
  if (!signer) return null;
  if (signer.pinned) return <Badge color="teal" variant="light" data-testid="exchange-signer">已登记：{signer.pinned.courtName}（{signer.pinned.courtCode}）</Badge>;
  const color = signer.trust === 'untrusted' ? 'red' : signer.trust === 'own' ? 'blue' : 'gray';
  return <Badge color={color} variant="light" data-testid="exchange-signer">{SIGNER_TRUST_LABELS[signer.trust]}</Badge>;
}
type Ledger = CallOutput<'exchange.view.ledger'>;

/** Verify a received package, then look at it read-only: report, ledger extract, documents. */
export function OpenPanel() {
  const [opened, setOpened] = useState<Opened | null>(null);
  const [ledger, setLedger] = useState<Ledger | null>(null);
  const [busy, setBusy] = useState(false);
  const [pdf, setPdf] = useState<{ url: string; title: string } | null>(null);

  const open = async (stage: () => Promise<{ uploadId: string } | null>) => {
    setBusy(true);
    setOpened(null);
    setLedger(null);
    try {
      const s = await stage();
      if (!s) return;
      const r = await api.run('exchange.view.open', { uploadId: s.uploadId });
      setOpened(r);
      if (r.viewId) setLedger(await api.run('exchange.view.ledger', { viewId: r.viewId }));
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };
  const show = async (index: number) => {
    if (!opened?.viewId) return;
    try {
      const f = opened.files[index]!;
      const r = await api.run('exchange.view.file', { viewId: opened.viewId, index });
      if (r.mime === 'application/pdf') setPdf({ url: await fileUrl(`/api/file/download/${encodeURIComponent(r.download.token)}`), title: f.title });
      else await saveDownload(r.download);
    } catch (e) {
      showError(e);
    }
  };

  const m = opened?.manifest;
  const files = opened?.files ?? [];
  const table = (kinds: string[]) => (
    <Table striped>
      <Table.Tbody>
        {files.filter((f) => kinds.includes(f.kind)).map((f) => (
          <Table.Tr key={f.index}>
            <Table.Td><Badge variant="light" size="sm">{FILE_KIND_LABELS[f.kind]}</Badge> {f.volume && <Badge size="sm" color={f.volume === '副卷' ? 'red' : 'gray'} variant="light">{f.volume}</Badge>}</Table.Td>
            <Table.Td>
              <Text size="sm">{f.title}</Text>
              <Text size="xs" c="dimmed">{f.path}{f.section ? ` · ${f.section}` : ''}</Text>
            </Table.Td>
            <Table.Td>{f.format.toUpperCase()} · {formatBytes(f.size)}</Table.Td>
            <Table.Td><Button size="xs" variant="light" leftSection={<IconEye size={14} />} onClick={() => show(f.index)}>{f.format === 'pdf' ? '查看' : '下载'}</Button></Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );

  return (
    <Stack>
      <Group>
        {canPickNatively() ? (
          <Button leftSection={<IconFileZip size={16} />} loading={busy} onClick={() => open(async () => (await pickAndStage('exchange.view.open', [{ name: '上报包', extensions: ['zip'] }]))[0] ?? null)}>
            选择上报包…
          </Button>
        ) : (
          <FileButton accept=".zip,application/zip" onChange={(f) => f && open(() => uploadFile(f, 'exchange.view.open'))}>
            {(props) => <Button {...props} leftSection={<IconFileZip size={16} />} loading={busy} data-testid="exchange-open">选择上报包…</Button>}
          </FileButton>
        )}
        <Text size="sm" c="dimmed">先校验签名和每个文件的校验值，通过后以只读方式打开。</Text>
      </Group>
      {!opened && !busy && <Text c="dimmed">尚未打开上报包。收到的上报包（.zip）可在此校验并查看，不会写入本院台账。</Text>}
      {opened && !opened.ok && (
        <Alert color="red" icon={<IconShieldX size={18} />} title={`校验未通过，共 ${opened.problems.length} 个问题，上报包未打开`} data-testid="exchange-problems">
          <List size="sm">{opened.problems.map((p, i) => <List.Item key={i}>{p.message}</List.Item>)}</List>
          {opened.signer && (
            <Group gap={6} mt="xs">
              <SignerBadge signer={opened.signer} />
              {opened.signer.trust === 'untrusted' && <Text size="xs">核对指纹无误后，可在「签名密钥」页登记该法院的公钥文件。</Text>}
            </Group>
          )}
        </Alert>
      )}
      {opened?.ok && m && (
        <>
          <Alert color="teal" icon={<IconCircleCheck size={18} />} title="校验通过：签名有效，所有文件完整、未被改动" data-testid="exchange-verified">
            <Text size="sm">
              {m.court.name}（{m.court.code}） · {m.period.week ?? `${m.period.from} 至 ${m.period.to}`} · 第 {m.revision} 版 · 导出人 {m.exportedBy.name}（{m.exportedBy.role}） · {formatInstant(m.exportedAt)}
              {m.includesSecondary && <Badge ml={6} color="red" variant="light">含副卷</Badge>}
            </Text>
            <Group gap={6} mt={4}>
              <SignerBadge signer={opened.signer} />
              <Text size="xs" c="dimmed">签名密钥 <Code>{m.signer.keyId}</Code> 指纹 <Code>{m.signer.fingerprint}</Code></Text>
            </Group>
          </Alert>
          <Card withBorder>
            <Tabs defaultValue="report">
              <Tabs.List>
                <Tabs.Tab value="report">周报</Tabs.Tab>
                <Tabs.Tab value="ledger">台账摘录（{ledger?.rows.length ?? 0} 件）</Tabs.Tab>
                <Tabs.Tab value="docs">卷宗（{files.filter((f) => f.kind === 'volume' || f.kind === 'document').length}）</Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="report" pt="sm">{table(['report'])}</Tabs.Panel>
              <Tabs.Panel value="ledger" pt="sm">
                {table(['ledger'])}
                <ScrollArea h={360} mt="sm">
                  <Table striped withTableBorder fz="xs" data-testid="exchange-ledger">
                    <Table.Thead><Table.Tr>{ledger?.columns.map((c) => <Table.Th key={c.key} style={{ whiteSpace: 'nowrap' }}>{c.label}</Table.Th>)}</Table.Tr></Table.Thead>
                    <Table.Tbody>
                      {ledger?.rows.map((r, i) => (
                        <Table.Tr key={i}>{ledger.columns.map((c) => <Table.Td key={c.key} style={{ whiteSpace: 'nowrap' }}>{r[c.key] === null || r[c.key] === undefined ? '' : String(r[c.key])}</Table.Td>)}</Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </ScrollArea>
              </Tabs.Panel>
              <Tabs.Panel value="docs" pt="sm">
                {files.some((f) => f.kind === 'volume' || f.kind === 'document') ? table(['volume', 'document']) : <Text c="dimmed" size="sm">此上报包未附卷宗。</Text>}
              </Tabs.Panel>
            </Tabs>
          </Card>
        </>
      )}
      <Modal opened={!!pdf} onClose={() => setPdf(null)} title={pdf?.title} size="90%">
        {pdf && <PdfViewer source={{ url: pdf.url }} />}
      </Modal>
    </Stack>
  );
}
