import { Alert, Badge, Button, Group, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconDownload, IconFileImport } from '@tabler/icons-react';
import { DataTable, type DataTableSortStatus } from 'mantine-datatable';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { LedgerRow } from '../../../contract/calls/ledgerView';
import { api, showError, useCall, useCommand } from '../../api/client';
import { saveDownload } from '../../api/files';
import { formatDate, formatYuan, formatYuanOrDash, shortCourtName } from '../../format';
import { describeFilters, useLedgerFilters, type LedgerFilterState } from './table/filterState';
import { LedgerFilters } from './table/LedgerFilters';
import { SavedViewsMenu } from './table/SavedViewsMenu';
import { STATE_COLOR } from './stateColors';
import { NewCaseButton } from './newCase';
import { openableRow } from '../../shell/openableRows';

const PAGE_SIZE = 50;

/** What the filter state asks of the core (the table and the export take the same object). */
export function filterInput(f: LedgerFilterState) {
  return {
    q: f.q || undefined,
    modes: f.modes.length ? (f.modes as never) : undefined,
    direction: (f.direction ?? undefined) as never,
    states: f.states.length ? (f.states as never) : undefined,
    court: f.court ?? undefined,
    handlerId: f.handlerId ?? undefined,
    overdue: f.overdue || undefined,
    filedFrom: f.filedFrom ?? undefined,
    filedTo: f.filedTo ?? undefined,
    sort: f.sort as never,
    order: f.order,
  };
}

