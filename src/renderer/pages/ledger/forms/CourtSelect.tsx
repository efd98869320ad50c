import { Select, type SelectProps } from '@mantine/core';
import { useCall } from '../../../api/client';

/**
 * A court picked from the directory (courts.list, active courts only), shown by full name with its
 * 代字 so two similar names cannot be confused. `exclude` drops a code (e.g. our own court where the
 * core refuses it).
 */
export function CourtSelect({ exclude, ...props }: Omit<SelectProps, 'data'> & { exclude?: string }) {
  const courts = useCall('courts.list', { includeInactive: false });
  const data = (courts.data?.courts ?? []).filter((c) => c.code !== exclude).map((c) => ({ value: c.code, label: `${c.name}（${c.code}）` }));
  return <Select placeholder="从法院名录中选择" searchable clearable nothingFoundMessage="名录中没有该法院" data={data} {...props} />;
}
