import { Button, Modal, type ButtonProps } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';

/**
 * A button that opens one form in a dialog; the form gets `close` to call once it has saved.
 * Keeps each table's add / edit / record-result actions to one line.
 */
export function EditDialog({
  label,
  title,
  modalSize = 'lg',
  size = 'xs',
  variant = 'light',
  children,
  testId,
  ...button
}: Omit<ButtonProps, 'children'> & { label: ReactNode; title: string; modalSize?: string; testId?: string; children: (close: () => void) => ReactNode }) {
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button size={size} variant={variant} onClick={open} data-testid={testId} {...button}>
        {label}
      </Button>
      <Modal opened={opened} onClose={close} title={title} size={modalSize}>
        {opened && children(close)}
      </Modal>
    </>
  );
}
