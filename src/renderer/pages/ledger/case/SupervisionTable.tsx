import { Badge } from '@mantine/core';
import { DataTable } from 'mantine-datatable';
import type { CaseView } from '../../../../contract/calls/ledgerView';
import { EditDialog } from '../forms/EditDialog';
import { useMayCall } from '../forms/mayCall';
import { SupervisionForm } from '../forms/SupervisionForm';
import { AddRecordBar, RECORD_TABLE } from './recordTable';

/** 督办 records and 一案双查 checks, with their results (法〔2021〕322号 第31条): started and concluded here. */
export function SupervisionTable({ view }: { view: CaseView }) {
  const canSave = useMayCall('ledger.edit.saveSupervision');
  return (
    <>
      {canSave && <AddRecordBar label="启动督办或一案双查" testId="add-supervision">{(close) => <SupervisionForm view={view} onDone={close} />}</AddRecordBar>}
      <DataTable
        {...RECORD_TABLE}
        noRecordsText="无督办或一案双查记录"
        records={view.supervisions}
        data-testid="supervision-table"
        columns={[
          { accessor: 'kind', title: '类型', width: 100 },
          { accessor: 'status', title: '状态', width: 90, render: (s) => <Badge color={s.status === '已办结' ? 'green' : 'orange'} variant="light">{s.status}</Badge> },
          { accessor: 'raisedOn', title: '启动日期', width: 110 },
          { accessor: 'reason', title: '事由', render: (s) => s.reason ?? '—' },
          { accessor: 'result', title: '结果', render: (s) => s.result ?? '—' },
          { accessor: 'resultOn', title: '办结日期', width: 110, render: (s) => s.resultOn ?? '—' },
          {
            accessor: 'actions',
            title: '',
            width: 100,
            hidden: !canSave,
            render: (s) =>
              s.status !== '已办结' && (
                <EditDialog label="登记结果" title={`登记${s.kind}结果`} size="compact-xs" variant="subtle" testId="supervision-result">
                  {(close) => <SupervisionForm view={view} current={s} onDone={close} />}
                </EditDialog>
              ),
          },
        ]}
      />
    </>
  );
}
