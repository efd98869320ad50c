import { Stack, Tabs, Text, Title } from '@mantine/core';
import { IconFileExport, IconHistory, IconKey, IconPackageImport } from '@tabler/icons-react';
import { useCall } from '../../api/client';
import { ExportPanel } from './ExportPanel';
import { OpenPanel } from './OpenPanel';
import { HistoryPanel } from './HistoryPanel';
import { KeysPanel } from './KeysPanel';

/**
 * 上报: build the signed package for the intermediate court (周报 + 台账 + 选定案件的卷宗), open a
 * received package read-only after verifying it, see every past export, and manage the signing key.
 */
export function ExchangePage() {
  const me = useCall('auth.status', {});
  const role = me.data?.user?.role;
  const canOpen = role !== undefined && role !== 'staff';
  return (
    <Stack gap="md">
      <div>
        <Title order={3}>上报中院</Title>
        <Text c="dimmed" size="sm">
          上报包是一个签名的 ZIP 文件：周报（Word、Excel、PDF）、台账摘录（Excel 和 JSON）以及您选定案件的卷宗，附清单和本院签名，中院可逐一核对。
        </Text>
      </div>
      <Tabs defaultValue="export" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="export" leftSection={<IconFileExport size={16} />}>导出上报包</Tabs.Tab>
          {canOpen && <Tabs.Tab value="open" leftSection={<IconPackageImport size={16} />}>校验并打开</Tabs.Tab>}
          <Tabs.Tab value="history" leftSection={<IconHistory size={16} />}>导出记录</Tabs.Tab>
          <Tabs.Tab value="keys" leftSection={<IconKey size={16} />}>签名密钥</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="export" pt="md"><ExportPanel role={role} /></Tabs.Panel>
        {canOpen && <Tabs.Panel value="open" pt="md"><OpenPanel /></Tabs.Panel>}
        <Tabs.Panel value="history" pt="md"><HistoryPanel /></Tabs.Panel>
        <Tabs.Panel value="keys" pt="md"><KeysPanel role={role} /></Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

export const formatBytes = (n: number) =>
  n >= 2 ** 30 ? `${(n / 2 ** 30).toFixed(2)} GB` : n >= 2 ** 20 ? `${(n / 2 ** 20).toFixed(1)} MB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KB` : `${n} 字节`;

/** The ISO week before the one containing today ('2025-W10'): the week a report is usually sent for. */
export function lastIsoWeek(today = new Date()): string {
  const d = new Date(Date.UTC(today.getFullYear(), today.getMonth(), today.getDate() - 7));
  const dow = d.getUTCDay() || 7;
  const thursday = new Date(d.getTime() + (4 - dow) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const num = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 / 7) + 1;
  return `${year}-W${String(num).padStart(2, '0')}`;
}
