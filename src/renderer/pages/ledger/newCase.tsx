import { Button, Modal } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { CaseForm } from './forms/CaseForm';

/** The 新建案件 button: the case form in a dialog; the new case opens once it is saved. */
export function NewCaseButton() {
  const [opened, { open, close }] = useDisclosure(false);
  const navigate = useNavigate();
  return (
    <>
      <Button leftSection={<IconPlus size={16} />} onClick={open} data-testid="new-case">
        新建案件
      </Button>
      <Modal opened={opened} onClose={close} title="新建案件" size="lg">
        <CaseForm
          onDone={(id) => {
            close();
            navigate(`/ledger/case/${id}`);
          }}
        />
      </Modal>
    </>
  );
}
