import { Button, Group, Stack, Text } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import '@mantine/dropzone/styles.css';
import { IconFileSpreadsheet, IconUpload, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import type { CallName } from '../../../../contract';
import { showError } from '../../../api/client';
import { canPickNatively, pickAndStage, uploadFile, type StagedUpload } from '../../../api/files';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Picks one .xlsx and stages it for `forCall`: a drop zone in browser mode, the native dialog in
 * Electron. Calls `onStaged` with the upload id.
 */
export function FilePick({ forCall, maxMb, onStaged }: { forCall: CallName; maxMb: number; onStaged: (u: StagedUpload) => void }) {
  const [busy, setBusy] = useState(false);
  const run = async (f: () => Promise<StagedUpload | undefined>) => {
    setBusy(true);
    try {
      const u = await f();
      if (u) onStaged(u);
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };
  if (canPickNatively()) {
    return (
      <Group>
        <Button leftSection={<IconFileSpreadsheet size={16} />} loading={busy} onClick={() => run(async () => (await pickAndStage(forCall, [{ name: 'Excel 工作簿', extensions: ['xlsx'] }]))[0])} autoFocus>
          选择 Excel 文件…
        </Button>
      </Group>
    );
  }
  return (
    <Dropzone
      onDrop={(files) => files[0] && run(() => uploadFile(files[0]!, forCall))}
      onReject={(r) => showError(new Error(r[0]?.errors[0]?.code === 'file-too-large' ? `文件超过 ${maxMb} MB 上限` : '请选择 .xlsx 格式的 Excel 文件（旧版 .xls 请先另存为 .xlsx）'))}
      maxSize={maxMb * 1024 * 1024}
      accept={{ [XLSX]: ['.xlsx'] }}
      multiple={false}
      loading={busy}
      data-testid="import-dropzone"
      aria-label="选择或拖入 Excel 文件"
    >
      <Group justify="center" gap="xl" mih={140} style={{ pointerEvents: 'none' }}>
        <Dropzone.Accept>
          <IconUpload size={48} stroke={1.5} />
        </Dropzone.Accept>
        <Dropzone.Reject>
          <IconX size={48} stroke={1.5} />
        </Dropzone.Reject>
        <Dropzone.Idle>
          <IconFileSpreadsheet size={48} stroke={1.5} />
        </Dropzone.Idle>
        <Stack gap={4}>
          <Text size="lg">把台账 Excel 文件拖到这里，或点击选择文件</Text>
          <Text size="sm" c="dimmed">
            支持 .xlsx，最大 {maxMb} MB。表头可以不在第一行，标题行、合并单元格、万元金额都能识别。
          </Text>
        </Stack>
      </Group>
    </Dropzone>
  );
}
