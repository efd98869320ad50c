import { Badge, Group } from '@mantine/core';
import { DataTable } from 'mantine-datatable';
import type { CaseView } from '../../../../contract/calls/ledgerView';
import { EditDialog } from '../forms/EditDialog';
import { useMayCall } from '../forms/mayCall';
import { PartyForm } from '../forms/PartyForm';
import { RemovePartyButton } from './RemovePartyButton';
import { AddRecordBar, RECORD_TABLE } from './recordTable';

/** 当事人: applicants first, then debtors, with ID numbers and the priority flags; added, corrected and removed here. */
export function PartiesTable({ view }: { view: CaseView }) {
  const canSave = useMayCall('ledger.edit.saveParty');
  const canRemove = useMayCall('ledger.edit.removeParty');
  const caseId = view.case.id;
  return (
    <>
      {canSave && <AddRecordBar label="添加当事人" testId="add-party">{(close) => <PartyForm caseId={caseId} onDone={close} />}</AddRecordBar>}
      <DataTable
        {...RECORD_TABLE}
        noRecordsText="尚未登记当事人"
        records={view.parties}
        data-testid="parties-table"
        columns={[
          { accessor: 'side', title: '地位', width: 110, render: (p) => <Badge variant="light" color={p.side === '申请执行人' ? 'blue' : 'orange'}>{p.side}</Badge> },
          { accessor: 'name', title: '姓名或名称' },
          { accessor: 'kind', title: '类型', width: 130 },
          { accessor: 'idNumber', title: '身份证号 / 统一社会信用代码', width: 220, render: (p) => p.idNumber ?? '—' },
          { accessor: 'phone', title: '电话', width: 130, render: (p) => p.phone ?? '—' },
          {
            accessor: 'flags',
            title: '标记',
            width: 160,
            render: (p) => (
              <Group gap={4}>
                {p.isSmb && <Badge size="sm" color="grape">中小微企业</Badge>}
                {p.isLivelihood && <Badge size="sm" color="teal">涉民生</Badge>}
              </Group>
            ),
          },
          {
            accessor: 'actions',
            title: '',
            width: 120,
            hidden: !canSave && !canRemove,
            render: (p) => (
              <Group gap={4} wrap="nowrap">
                {canSave && (
                  <EditDialog label="修改" title={`修改当事人：${p.name}`} size="compact-xs" variant="subtle" testId="edit-party">
                    {(close) => <PartyForm caseId={caseId} current={p} onDone={close} />}
                  </EditDialog>
                )}
                {canRemove && <RemovePartyButton party={p} />}
              </Group>
            ),
          },
        ]}
      />
    </>
  );
}