/** 交叉执行台账: every case with its latest transfer; filters, sorting, saved views, import and export. */
export function LedgerPage() {
  const navigate = useNavigate();
  const [filters, update, replace] = useLedgerFilters();
  const options = useCall('ledger.filterOptions', {});
  const table = useCall('ledger.table', { ...filterInput(filters), page: filters.page, pageSize: PAGE_SIZE }, { placeholderData: (prev) => prev });
  const views = useCall('ledger.views.list', {});
  const saveView = useCommand('ledger.views.save', { success: (v) => `已保存视图「${v.name}」` });
  const deleteView = useCommand('ledger.views.delete', { success: '视图已删除' });
  const [exporting, setExporting] = useState(false);
  const courtName = (code: string) => options.data?.courts.find((c) => c.code === code)?.name ?? code;
  const handlerName = (id: number) => options.data?.handlers.find((h) => h.id === id)?.displayName ?? String(id);
  const description = describeFilters(filters, { court: courtName, handler: handlerName });

  const doExport = async () => {
    setExporting(true);
    try {
      const d = await api.run('ledger.export', { ...filterInput(filters), description: description || '全部' });
      await saveDownload(d);
    } catch (e) {
      showError(e);
    } finally {
      setExporting(false);
    }
  };
  const sortStatus: DataTableSortStatus<LedgerRow> = { columnAccessor: filters.sort, direction: filters.order };

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>交叉执行台账</Title>
        <Group gap="xs">
          <SavedViewsMenu
            views={views.data ?? []}
            saving={saveView.isPending}
            onApply={(v) => {
              try {
                replace({ ...filters, ...(JSON.parse(v.filters) as Partial<LedgerFilterState>), page: 1 });
              } catch {
                showError(new Error('该视图已损坏，请删除后重新保存'));
              }
            }}
            onSave={(name) => saveView.mutateAsync({ name, filters: JSON.stringify({ ...filters, page: 1 }) })}
            onDelete={(v) => deleteView.mutate({ viewId: v.id })}
          />
          <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={() => navigate('/ledger/import')}>
            导入 Excel
          </Button>
          <Tooltip label={description ? `导出当前筛选：${description}` : '导出全部案件'}>
            <Button variant="default" leftSection={<IconDownload size={16} />} loading={exporting} onClick={doExport} data-testid="ledger-export">
              导出 Excel
            </Button>
          </Tooltip>
          <NewCaseButton />
        </Group>
      </Group>
      <LedgerFilters
        filters={filters}
        onChange={update}
        courts={(options.data?.courts ?? []).map((c) => ({ value: c.code, label: `${c.name}（${c.code}）` }))}
        handlers={(options.data?.handlers ?? []).map((h) => ({ value: String(h.id), label: h.displayName }))}
      />
      {filters.overdue && (
        // 仅看超期 is kept in the address (and in saved views): say so above the table, with the way out.
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} py={6} data-testid="overdue-banner">
          <Group justify="space-between" gap="xs">
            <Text size="sm">
              仅显示超期案件（工作台所列各类期限：移入立案、信息填报、督促限期、六个月、案款发放、终本三个月等）{table.data && !table.isPlaceholderData ? `，共 ${table.data.total} 件` : ''}。
            </Text>
            <Button size="compact-sm" variant="white" color="red" onClick={() => update({ overdue: false })} data-testid="overdue-off">
              显示全部案件
            </Button>
          </Group>
        </Alert>
      )}
      <DataTable<LedgerRow>
        withTableBorder
        striped
        highlightOnHover
        minHeight={240}
        height="calc(100vh - 290px)"
        noRecordsText={filters.q || description ? '没有符合条件的案件' : '台账中还没有案件：可新建案件或导入 Excel 台账'}
        records={table.data?.rows ?? []}
        idAccessor="caseId"
        fetching={table.isFetching}
        totalRecords={table.data?.total ?? 0}
        recordsPerPage={PAGE_SIZE}
        page={filters.page}
        onPageChange={(p) => update({ page: p })}
        paginationText={({ from, to, totalRecords }) => `第 ${from}–${to} 件，共 ${totalRecords} 件`}
        sortStatus={sortStatus}
        onSortStatusChange={(s) => update({ sort: String(s.columnAccessor), order: s.direction })}
        onRowClick={({ record }) => navigate(`/ledger/case/${record.caseId}`)}
        customRowAttributes={openableRow<LedgerRow>((r) => navigate(`/ledger/case/${r.caseId}`), (r) => `打开案件 ${r.caseNo}`)}
        rowStyle={() => ({ cursor: 'pointer' })}
        data-testid="ledger-table"
        columns={[
          { accessor: 'caseNo', title: '案号', width: 190, sortable: true, render: (r) => <Text size="sm" fw={500}>{r.caseNo}</Text> },
          { accessor: 'applicants', title: '申请执行人', width: 120, ellipsis: true },
          { accessor: 'debtors', title: '被执行人', width: 120, ellipsis: true },
          { accessor: 'amountDue', title: '执行标的（元）', width: 126, textAlign: 'right', sortable: true, render: (r) => formatYuanOrDash(r.amountDueFen) },
          { accessor: 'mode', title: '方式', width: 84, sortable: true, render: (r) => r.mode ?? <Text c="dimmed" size="sm">未交叉</Text> },
          { accessor: 'direction', title: '方向', width: 56, render: (r) => r.direction ?? '—' },
          {
            accessor: 'state',
            title: '状态',
            width: 140,
            sortable: true,
            render: (r) =>
              r.state ? (
                <Group gap={4} wrap="nowrap">
                  <Badge color={STATE_COLOR[r.state] ?? "gray"} variant="light" style={{ flexShrink: 0 }}>
                    {r.state}
                  </Badge>
                  {r.overdue && (
                    <Tooltip label={r.deadlineOn ? `有超期事项（督促限期 ${r.deadlineOn}）` : "有超期事项，详见案件的期限提醒"}>
                      <Badge color="red" style={{ flexShrink: 0 }}>超期</Badge>
                    </Tooltip>
                  )}
                </Group>
              ) : (
                '—'
              ),
          },
          { accessor: 'handlerName', title: '承办人', width: 76, render: (r) => r.handlerName ?? '—' },
          { accessor: 'recovered', title: '到位（元）', width: 110, textAlign: 'right', render: (r) => (r.recoveredFen ? formatYuan(r.recoveredFen) : '—') },
          { accessor: 'counterpartCourt', title: '对方法院', width: 110, ellipsis: true, render: (r) => (r.counterpartCourt ? <Tooltip label={r.counterpartCourt}><span>{shortCourtName(r.counterpartCourt)}</span></Tooltip> : '—') },
          { accessor: 'filedOn', title: '立案日期', width: 100, sortable: true, render: (r) => formatDate(r.filedOn) },
          { accessor: 'closedOn', title: '结案日期', width: 100, sortable: true, render: (r) => formatDate(r.closedOn) },
        ]}
      />
    </Stack>
  );
}
