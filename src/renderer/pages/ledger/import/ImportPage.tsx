import { Alert, Anchor, Button, Group, Stack, Stepper, Table, Text, Title } from '@mantine/core';
import { useJob } from '../../../jobs/useJob';
import { JobProgress } from '../../../jobs/JobProgress';
import { IconDownload } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type { CallOutput } from '../../../../contract';
import type { ImportPreviewResult } from '../../../../contract/calls/ledgerExcel';
import { api, showError, useCall } from '../../../api/client';
import { saveDownload, type StagedUpload } from '../../../api/files';
import { formatInstant } from '../../../format';
import { FilePick } from './FilePick';
import { ImportPreview } from './ImportPreview';

type Outcome = CallOutput<'ledger.import.commit'>;

/** 导入台账: choose a file → see every row's problems → import the good rows → download the rejected ones. */
export function ImportPage() {
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [upload, setUpload] = useState<StagedUpload | null>(null);
  const [preview, setPreview] = useState<ImportPreviewResult | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const history = useCall('ledger.import.history', {});
  const status = useCall('auth.status', {});
  const isAdmin = status.data?.user?.role === 'admin';
  const step = outcome ? 2 : preview ? 1 : 0;

  // The staged workbook (names, phone and ID numbers) is removed as soon as its preview ends:
  // another file chosen, 重新选择文件, or leaving the page. A commit removes it on the server.
  const staged = useRef<string | null>(null);
  const discard = (uploadId: string | null) => {
    if (uploadId) void api.call('ledger.import.discard', { uploadId });
  };
  useEffect(() => () => discard(staged.current), []);

  const load = async (u: StagedUpload, sheet?: string) => {
    setBusy(true);
    try {
      if (staged.current && staged.current !== u.uploadId) discard(staged.current);
      staged.current = u.uploadId;
      setPreview(await api.run('ledger.import.preview', { uploadId: u.uploadId, sheet }));
      setUpload(u);
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };
  // The write runs as a job (src/core/jobs): steps as a progress bar, cancellable before the ledger is written.
  const importJob = useJob('ledger.import.commit');
  const commit = async () => {
    if (!upload || !preview) return;
    setBusy(true);
    try {
      setOutcome(await importJob.run({ uploadId: upload.uploadId, sheet: preview.sheet }, upload.name));
      staged.current = null;
      void qc.invalidateQueries();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };
  const restart = () => {
    discard(staged.current);
    staged.current = null;
    setUpload(null);
    setPreview(null);
    setOutcome(null);
  };
  const importable = preview ? preview.counts.ok + preview.counts.warning : 0;

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>导入台账（Excel）</Title>
        <Anchor onClick={() => navigate('/ledger')}>返回台账</Anchor>
      </Group>
      <Stepper active={step} allowNextStepsSelect={false} size="sm">
        <Stepper.Step label="选择文件" description=".xlsx 工作簿" />
        <Stepper.Step label="检查每一行" description="写入前逐行预览" />
        <Stepper.Step label="导入结果" description="下载未导入的行" />
      </Stepper>

      {step === 0 && (
        <Stack>
          <FilePick forCall="ledger.import.preview" maxMb={30} onStaged={(u) => load(u)} />
          <Text size="sm" c="dimmed">
            同一文件重复导入不会重复添加案件（按案号和内容识别）；已在台账中的案号不会被覆盖。
          </Text>
        </Stack>
      )}

      {step === 1 && preview && (
        <Stack>
          <ImportPreview preview={preview} isAdmin={isAdmin} onSheet={(s) => upload && load(upload, s)} />
          {importJob.job && <JobProgress job={importJob.job} onCancel={() => void importJob.cancel()} />}
          <Group>
            <Button onClick={commit} loading={busy} disabled={importable === 0} data-testid="import-commit">
              导入 {importable} 件
            </Button>
            <Button variant="default" onClick={restart} disabled={busy}>
              重新选择文件
            </Button>
            {preview.counts.error > 0 && <Text size="sm" c="dimmed">有错误的 {preview.counts.error} 行不会导入，导入后可下载这些行及原因，改正后再次导入。</Text>}
          </Group>
        </Stack>
      )}

      {step === 2 && outcome && (
        <Stack>
          <Alert color={outcome.rejected ? 'yellow' : 'teal'} title="导入完成" data-testid="import-outcome">
            新增 {outcome.imported} 件；跳过重复 {outcome.duplicates} 件；未导入 {outcome.rejected} 行。
            {outcome.doubleChecks > 0 && `其中 ${outcome.doubleChecks} 件移入案件登记了实质进展，已自动启动一案双查（见期限提醒）。`}
          </Alert>
          <Group>
            {outcome.report && (
              <Button leftSection={<IconDownload size={16} />} onClick={() => saveDownload(outcome.report!).catch(showError)} data-testid="import-report">
                下载未导入的行（{outcome.report.name}）
              </Button>
            )}
            <Button variant="default" onClick={() => navigate('/ledger')}>
              查看台账
            </Button>
            <Button variant="subtle" onClick={restart}>
              继续导入其他文件
            </Button>
          </Group>
        </Stack>
      )}

      {(history.data?.length ?? 0) > 0 && (
        <Stack gap="xs" mt="lg">
          <Text fw={600}>导入记录</Text>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>时间</Table.Th>
                <Table.Th>文件</Table.Th>
                <Table.Th>人员</Table.Th>
                <Table.Th>行数</Table.Th>
                <Table.Th>新增</Table.Th>
                <Table.Th>重复</Table.Th>
                <Table.Th>未导入</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {history.data!.slice(0, 10).map((h) => (
                <Table.Tr key={h.id}>
                  <Table.Td>{formatInstant(h.at)}</Table.Td>
                  <Table.Td>
                    {h.fileName}（{h.sheet}）
                  </Table.Td>
                  <Table.Td>{h.userName}</Table.Td>
                  <Table.Td>{h.rowsTotal}</Table.Td>
                  <Table.Td>{h.imported}</Table.Td>
                  <Table.Td>{h.duplicates}</Table.Td>
                  <Table.Td>{h.rejected}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </Stack>
  );
}
