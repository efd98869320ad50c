import { Button, Checkbox, Group, SegmentedControl, Input, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { partyInput } from '../../../../contract/calls/ledgerEdit';
import type { CaseView } from '../../../../contract/calls/ledgerView';
import { PARTY_KINDS, PARTY_SIDES } from '../../../../contract/vocabulary';
import { opt, useContractForm } from './useContractForm';

type Party = CaseView['parties'][number];
type Values = { side: string; kind: string; name: string; idNumber: string; isSmb: boolean; isLivelihood: boolean; phone: string; address: string };

/**
 * 新增 / 修改当事人. The 身份证号 (GB 11643) or 统一社会信用代码 (GB 32100) is checked against the
 * kind of party as it is typed, with the core's own rule and message.
 */
export function PartyForm({ caseId, current, onDone }: { caseId: number; current?: Party; onDone: () => void }) {
  const { form, submit, busy } = useContractForm<Values, 'ledger.edit.saveParty'>({
    call: 'ledger.edit.saveParty',
    schema: partyInput,
    success: current ? '当事人已保存' : '当事人已添加',
    initialValues: {
      side: current?.side ?? '被执行人',
      kind: current?.kind ?? '自然人',
      name: current?.name ?? '',
      idNumber: current?.idNumber ?? '',
      isSmb: current?.isSmb ?? false,
      isLivelihood: current?.isLivelihood ?? false,
      phone: current?.phone ?? '',
      address: current?.address ?? '',
    },
    toInput: (v) => ({
      input: {
        caseId,
        partyId: current?.id,
        side: v.side as never,
        kind: v.kind as never,
        name: v.name,
        idNumber: opt(v.idNumber),
        isSmb: v.isSmb,
        isLivelihood: v.isLivelihood,
        phone: opt(v.phone),
        address: opt(v.address),
      },
    }),
    onDone,
  });
  const person = form.values.kind === '自然人';
  return (
    <form onSubmit={submit} noValidate data-testid="party-form">
      <Stack>
        <SimpleGrid cols={2}>
          <Input.Wrapper label="当事人地位">
            <SegmentedControl fullWidth data={[...PARTY_SIDES]} {...form.getInputProps('side')} />
          </Input.Wrapper>
          <Input.Wrapper label="类型">
            <SegmentedControl
              fullWidth
              data={PARTY_KINDS.map((k) => ({ value: k, label: k === '自然人' ? '自然人' : '单位（法人或其他组织）' }))}
              {...form.getInputProps('kind')}
              onChange={(k) => {
                form.setFieldValue('kind', k);
                // The ID check depends on the kind: re-check what is already typed.
                if (form.values.idNumber) form.validateField('idNumber');
              }}
            />
          </Input.Wrapper>
          <TextInput label={person ? '姓名' : '名称'} withAsterisk data-autofocus {...form.getInputProps('name')} />
          <TextInput
            label={person ? '身份证号' : '统一社会信用代码'}
            placeholder={person ? '18 位，末位可为 X' : '18 位'}
            maxLength={30}
            {...form.getInputProps('idNumber')}
          />
          <TextInput label="电话" {...form.getInputProps('phone')} />
          <TextInput label="地址" {...form.getInputProps('address')} />
        </SimpleGrid>
        <Group>
          <Checkbox label="中小微企业" description="当事人为中小微企业" {...form.getInputProps('isSmb', { type: 'checkbox' })} />
          <Checkbox label="涉民生" description="如追索劳动报酬、赡养费、抚养费" {...form.getInputProps('isLivelihood', { type: 'checkbox' })} />
        </Group>
        <Group justify="flex-end">
          <Button type="submit" loading={busy}>
            {current ? '保存' : '添加当事人'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
