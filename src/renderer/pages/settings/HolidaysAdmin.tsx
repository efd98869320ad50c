import { Alert, Badge, Button, Card, FileButton, Group, Modal, NumberInput, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useCall, useCommand } from '../../api/client';
import { DateField } from '../ledger/forms/DateField';
import { DeadlineSettings } from './DeadlineSettings';

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];
const weekday = (d: string) => `周${WEEKDAYS[new Date(d + 'T00:00:00Z').getUTCDay()]}`;

type Row = { date: string; name: string; isOffDay: boolean; source: string };

/** Add or correct one day; a row here wins over the built-in data for that date. */
function EntryModal({ initial, onClose }: { initial: Row | null; onClose: () => void }) {
  const [v, setV] = useState<Row>(initial ?? { date: '', name: '', isOffDay: true, source: '' });
  const save = useCommand('calendar.holidays.save', { success: (r) => `已保存 ${r.date}` });
  return (
    <Modal opened onClose={onClose} title={initial?.date ? `修改 ${initial.date}` : '添加或更正一天'}>
      <Stack>
        <DateField label="日期" withAsterisk value={v.date} onChange={(e) => setV({ ...v, date: typeof e === 'string' ? e : e.currentTarget.value })} />
        <TextInput label="名称" withAsterisk placeholder="如 春节、国庆调休上班" value={v.name} onChange={(e) => setV({ ...v, name: e.currentTarget.value })} maxLength={30} />
        <SegmentedControl
          value={v.isOffDay ? 'off' : 'work'}
          onChange={(x) => setV({ ...v, isOffDay: x === 'off' })}
          data={[
            { value: 'off', label: '放假' },
            { value: 'work', label: '上班（调休或更正）' },
          ]}
        />
        <TextInput label="来源" withAsterisk placeholder="国务院办公厅通知网址或文号" value={v.source} onChange={(e) => setV({ ...v, source: e.currentTarget.value })} />
        <Group justify="end">
          <Button loading={save.isPending} onClick={() => save.mutate(v, { onSuccess: onClose })}>
            保存
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Import a whole year from the notice (holiday-cn JSON or CSV date,name,isOffDay). */
function ImportYear({ year }: { year: number }) {
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [source, setSource] = useState('');
  const run = useCommand('calendar.holidays.importYear', { success: (r) => `已导入 ${r.year} 年 ${r.count} 条` });
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={6}>导入 {year} 年放假安排</Title>
        <Text size="xs" c="dimmed">
          JSON（holiday-cn 格式：{'{ "year": 2027, "days": [{ "name", "date", "isOffDay" }] }'}）或 CSV（表头 date,name,isOffDay 或 日期,名称,是否放假）。导入会替换该年已导入的记录。
        </Text>
        <Group align="end">
          <FileButton accept=".json,.csv,.txt,application/json,text/csv" onChange={async (f) => f && setFile({ name: f.name, text: await f.text() })}>
            {(props) => (
              <Button variant="default" {...props}>
                {file ? file.name : '选择文件'}
              </Button>
            )}
          </FileButton>
          <TextInput label="来源" placeholder="如 gov.cn/zhengce/content/… 或 国办发明电〔2026〕…号" style={{ flex: 1 }} value={source} onChange={(e) => setSource(e.currentTarget.value)} />
          <Button disabled={!file} loading={run.isPending} onClick={() => file && run.mutate({ year, text: file.text, source }, { onSuccess: () => setFile(null) })}>
            导入
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** 设置 → 节假日与期限: a year's holidays and make-up days with their source, admin import and corrections, and the deadline settings. */
export function HolidaysAdmin({ editable }: { editable: boolean }) {
  const [year, setYear] = useState(new Date().getFullYear() + (new Date().getMonth() >= 10 ? 1 : 0));
  const data = useCall('calendar.holidays.year', { year });
  const remove = useCommand('calendar.holidays.delete', { success: (r) => `已删除 ${r.date} 的记录` });
  const [editing, setEditing] = useState<Row | null | undefined>(undefined);
  const d = data.data;
  return (
    <Stack>
      <Group align="end">
        <NumberInput label="年份" w={120} min={2000} max={2100} value={year} onChange={(v) => typeof v === 'number' && setYear(v)} />
        {d && (
          <Text size="sm" c="dimmed">
            已有数据的年份：{d.coveredYears.join('、')}
          </Text>
        )}
        {editable && (
          <Button variant="light" ml="auto" onClick={() => setEditing(null)}>
            添加或更正一天
          </Button>
        )}
      </Group>
      {d && !d.covered && (
        <Alert color="orange" title={`${year} 年放假安排缺失`} data-testid="holiday-year-missing">
          届满日在 {year} 年的期限将显示“未含节假日顺延 / 请人工核对”。{editable ? '请导入国务院办公厅当年的放假通知。' : '请联系管理员导入当年的放假通知。'}
        </Alert>
      )}
      {editable && <ImportYear year={year} />}
      {d && d.entries.length > 0 && (
        <Table striped data-testid="holiday-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>日期</Table.Th>
              <Table.Th>名称</Table.Th>
              <Table.Th>类型</Table.Th>
              <Table.Th>来源</Table.Th>
              {editable && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.entries.map((e) => (
              <Table.Tr key={e.date}>
                <Table.Td>
                  {e.date} {weekday(e.date)}
                </Table.Td>
                <Table.Td>{e.name}</Table.Td>
                <Table.Td>
                  <Badge color={e.isOffDay ? 'red' : 'blue'} variant="light">
                    {e.isOffDay ? '放假' : '上班'}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="xs">{e.source}</Text>
                  {!e.builtin && (
                    <Badge size="xs" color="grape" variant="outline">
                      管理员导入/更正
                    </Badge>
                  )}
                </Table.Td>
                {editable && (
                  <Table.Td>
                    <Group gap={4}>
                      <Button size="compact-xs" variant="subtle" onClick={() => setEditing({ date: e.date, name: e.name, isOffDay: e.isOffDay, source: e.builtin ? '' : e.source })}>
                        修改
                      </Button>
                      {!e.builtin && (
                        <Button size="compact-xs" variant="subtle" color="red" loading={remove.isPending && remove.variables?.date === e.date} onClick={() => remove.mutate({ date: e.date })}>
                          删除
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing !== undefined && <EntryModal initial={editing} onClose={() => setEditing(undefined)} />}
      <Card withBorder>
        <Title order={5} mb="sm">
          期限与提醒设置
        </Title>
        <DeadlineSettings editable={editable} />
      </Card>
    </Stack>
  );
}
