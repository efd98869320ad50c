import type { ReactNode } from 'react';
import { Group } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { EditDialog } from '../forms/EditDialog';

/** How every table of records on the case page looks (parties, progress, deductions, supervision). */
export const RECORD_TABLE = { withTableBorder: true, striped: true, minHeight: 100 } as const;

/** The "add" button above a case-page table; its form opens in a dialog and closes itself when saved. */
export function AddRecordBar({ label, title, testId, children }: { label: string; title?: string; testId: string; children: (close: () => void) => ReactNode }) {
  return (
    <Group justify="flex-end" mb="xs">
      <EditDialog label={label} title={title ?? label} leftSection={<IconPlus size={14} />} testId={testId}>
        {children}
      </EditDialog>
    </Group>
  );
}
