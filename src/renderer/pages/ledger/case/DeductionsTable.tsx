import { Group, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { DataTable } from 'mantine-datatable';
import type { CaseView } from '../../../../contract/calls/ledgerView';
import { DeductionForm } from '../forms/DeductionForm';
import { EditDialog } from '../forms/EditDialog';
import { useMayCall } from '../forms/mayCall';
import { RECORD_TABLE } from './recordTable';

/** Days between two legal dates, both counted (an interval from 03-01 to 03-01 is one day). */
const days = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000) + 1;

/** 扣除期间: periods the six-month clock does not count (执行程序解释 第十三条); registered and corrected here. */
export function DeductionsTable({ view }: { view: CaseView }) {
  const canSave = useMayCall('ledger.edit.saveDeduction');
  const caseId = view.case.id;
  return (
    <>
      <Group justify="space-between" align="start" mb="xs" wrap="nowrap">
        <Text size="sm" c="dimmed">
          依《最高人民法院关于适用〈民事诉讼法〉执行程序若干问题的解释》第十三条，公告、鉴定评估、管辖争议、执行协调、暂缓执行、中止执行期间不计入六个月期限。
        </Text>
        {canSave && (
          <EditDialog label="登记扣除期间" title="登记扣除期间" leftSection={<IconPlus size={14} />} testId="add-deduction" style={{ flexShrink: 0 }}>
            {(close) => <DeductionForm caseId={caseId} onDone={close} />}
          </EditDialog>
        )}
      </Group>
      <DataTable
        {...RECORD_TABLE}
        noRecordsText="无扣除期间"
        records={view.deductions}
        data-testid="deductions-table"
        columns={[
          { accessor: 'kind', title: '类型', width: 120 },
          { accessor: 'startOn', title: '开始', width: 120 },
          { accessor: 'endOn', title: '结束', width: 120, render: (d) => d.endOn ?? <Text c="orange" size="sm">进行中</Text> },
          { accessor: 'days', title: '天数', width: 80, render: (d) => (d.endOn ? days(d.startOn, d.endOn) : '—') },
          { accessor: 'note', title: '说明', render: (d) => d.note ?? '—' },
          {
            accessor: 'actions',
            title: '',
            width: 80,
            hidden: !canSave,
            render: (d) => (
              <EditDialog label="修改" title={`修改扣除期间：${d.kind}`} size="compact-xs" variant="subtle" testId="edit-deduction">
                {(close) => <DeductionForm caseId={caseId} current={d} onDone={close} />}
              </EditDialog>
            ),
          },
        ]}
      />
    </>
  );
}
