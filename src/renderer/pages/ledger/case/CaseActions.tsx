import { Button, Group, Modal } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconEdit, IconSend, IconUserShare } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import type { CaseView } from '../../../../contract/calls/ledgerView';
import { CaseForm } from '../forms/CaseForm';
import { ReassignForm } from '../forms/ReassignForm';
import { useMayCall } from '../forms/mayCall';

/**
 * The case page's buttons: 修改案件 opens the same form as 新建案件, filled in (checked as you type);
 * 报请交叉执行 opens a new approval request with this case preset (not offered for a closed case —
 * the server refuses those too). 改派承办人 only for the chief and administrators (the handler sees the 副卷).
 */
export function CaseActions({ view }: { view: CaseView }) {
  const [editing, { open, close }] = useDisclosure(false);
  const [reassigning, reassign] = useDisclosure(false);
  const mayReassign = useMayCall('ledger.edit.reassignCase');
  const navigate = useNavigate();
  return (
    <Group gap="xs">
      <Button variant="default" leftSection={<IconEdit size={16} />} onClick={open} data-testid="edit-case">
        修改案件
      </Button>
      {mayReassign && (
        <Button variant="default" leftSection={<IconUserShare size={16} />} onClick={reassign.open} data-testid="reassign-case">
          改派承办人
        </Button>
      )}
      {!view.case.closedOn && (
        <Button variant="light" leftSection={<IconSend size={16} />} onClick={() => navigate(`/approvals/new?case=${view.case.id}`)} data-testid="request-transfer">
          报请交叉执行
        </Button>
      )}
      <Modal opened={editing} onClose={close} title={`修改案件：${view.case.caseNo}`} size="lg">
        <CaseForm current={view.case} onDone={close} />
      </Modal>
      <Modal opened={reassigning} onClose={reassign.close} title={`改派承办人：${view.case.caseNo}`}>
        <ReassignForm current={view.case} onDone={reassign.close} />
      </Modal>
    </Group>
  );
}
