import { Alert, Badge, Group, List, SegmentedControl, Select, Stack, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { DataTable } from 'mantine-datatable';
import { useMemo, useState } from 'react';
import type { ImportPreviewResult, ImportPreviewRow } from '../../../../contract/calls/ledgerExcel';
import { formatYuan } from '../../../format';
import { UnknownValues } from './UnknownValues';

const STATUS: Record<ImportPreviewRow['status'], { label: string; color: string }> = {
  ok: { label: '可导入', color: 'teal' },
  warning: { label: '可导入（有提示）', color: 'yellow' },
  error: { label: '不能导入', color: 'red' },
  duplicate: { label: '重复，跳过', color: 'gray' },
};
const PAGE = 50;

/** Every row of the file with its problems, before anything is written. */
export function ImportPreview({ preview, onSheet, isAdmin }: { preview: ImportPreviewResult; onSheet: (sheet: string) => void; isAdmin: boolean }) {
  const c = preview.counts;
  const [filter, setFilter] = useState<string>(c.error ? 'error' : 'all');
  const [page, setPage] = useState(1);
  const rows = useMemo(() => preview.rows.filter((r) => filter === 'all' || r.status === filter || (filter === 'importable' && (r.status === 'ok' || r.status === 'warning'))), [preview, filter]);
  const shown = rows.slice((page - 1) * PAGE, page * PAGE);
  return (
    <Stack>
      <Group gap="xs" data-testid="import-counts">
        <Text fw={600}>
          「{preview.file.name}」工作表「{preview.sheet}」共 {c.total} 件：
        </Text>
        <Badge color="teal">可导入 {c.ok + c.warning}</Badge>
        {c.warning > 0 && <Badge color="yellow">其中有提示 {c.warning}</Badge>}
        <Badge color="red">不能导入 {c.error}</Badge>
        <Badge color="gray">重复跳过 {c.duplicate}</Badge>
      </Group>
      {preview.sheets.length > 1 && (
        <Select
          label="工作表"
          w={280}
          data={preview.sheets.map((s) => ({ value: s.name, label: s.recognised ? s.name : `${s.name}（未识别出表头）`, disabled: !s.recognised }))}
          value={preview.sheet}
          allowDeselect={false}
          onChange={(v) => v && v !== preview.sheet && onSheet(v)}
        />
      )}
      <Text size="sm" c="dimmed">
        表头在第 {preview.headerRows.join('、')} 行。识别的列：
        {preview.columns.map((col) => (
          <Tooltip key={col.letter} label={`${col.letter} 列「${col.header}」→ ${col.label}${col.unit ? `（单位：${col.unit}）` : ''}`}>
            <Badge variant="light" color="indigo" mx={2} style={{ textTransform: 'none' }}>
              {col.letter} {col.label}
              {col.unit === '万元' ? '（万元）' : ''}
            </Badge>
          </Tooltip>
        ))}
      </Text>
      {(preview.unknownHeaders.length > 0 || preview.duplicateHeaders.length > 0) && (
        <Alert color="yellow" icon={<IconAlertTriangle size={18} />} title="以下列不会导入">
          <List size="sm">
            {preview.unknownHeaders.map((h) => (
              <List.Item key={h.letter}>
                {h.letter} 列「{h.header}」：未能识别列名。如需导入，请改成常用列名（如 案号、申请执行人、被执行人、执行标的、立案日期）。
              </List.Item>
            ))}
            {preview.duplicateHeaders.map((h) => (
              <List.Item key={h.letter}>
                {h.letter} 列「{h.header}」：与前面的列同为「{h.label}」，只读取第一列。
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      <UnknownValues values={preview.unknownValues} isAdmin={isAdmin} onAdded={() => onSheet(preview.sheet)} />
      <SegmentedControl
        value={filter}
        onChange={(v) => (setFilter(v), setPage(1))}
        data={[
          { value: 'all', label: `全部 ${c.total}` },
          { value: 'error', label: `不能导入 ${c.error}` },
          { value: 'warning', label: `有提示 ${c.warning}` },
          { value: 'importable', label: `可导入 ${c.ok + c.warning}` },
          { value: 'duplicate', label: `重复 ${c.duplicate}` },
        ]}
        w="fit-content"
      />
      <DataTable
        withTableBorder
        striped
        minHeight={160}
        noRecordsText="没有这一类的行"
        records={shown}
        idAccessor={(r) => String(r.rows[0])}
        totalRecords={rows.length}
        recordsPerPage={PAGE}
        page={page}
        onPageChange={setPage}
        paginationText={({ from, to, totalRecords }) => `第 ${from}–${to} 件，共 ${totalRecords} 件`}
        data-testid="import-preview-table"
        columns={[
          { accessor: 'rows', title: '行号', width: 56, render: (r) => r.rows.join('、') },
          { accessor: 'caseNo', title: '案号', width: 178, noWrap: true, render: (r) => r.caseNo ?? '—' },
          { accessor: 'applicants', title: '申请执行人', width: 110, render: (r) => r.summary.applicants || '—' },
          { accessor: 'debtors', title: '被执行人', width: 110, render: (r) => r.summary.debtors || '—' },
          { accessor: 'amount', title: '标的（元）', width: 100, textAlign: 'right', render: (r) => (r.summary.amountDueFen === null ? '—' : formatYuan(r.summary.amountDueFen)) },
          { accessor: 'mode', title: '交叉方式', width: 84, render: (r) => r.summary.mode ?? '—' },
          { accessor: 'status', title: '结果', width: 130, render: (r) => <Badge color={STATUS[r.status].color}>{STATUS[r.status].label}</Badge> },
          {
            accessor: 'problems',
            title: '问题',
            render: (r) =>
              r.problems.length ? (
                <Stack gap={2}>
                  {r.problems.map((p, i) => (
                    <Text key={i} size="sm" c={p.level === 'error' && r.status === 'error' ? 'red' : 'dimmed'}>
                      {p.message}
                    </Text>
                  ))}
                </Stack>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </Stack>
  );
}
