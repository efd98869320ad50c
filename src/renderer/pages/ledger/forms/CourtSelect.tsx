import { Select, type SelectProps } from '@mantine/core';
import type { Direction, TransferMode } from '../../../../contract/vocabulary';
import { useCall } from '../../../api/client';

/**
 * A court picked from the directory (courts.list, active courts only), shown by full name with its
 * 代字 so two similar names cannot be confused. `exclude` drops a code (e.g. our own court where the
 * core refuses it). `forTransfer` (the other side of a transfer) asks the core for the courts the mode
 * allows — the same rule that checks the saved transfer — and shows its warning for an unusual pick.
 */
export function CourtSelect({
  exclude,
  forTransfer,
  description,
  ...props
}: Omit<SelectProps, 'data'> & { exclude?: string; forTransfer?: { mode: TransferMode; direction: Direction; draft: boolean } }) {
  const courts = useCall('courts.list', { includeInactive: false, forTransfer });
  const rows = (courts.data?.courts ?? []).filter((c) => c.code !== exclude);
  const data = rows.map((c) => ({ value: c.code, label: `${c.name}（${c.code}）${c.modeWarning ? '（需核对）' : ''}` }));
  const warning = rows.find((c) => c.code === props.value)?.modeWarning;
  return (
    <Select
      placeholder="从法院名录中选择"
      searchable
      clearable
      nothingFoundMessage={forTransfer ? '名录中没有该交叉方式可选的法院' : '名录中没有该法院'}
      data={data}
      description={warning ?? description}
      {...props}
    />
  );
}
