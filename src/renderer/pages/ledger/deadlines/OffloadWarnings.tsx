import { Alert, List } from '@mantine/core';
import type { TransferMode, Direction } from '../../../../contract/vocabulary';
import { useCall } from '../../../api/client';

/**
 * Soft warnings while a transfer out is being prepared: no qualifying reason, case too young, or
 * "超六个月" chosen before the clock has run (甩包袱; the 2024 opinion's rule is unverified ❓, so this
 * never blocks). Any form that creates a transfer out can show it.
 */
export function OffloadWarnings({ caseId, direction, mode, reasons }: { caseId: number; direction: Direction; mode: TransferMode; reasons: string[] }) {
  const check = useCall('ledger.discover.offloadCheck', { caseId, direction, mode, reasons: reasons as never }, { enabled: direction === '移出' });
  const warnings = check.data?.warnings ?? [];
  if (!warnings.length) return null;
  return <OffloadWarningList warnings={warnings} />;
}

export function OffloadWarningList({ warnings }: { warnings: { message: string; caseNo?: string }[] }) {
  if (!warnings.length) return null;
  return (
    <Alert color="yellow" variant="light" title="请注意：可能被视为“甩包袱”（提示，不影响提交）" data-testid="offload-warnings">
      <List size="sm" spacing={4}>
        {warnings.map((w, i) => (
          <List.Item key={i}>{w.caseNo ? `${w.caseNo}：${w.message}` : w.message}</List.Item>
        ))}
      </List>
    </Alert>
  );
}
