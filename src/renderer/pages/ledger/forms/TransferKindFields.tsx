import { Checkbox, Group, Input, SegmentedControl, Select, SimpleGrid, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { DIRECTIONS, INITIATED_BY, TRANSFER_MODES, TRANSFER_REASONS, type Direction, type TransferMode } from '../../../../contract/vocabulary';
import { alignDirection, alignMode, type TransferValues } from './transferValues';

/**
 * The transfer form's upper half: mode, direction, how it started and why. When a transfer is being
 * corrected its direction is fixed (`directionFixed`), so changing the mode no longer moves it.
 */
export function TransferKindFields({ form, directionFixed = false }: { form: UseFormReturnType<TransferValues>; directionFixed?: boolean }) {
  const v = form.values;
  const setMode = (m: string | null) => {
    if (!m) return;
    form.setValues({ mode: m as TransferMode, direction: directionFixed ? v.direction : alignDirection(m as TransferMode, v.direction) });
  };
  const setDirection = (d: string) => form.setValues({ direction: d as Direction, mode: alignMode(d as Direction, v.mode) });
  return (
    <>
      <SimpleGrid cols={3}>
        <Select label="交叉方式" withAsterisk allowDeselect={false} data={TRANSFER_MODES.map((m) => ({ value: m, label: m === '院内交叉' ? m : `${m}执行` }))} {...form.getInputProps('mode')} onChange={setMode} />
        <Input.Wrapper label="方向" withAsterisk error={form.errors.direction} description={directionFixed ? '方向不能修改' : undefined}>
          <SegmentedControl fullWidth data={[...DIRECTIONS]} value={v.direction} onChange={setDirection} disabled={directionFixed} />
        </Input.Wrapper>
        <Select label="启动方式" placeholder="选择" clearable data={[...INITIATED_BY]} {...form.getInputProps('initiatedBy')} />
      </SimpleGrid>
      <Checkbox.Group label="交叉原因" withAsterisk {...form.getInputProps('reasons')}>
        <Group mt={6} gap="md">
          {TRANSFER_REASONS.map((r) => (
            <Checkbox key={r} value={r} label={r} />
          ))}
        </Group>
      </Checkbox.Group>
      {v.reasons.includes('其他') && <TextInput label="其他原因" withAsterisk {...form.getInputProps('reasonOther')} />}
    </>
  );
}
