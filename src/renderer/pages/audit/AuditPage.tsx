import { Alert, Button, Group, Select, Stack, TextInput, Title } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useDebouncedValue } from '@mantine/hooks';
import { IconShieldCheck } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { DataTable } from 'mantine-datatable';
import { useState } from 'react';
import { useCall } from '../../api/client';
import { api, showError, useSingleFlight } from '../../api/client';
import { formatInstant } from '../../format';

const PAGE_SIZE = 50;

/** The hash-chained audit log, for the chief and administrators. */
export function AuditPage() {
  const [page, setPage] = useState(1);
  const [call, setCall] = useState<string | null>(null);
  const [userId, setUserId] = useState<string | null>(null);
  const [range, setRange] = useState<[string | null, string | null]>([null, null]);
  const [q, setQ] = useState('');
  const [dq] = useDebouncedValue(q, 300);
  const users = useCall('users.directory', {});
  const input = {
    page,
    pageSize: PAGE_SIZE,
    call: call ?? undefined,
    userId: userId ? Number(userId) : undefined,
    from: range[0] ? dayjs(range[0]).format('YYYY-MM-DD') : undefined,
    to: range[1] ? dayjs(range[1]).format('YYYY-MM-DD') : undefined,
    q: dq || undefined,
  };
  const log = useCall('audit.list', input, { placeholderData: (prev) => prev });
  const [verdict, setVerdict] = useState<{ ok: boolean; text: string } | null>(null);
  const verifying = useSingleFlight();
  const verify = () => verifying.run(async () => {
    try {
      const v = await api.run('audit.verify', {});
      setVerdict(
        v.ok ? { ok: true, text: `校验通过：共 ${v.count} 条记录，哈希链完整。` } : { ok: false, text: `校验失败：${v.firstBad?.reason}` },
      );
    } catch (e) {
      showError(e);
    }
  });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>审计日志</Title>
        <Button leftSection={<IconShieldCheck size={16} />} variant="light" onClick={verify} loading={verifying.pending}>
          校验完整性
        </Button>
      </Group>
      {verdict && (
        <Alert color={verdict.ok ? 'teal' : 'red'} withCloseButton onClose={() => setVerdict(null)} data-testid="audit-verdict">
          {verdict.text}
        </Alert>
      )}
      <Group align="end">
        <Select
          label="操作"
          placeholder="全部"
          clearable
          searchable
          w={200}
          data={(log.data?.calls ?? []).map((c) => ({ value: c.call, label: c.title }))}
          value={call}
          onChange={(v) => (setCall(v), setPage(1))}
        />
        <Select
          label="人员"
          placeholder="全部"
          clearable
          w={160}
          data={(users.data ?? []).map((u) => ({ value: String(u.id), label: u.displayName }))}
          value={userId}
          onChange={(v) => (setUserId(v), setPage(1))}
        />
        <DatePickerInput type="range" label="日期" placeholder="起止日期" clearable w={260} value={range} onChange={(v) => (setRange(v as [string | null, string | null]), setPage(1))} />
        <TextInput label="关键词" placeholder="摘要或人员" value={q} onChange={(e) => (setQ(e.currentTarget.value), setPage(1))} />
      </Group>
      <DataTable
        withTableBorder
        striped
        minHeight={200}
        noRecordsText="没有符合条件的记录"
        records={log.data?.rows ?? []}
        fetching={log.isFetching}
        totalRecords={log.data?.total ?? 0}
        recordsPerPage={PAGE_SIZE}
        page={page}
        onPageChange={setPage}
        paginationText={({ from, to, totalRecords }) => `第 ${from}–${to} 条，共 ${totalRecords} 条`}
        columns={[
          { accessor: 'at', title: '时间', width: 170, render: (r) => formatInstant(r.at) },
          { accessor: 'userName', title: '人员', width: 110 },
          { accessor: 'title', title: '操作', width: 150 },
          { accessor: 'record', title: '对象', width: 120 },
          { accessor: 'summary', title: '摘要' },
        ]}
      />
    </Stack>
  );
}
