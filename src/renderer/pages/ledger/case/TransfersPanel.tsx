import { Group, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { CaseView } from '../../../../contract/calls/ledgerView';
import { EditDialog } from '../forms/EditDialog';
import { useMayCall } from '../forms/mayCall';
import { TransferForm } from '../forms/TransferForm';
import { TransferCard } from './TransferCard';
import { TransferStepMenu } from './TransferStepMenu';

/** 交叉执行 tab: the case's transfers, a new one recorded, each moved on by its allowed steps. */
export function TransfersPanel({ view }: { view: CaseView }) {
  const canCreate = useMayCall('ledger.edit.createTransfer');
  const canMove = useMayCall('ledger.edit.transferState');
  return (
    <Stack>
      {canCreate && (
        <Group justify="flex-end">
          <EditDialog label="新建交叉执行记录" title={`新建交叉执行记录：${view.case.caseNo}`} modalSize="xl" leftSection={<IconPlus size={14} />} testId="add-transfer">
            {(close) => <TransferForm caseId={view.case.id} onDone={close} />}
          </EditDialog>
        </Group>
      )}
      {view.transfers.length === 0 && <Text c="dimmed">本案尚无交叉执行记录。</Text>}
      {view.transfers.map((t) => (
        <TransferCard key={t.id} t={t} actions={canMove ? <TransferStepMenu t={t} /> : undefined} />
      ))}
    </Stack>
  );
}
