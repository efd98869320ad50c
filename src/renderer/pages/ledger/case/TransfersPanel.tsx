import { Group, Stack, Text } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { TRANSFER_FROZEN_STATES } from '../../../../contract/calls/ledgerEdit';
import type { CaseView } from '../../../../contract/calls/ledgerView';
import { EditDialog } from '../forms/EditDialog';
import { useMayCall } from '../forms/mayCall';
import { TransferEditForm } from '../forms/TransferEditForm';
import { TransferForm } from '../forms/TransferForm';
import { TransferCard } from './TransferCard';
import { TransferStepMenu } from './TransferStepMenu';

/** 交叉执行 tab: the case's transfers, a new one recorded, each corrected or moved on by its allowed steps. */
export function TransfersPanel({ view }: { view: CaseView }) {
  const canCreate = useMayCall('ledger.edit.createTransfer');
  const canMove = useMayCall('ledger.edit.transferState');
  const canEdit = useMayCall('ledger.edit.updateTransfer');
  // The core refuses corrections once a transfer is refused or has exited; the button follows the same rule.
  const editable = (state: string) => canEdit && !(TRANSFER_FROZEN_STATES as readonly string[]).includes(state);
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
        <TransferCard
          key={t.id}
          t={t}
          actions={
            <>
              {editable(t.state) && (
                <EditDialog label="修改" title={`修改交叉执行记录：${view.case.caseNo}`} modalSize="xl" variant="subtle" leftSection={<IconPencil size={14} />} testId="edit-transfer">
                  {(close) => <TransferEditForm t={t} onDone={close} />}
                </EditDialog>
              )}
              {canMove && <TransferStepMenu t={t} />}
            </>
          }
        />
      ))}
    </Stack>
  );
}
