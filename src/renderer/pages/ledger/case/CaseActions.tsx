import { Button, Group, Modal } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconEdit, IconSend } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import type { CaseView } from '../../../../contract/calls/ledgerView';
import { CaseForm } from '../forms/CaseForm';

/**
 * The case page's buttons: 修改案件 opens the same form as 新建案件, filled in (checked as you type);
 * 报请交叉执行 opens a new approval request with this case preset (not offered for a closed case —
 * the server refuses those too).
 */
export function CaseActions({ view }: { view: CaseView }) {
  const [editing, { open, close }] = useDisclosure(false);
  const navigate = useNavigate();
  return (
    <Group gap="xs">
      <Button variant="default" leftSection={<IconEdit size={16} />} onClick={open} data-testid="edit-case">
        修改案件
      </Button>
      {!view.case.closedOn && (
        <Button variant="light" leftSection={<IconSend size={16} />} onClick={() => navigate(`/approvals/new?case=${view.case.id}`)} data-testid="request-transfer">
          报请交叉执行
        </Button>
      )}
      <Modal opened={editing} onClose={close} title={`修改案件：${view.case.caseNo}`} size="lg">
        <CaseForm current={view.case} onDone={close} />
      </Modal>
    </Group>
  );
}
