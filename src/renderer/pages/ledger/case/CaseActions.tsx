import { Button, Group, Modal } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconEdit } from '@tabler/icons-react';
import type { CaseView } from '../../../../contract/calls/ledgerView';
import { CaseForm } from '../forms/CaseForm';

/** The case page's buttons: 修改案件 opens the same form as 新建案件, filled in (checked as you type). */
export function CaseActions({ view }: { view: CaseView }) {
  const [editing, { open, close }] = useDisclosure(false);
  return (
    <Group gap="xs">
      <Button variant="default" leftSection={<IconEdit size={16} />} onClick={open} data-testid="edit-case">
        修改案件
      </Button>
      <Modal opened={editing} onClose={close} title={`修改案件：${view.case.caseNo}`} size="lg">
        <CaseForm current={view.case} onDone={close} />
      </Modal>
    </Group>
  );
}
