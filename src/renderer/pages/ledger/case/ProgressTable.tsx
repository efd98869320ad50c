import { Badge, Group, Text } from '@mantine/core';
import { DataTable } from 'mantine-datatable';
import type { CaseView } from '../../../../contract/calls/ledgerView';
import { formatYuan } from '../../../format';
import { EditDialog } from '../forms/EditDialog';
import { useMayCall } from '../forms/mayCall';
import { ProgressForm } from '../forms/ProgressForm';
import { VoidProgressForm } from '../forms/VoidProgressForm';
import { AddRecordBar, RECORD_TABLE } from './recordTable';

type Entry = CaseView['progress'][number];

const measuresOf = (p: Entry) => p.measures.map((m) => (m === '其他' && p.measureOther ? p.measureOther : m)).join('、');

/** 执行进展: every entry newest first, voided ones struck through with their reason; recorded and voided here. */
export function ProgressTable({ view }: { view: CaseView }) {
  const canAdd = useMayCall('ledger.edit.addProgress');
  const canVoid = useMayCall('ledger.edit.voidProgress');
  const records = [...view.progress].sort((a, b) => (a.onDate === b.onDate ? b.recordedAt.localeCompare(a.recordedAt) : b.onDate.localeCompare(a.onDate)));
  return (
    <>
      {canAdd && <AddRecordBar label="记录进展" title="记录执行进展" testId="add-progress">{(close) => <ProgressForm view={view} onDone={close} />}</AddRecordBar>}
      <DataTable
        {...RECORD_TABLE}
        noRecordsText="尚无执行进展"
        records={records}
        data-testid="progress-table"
        rowStyle={(p) => (p.voidedAt ? { opacity: 0.55 } : undefined)}
        columns={[
          { accessor: 'onDate', title: '日期', width: 110 },
          { accessor: 'measures', title: '措施', render: (p) => measuresOf(p) || '—' },
          { accessor: 'amountFen', title: '到位（元）', width: 120, textAlign: 'right', render: (p) => (p.amountFen ? formatYuan(p.amountFen) : '—') },
          {
            accessor: 'flags',
            title: '标记',
            width: 150,
            render: (p) => (
              <Group gap={4}>
                {p.substantive && <Badge size="sm" color="teal" variant="light">实质进展</Badge>}
                {p.resolved && <Badge size="sm" color="green" variant="light">已化解</Badge>}
                {p.voidedAt && <Badge size="sm" color="gray">已作废</Badge>}
              </Group>
            ),
          },
          {
            accessor: 'text',
            title: '进展情况',
            render: (p) => (
              <>
                <Text size="sm" td={p.voidedAt ? 'line-through' : undefined}>
                  {p.text ?? '—'}
                </Text>
                {p.voidReason && (
                  <Text size="xs" c="dimmed">
                    作废原因：{p.voidReason}
                  </Text>
                )}
              </>
            ),
          },
          { accessor: 'recordedBy', title: '记录人', width: 90, render: (p) => p.recordedBy ?? '—' },
          {
            accessor: 'actions',
            title: '',
            width: 80,
            hidden: !canVoid,
            render: (p) =>
              !p.voidedAt && (
                <EditDialog label="作废" title="作废执行进展" size="compact-xs" variant="subtle" color="red" modalSize="md" testId="void-progress">
                  {(close) => (
                    <VoidProgressForm
                      progressId={p.id}
                      summary={`${p.onDate} ${measuresOf(p) || '进展'}${p.amountFen ? `，到位 ${formatYuan(p.amountFen)} 元` : ''}`}
                      onDone={close}
                    />
                  )}
                </EditDialog>
              ),
          },
        ]}
      />
    </>
  );
}
