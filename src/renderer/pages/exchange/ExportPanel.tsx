import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Checkbox, Code, Group, MultiSelect, Progress, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconDownload, IconPlayerStop, IconSend } from '@tabler/icons-react';
import type { CallOutput } from '../../../contract';
import type { Role } from '../../../contract/roles';
import { api, showError, useCall, useSingleFlight } from '../../api/client';
import { saveDownload } from '../../api/files';
import { formatBytes, lastIsoWeek } from './ExchangePage';

type Job = CallOutput<'exchange.export.status'>;

/** The export form and, once started, the job's progress bar with cancel (the job is polled). */
export function ExportPanel({ role }: { role: Role | undefined }) {
  const [mode, setMode] = useState<'week' | 'range'>('week');
  const [week, setWeek] = useState(lastIsoWeek());
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [q, setQ] = useState('');
  const [cases, setCases] = useState<string[]>([]);
  const [volumes, setVolumes] = useState(true);
  const [documents, setDocuments] = useState(false);
  const [secondary, setSecondary] = useState(false);
  const [job, setJob] = useState<Job | null>(null);
  const [starting, setStarting] = useState(false);
  const cancelling = useSingleFlight();
  const found = useCall('exchange.cases.search', { q }, { placeholderData: (p) => p });
  const options = [...new Set([...(found.data?.rows.map((r) => r.caseNo) ?? []), ...cases])].map((c) => {
    const r = found.data?.rows.find((x) => x.caseNo === c);
    return { value: c, label: r ? `${c}（${r.handler ?? '未指定承办人'}，${r.documents} 份文件）` : c };
  });

  // 生成 is one step (issue 14 §3): the moment the job is done its package is saved without a second click.
  // A poll still in flight may also answer "done": each job's package is saved once.
  const saved = useRef(new Set<string>());
  const follow = (j: Job) => {
    setJob(j);
    if (j.state !== 'done' || !j.result || saved.current.has(j.jobId)) return;
    saved.current.add(j.jobId);
    saveDownload(j.result.download).catch(showError);
  };

  useEffect(() => {
    if (!job || job.state !== 'running') return;
    const id = setInterval(() => {
      api.run('exchange.export.status', { jobId: job.jobId }).then(follow, (e) => {
        showError(e);
        setJob(null);
      });
    }, 400);
    return () => clearInterval(id);
  }, [job]);

  const start = async () => {
    setStarting(true);
    try {
      const input = {
        ...(mode === 'week' ? { week } : { from, to }),
        cases,
        includeVolumes: volumes,
        includeDocuments: documents,
        includeSecondary: secondary,
      };
      const { jobId } = await api.run('exchange.export.start', input);
      follow(await api.run('exchange.export.status', { jobId }));
    } catch (e) {
      showError(e);
    } finally {
      setStarting(false);
    }
  };
  const running = job?.state === 'running';
  const pct = job && job.totalBytes ? Math.min(100, (100 * job.doneBytes) / job.totalBytes) : 0;
  const mayIncludeSecondary = role === 'chief' || role === 'admin' || role === 'staff';

  return (
    <Stack maw={760}>
      <Card withBorder>
        <Stack>
          <Group align="end">
            <SegmentedControl value={mode} onChange={(v) => setMode(v as 'week' | 'range')} data={[{ value: 'week', label: '按周' }, { value: 'range', label: '按日期范围' }]} disabled={running} />
            {mode === 'week' ? (
              <TextInput label="周次" description="ISO 周，如 2025-W10" value={week} onChange={(e) => setWeek(e.currentTarget.value.trim())} w={160} disabled={running} />
            ) : (
              <>
                <TextInput label="起始日期" placeholder="2025-03-01" value={from} onChange={(e) => setFrom(e.currentTarget.value.trim())} w={150} disabled={running} />
                <TextInput label="截止日期" placeholder="2025-03-31" value={to} onChange={(e) => setTo(e.currentTarget.value.trim())} w={150} disabled={running} />
              </>
            )}
          </Group>
          <MultiSelect
            label="随包报送的案件"
            description="不选则只报送周报和台账摘录"
            placeholder="输入案号查找"
            searchable
            clearable
            data={options}
            value={cases}
            onChange={setCases}
            searchValue={q}
            onSearchChange={setQ}
            nothingFoundMessage="没有找到这个案号"
            disabled={running}
            data-testid="exchange-cases"
          />
          <Group>
            <Checkbox label="装订好的正卷 PDF" checked={volumes} onChange={(e) => setVolumes(e.currentTarget.checked)} disabled={running || !cases.length} />
            <Checkbox label="逐份卷宗文件" checked={documents} onChange={(e) => setDocuments(e.currentTarget.checked)} disabled={running || !cases.length} />
            {mayIncludeSecondary && (
              <Checkbox
                color="orange"
                label="包含副卷（须为承办人、执行局长或管理员；将记入审计日志）"
                checked={secondary}
                onChange={(e) => setSecondary(e.currentTarget.checked)}
                disabled={running || !cases.length}
              />
            )}
          </Group>
          {secondary && (
            <Alert color="orange" icon={<IconAlertTriangle size={16} />}>
              副卷含合议庭评议、审批意见等内部材料，通常不对外报送。只有确有必要时才包含，此选择会记入审计日志。
            </Alert>
          )}
          <Group>
            <Button leftSection={<IconSend size={16} />} onClick={start} loading={starting} disabled={running}>
              生成上报包
            </Button>
          </Group>
        </Stack>
      </Card>
      {job && (
        <Card withBorder data-testid="exchange-job">
          <Stack gap="xs">
            <Group justify="space-between">
              <Text fw={500}>{job.state === 'running' ? job.step : job.state === 'done' ? '上报包已生成并开始保存' : job.state === 'cancelled' ? '已取消' : '导出失败'}</Text>
              {running && (
                <Button size="xs" color="red" variant="light" leftSection={<IconPlayerStop size={14} />} loading={cancelling.pending} onClick={() => cancelling.run(() => api.run('exchange.export.cancel', { jobId: job.jobId }).then(setJob, showError))}>
                  取消
                </Button>
              )}
            </Group>
            {running && <Progress value={pct} animated striped aria-label="导出进度" />}
            {running && job.totalBytes > 0 && <Text size="xs" c="dimmed">{formatBytes(job.doneBytes)} / {formatBytes(job.totalBytes)}</Text>}
            {job.error && <Alert color={job.state === 'cancelled' ? 'gray' : 'red'}>{job.error}</Alert>}
            {job.result && (
              <>
                <Text size="sm">
                  {job.result.download.name} · 第 {job.result.revision} 版 · {job.result.files} 个文件 · {formatBytes(job.result.size)}
                </Text>
                <Text size="xs" c="dimmed">SHA-256 <Code>{job.result.sha256}</Code></Text>
                <Group>
                  <Button leftSection={<IconDownload size={16} />} variant="light" onClick={() => saveDownload(job.result!.download).catch(showError)}>再次保存</Button>
                </Group>
              </>
            )}
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
