import { SimpleGrid, Select, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { DECISION_DOC_TYPES } from '../../../../contract/vocabulary';
import { caseNoWarnings } from '../../../../contract/caseNumber';
import { useCall } from '../../../api/client';
import { CourtSelect } from './CourtSelect';
import { DateField } from './DateField';
import type { TransferValues } from './transferValues';

/**
 * The transfer form's lower half: the decision (court, document, dates, the 督促 deadline), the
 * courts and case numbers on both sides, and the contacts. Which court fields apply depends on the
 * direction: our own court is filled in by the core for the side that is ours.
 */
export function TransferDetailsFields({ form }: { form: UseFormReturnType<TransferValues> }) {
  const own = useCall('auth.status', {}).data?.court.code;
  const v = form.values;
  const internal = v.mode === '院内交叉';
  // The other side's picker offers only what the core's mode rule accepts (courts.list forTransfer).
  const other = v.mode ? { mode: v.mode, direction: v.direction, draft: v.direction === '移出' && v.initiatedBy !== '上级交办' } : undefined;
  return (
    <>
      <SimpleGrid cols={3}>
        <CourtSelect label="决定法院" {...form.getInputProps('decidingCourtCode')} />
        <Select label="决定文书类型" placeholder="选择" clearable data={[...DECISION_DOC_TYPES]} {...form.getInputProps('decisionDocType')} />
        <TextInput label="决定文书号" placeholder="（2025）鄂05执监12号" {...form.getInputProps('decisionDocNo')} />
        <DateField label="报请日期" {...form.getInputProps('requestedOn')} />
        <DateField label="决定日期" {...form.getInputProps('decisionOn')} />
        <DateField label={v.mode === '督促' ? '督促限期' : '限期'} {...form.getInputProps('deadlineOn')} />
      </SimpleGrid>
      {internal ? (
        <TextInput label="承办团队" placeholder="如 执行二团队" {...form.getInputProps('receivingTeam')} />
      ) : (
        <SimpleGrid cols={2}>
          <CourtSelect
            label="原执行法院"
            withAsterisk={v.direction === '移入'}
            description={v.direction === '移入' ? '移出本案的法院' : '不选即为本院'}
            exclude={v.direction === '移入' ? own : undefined}
            forTransfer={v.direction === '移入' ? other : undefined}
            {...form.getInputProps('originalCourtCode')}
          />
          <CourtSelect
            label="承办法院"
            withAsterisk={v.direction === '移出' && v.mode !== '督促'}
            description={v.direction === '移入' ? '不选即为本院' : v.mode === '督促' ? '督促执行由本院继续执行，可不选' : '接收本案的法院'}
            exclude={v.direction === '移出' ? own : undefined}
            forTransfer={v.direction === '移出' ? other : undefined}
            {...form.getInputProps('receivingCourtCode')}
          />
        </SimpleGrid>
      )}
      <SimpleGrid cols={2}>
        <TextInput
          label="原案号"
          description={[v.direction === '移入' ? '原执行法院的案号' : '不填即为本案案号', ...caseNoWarnings(v.originalCaseNo)].join('；')}
          {...form.getInputProps('originalCaseNo')}
        />
        <TextInput label="新案号" description={['承办法院立案后的案号', ...caseNoWarnings(v.newCaseNo)].join('；')} {...form.getInputProps('newCaseNo')} />
      </SimpleGrid>
      <SimpleGrid cols={4}>
        <TextInput label="本院联系人" {...form.getInputProps('ourContact')} />
        <TextInput label="本院电话" {...form.getInputProps('ourPhone')} />
        <TextInput label="对方联系人" {...form.getInputProps('theirContact')} />
        <TextInput label="对方电话" {...form.getInputProps('theirPhone')} />
      </SimpleGrid>
    </>
  );
}
