import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { DataTable } from 'mantine-datatable';
import { efiles } from './efilesApi';
import { ScopedSearch } from './ScopedSearch';
import { openableRow } from '../../shell/openableRows';

/** E-files home: pick a case (by 案号 or party) to open its file, or search all files. */
export function EfilesPage() {
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [dq] = useDebouncedValue(q.trim(), 250);
  const cases = useQuery({ queryKey: ['efiles.cases', dq], queryFn: () => efiles.cases(dq), placeholderData: (p) => p });
  return (
    <Stack>
      <Title order={3}>电子卷宗</Title>
      <Stack gap={4}>
        <Text fw={600} size="sm">
          搜索卷宗内容
        </Text>
        <ScopedSearch />
      </Stack>
      <Stack gap={4}>
        <Text fw={600} size="sm">
          选择案件
        </Text>
        <TextInput
          leftSection={<IconSearch size={16} />}
          placeholder="输入案号（可只输片段，如 执123）或当事人姓名"
          aria-label="查找案件"
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          maw={520}
          data-testid="case-picker"
        />
      </Stack>
      {cases.error && <Alert color="red">{cases.error.message}</Alert>}
      <DataTable
        withTableBorder
        striped
        highlightOnHover
        minHeight={160}
        fetching={cases.isFetching}
        noRecordsText={dq ? '没有符合条件的案件' : '还没有案件'}
        records={cases.data ?? []}
        idAccessor="caseId"
        onRowClick={({ record }) => navigate(`/efiles/case/${record.caseId}`)}
        customRowAttributes={openableRow<{ caseId: number; caseNo: string }>((r) => navigate(`/efiles/case/${r.caseId}`), (r) => `打开 ${r.caseNo} 的卷宗`)}
        columns={[
          { accessor: 'caseNo', title: '案号', width: 240, cellsClassName: 'xd-mono' },
          { accessor: 'parties', title: '当事人' },
          { accessor: 'handlerName', title: '承办人', width: 110, render: (r) => r.handlerName ?? '—' },
          { accessor: 'filedOn', title: '立案日期', width: 120, render: (r) => r.filedOn ?? '—' },
        ]}
      />
    </Stack>
  );
}
