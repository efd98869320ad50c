import { Badge, Button, Group, Modal, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { DataTable } from 'mantine-datatable';
import { useState } from 'react';
import { COURT_LEVELS, courtInput, splitLegacyNames, type CourtRow } from '../../../contract/calls/courts';
import { useCall, useCommand } from '../../api/client';

/**
 * 设置 → 法院: the court directory every case and transfer must name. Seeded for 宜昌 (codes derived
 * from GB/T 2260, marked 🟡 in the seed); the administrator corrects names, adds courts elsewhere,
 * and deactivates (never deletes) courts that are no longer used.
 */
export function CourtsAdmin() {
  const courts = useCall('courts.list', { includeInactive: true });
  const [editing, setEditing] = useState<CourtRow | 'new' | null>(null);
  const nameOf = (code: string | null) => (code ? (courts.data?.courts.find((c) => c.code === code)?.name ?? code) : '—');
  return (
    <Stack>
      <Group justify="space-between">
        <Text c="dimmed" size="sm">
          案件和交叉执行记录中的法院须在名录中。代字按《关于人民法院案件案号的若干规定》（法〔2015〕137号）第四、五条由行政区划代码推得，请以最高人民法院公布的代字为准核对。
        </Text>
        <Button onClick={() => setEditing('new')}>新增法院</Button>
      </Group>
      <DataTable
        withTableBorder
        striped
        minHeight={160}
        noRecordsText="名录为空：请先新增本院及上级法院"
        records={courts.data?.courts ?? []}
        idAccessor="code"
        fetching={courts.isLoading}
        columns={[
          { accessor: 'code', title: '代字', width: 90 },
          { accessor: 'name', title: '法院名称' },
          { accessor: 'level', title: '级别', width: 70 },
          { accessor: 'parentCode', title: '上级法院', render: (c) => nameOf(c.parentCode) },
          { accessor: 'legacyNames', title: '旧式简称', render: (c) => c.legacyNames.join('、') || '—' },
          { accessor: 'useCount', title: '引用记录', width: 90, textAlign: 'right' },
          { accessor: 'active', title: '状态', width: 80, render: (c) => (c.active ? <Badge color="teal">启用</Badge> : <Badge color="gray">已停用</Badge>) },
          {
            accessor: 'actions',
            title: '操作',
            width: 80,
            render: (c) => (
              <Button size="compact-xs" variant="light" onClick={() => setEditing(c)} aria-label={`编辑${c.name}`}>
                编辑
              </Button>
            ),
          },
        ]}
      />
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? '新增法院' : `编辑：${editing?.name ?? ''}`}>
        {editing !== null && <CourtForm court={editing === 'new' ? null : editing} courts={courts.data?.courts ?? []} onDone={() => setEditing(null)} />}
      </Modal>
    </Stack>
  );
}

function CourtForm({ court, courts, onDone }: { court: CourtRow | null; courts: CourtRow[]; onDone: () => void }) {
  const save = useCommand('courts.save', { success: (r) => (r.created ? `已新增法院 ${r.code}` : `已保存 ${r.code}`) });
  const form = useForm({
    mode: 'controlled',
    validateInputOnBlur: true,
    initialValues: {
      courtCode: court?.code ?? '',
      courtName: court?.name ?? '',
      level: (court?.level ?? '基层') as (typeof COURT_LEVELS)[number],
      parentCode: court?.parentCode ?? '',
      active: court?.active ?? true,
      legacyNames: court?.legacyNames.join('、') ?? '',
    },
    // The same schema the server checks, so the message appears while typing.
    validate: (v) => {
      const r = courtInput.safeParse({ ...v, legacyNames: splitLegacyNames(v.legacyNames) });
      if (r.success) return {};
      const out: Record<string, string> = {};
      for (const i of r.error.issues) out[String(i.path[0])] ??= i.message;
      return out;
    },
  });
  const parents = courts.filter((c) => c.code !== court?.code && c.level !== '基层').map((c) => ({ value: c.code, label: `${c.name}（${c.code}）` }));
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate({ ...v, legacyNames: splitLegacyNames(v.legacyNames) }, { onSuccess: onDone }))}>
      <Stack>
        <TextInput label="法院代字" placeholder="如 鄂0505" disabled={!!court} description={court ? '代字被案件引用，不能修改' : undefined} {...form.getInputProps('courtCode')} />
        <TextInput label="法院名称" placeholder="如 宜昌市猇亭区人民法院" {...form.getInputProps('courtName')} />
        <Select label="级别" data={[...COURT_LEVELS]} allowDeselect={false} {...form.getInputProps('level')} />
        <Select label="上级法院" data={parents} clearable searchable placeholder="无" {...form.getInputProps('parentCode')} onChange={(v) => form.setFieldValue('parentCode', v ?? '')} />
        <TextInput
          label="旧式简称"
          placeholder="如 鄂猇亭、宜猇"
          description="2016 年以前案号中的法院简称（如（2015）鄂猇亭执字第123号中的“鄂猇亭”），多个用顿号分隔；旧案号凭此认定法院"
          {...form.getInputProps('legacyNames')}
        />
        <Switch label="启用（停用后不再出现在选择列表中，已有记录不受影响）" {...form.getInputProps('active', { type: 'checkbox' })} />
        <Button type="submit" loading={save.isPending}>
          保存
        </Button>
      </Stack>
    </form>
  );
}
