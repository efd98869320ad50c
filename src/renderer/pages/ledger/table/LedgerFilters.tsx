import { Button, Checkbox, Group, MultiSelect, Select, TextInput } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { DIRECTIONS, TRANSFER_MODES, TRANSFER_STATES } from '../../../../contract/vocabulary';
import { EMPTY_FILTERS, type LedgerFilterState } from './filterState';

type Option = { value: string; label: string };

/** The ledger's filter bar: search by 案号 or party, mode, direction, state, court, handler, overdue, 立案 dates. */
export function LedgerFilters({
  filters,
  onChange,
  courts,
  handlers,
}: {
  filters: LedgerFilterState;
  onChange: (patch: Partial<LedgerFilterState>) => void;
  courts: Option[];
  handlers: Option[];
}) {
  const [q, setQ] = useState(filters.q);
  useEffect(() => setQ(filters.q), [filters.q]);
  const pushQ = useDebouncedCallback((v: string) => onChange({ q: v.trim() }), 300);
  const active =
    filters.q || filters.modes.length || filters.direction || filters.states.length || filters.court || filters.handlerId || filters.overdue || filters.filedFrom || filters.filedTo;
  return (
    <Group align="end" gap="sm" wrap="wrap">
      <TextInput
        label="搜索"
        placeholder="案号或当事人"
        leftSection={<IconSearch size={16} />}
        w={190}
        value={q}
        onChange={(e) => (setQ(e.currentTarget.value), pushQ(e.currentTarget.value))}
        onKeyDown={(e) => e.key === 'Enter' && onChange({ q: q.trim() })}
        data-testid="ledger-search"
      />
      <MultiSelect label="交叉方式" placeholder="全部" w={170} data={[...TRANSFER_MODES]} value={filters.modes} onChange={(v) => onChange({ modes: v })} clearable />
      <Select label="方向" placeholder="全部" w={86} data={[...DIRECTIONS]} value={filters.direction} onChange={(v) => onChange({ direction: v })} clearable />
      <MultiSelect label="状态" placeholder="全部" w={170} data={[...TRANSFER_STATES]} value={filters.states} onChange={(v) => onChange({ states: v })} clearable />
      <Select label="法院" placeholder="全部" w={170} data={courts} value={filters.court} onChange={(v) => onChange({ court: v })} clearable searchable />
      <Select
        label="承办人"
        placeholder="全部"
        w={104}
        data={handlers}
        value={filters.handlerId ? String(filters.handlerId) : null}
        onChange={(v) => onChange({ handlerId: v ? Number(v) : null })}
        clearable
        searchable
      />
      <DatePickerInput
        type="range"
        label="立案日期"
        placeholder="起止日期"
        clearable
        w={210}
        valueFormat="YYYY-MM-DD"
        value={[filters.filedFrom, filters.filedTo]}
        onChange={(v) => {
          const [a, b] = v as [string | null, string | null];
          onChange({ filedFrom: a ? dayjs(a).format('YYYY-MM-DD') : null, filedTo: b ? dayjs(b).format('YYYY-MM-DD') : null });
        }}
      />
      <Checkbox label="仅看超期" checked={filters.overdue} onChange={(e) => onChange({ overdue: e.currentTarget.checked })} mb={8} />
      {active ? (
        <Button variant="subtle" onClick={() => onChange({ ...EMPTY_FILTERS, sort: filters.sort, order: filters.order })}>
          清除筛选
        </Button>
      ) : null}
    </Group>
  );
}
