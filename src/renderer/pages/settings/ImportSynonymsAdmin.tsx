import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { DataTable } from 'mantine-datatable';
import { useState } from 'react';
import { SYNONYM_KINDS, SYNONYM_KIND_LABELS, SYNONYM_TARGETS, type SynonymKind } from '../../../contract/calls/ledgerExcel';
import { useCall, useCommand } from '../../api/client';
import { formatInstant } from '../../format';

/**
 * 设置 → 台账导入: the words of this bureau's ledgers for 交叉方式, 方向, 状态 and 结案方式 that the
 * built-in tables do not know (a local setting, stored in the database). Added here or from the
 * import preview ("把「…」视为…"); every later import reads them.
 */
export function ImportSynonymsAdmin() {
  const list = useCall('ledger.import.synonyms.list', {});
  const remove = useCommand('ledger.import.synonyms.delete', { success: '已删除' });
  return (
    <Stack>
      <Text c="dimmed" size="sm">
        导入台账时，系统已认识常见写法（如 指定执行＝指令、内部交叉（变更承办人）＝院内交叉、提级管辖执行＝提级、本院／我院＝本院）。本院台账的其他写法可在此说明其含义，也可在导入预览中直接添加。
      </Text>
      <AddSynonym />
      <DataTable
        withTableBorder
        striped
        minHeight={120}
        noRecordsText="尚未添加同义词"
        records={list.data ?? []}
        idAccessor={(r) => `${r.kind}:${r.phrase}`}
        fetching={list.isLoading}
        data-testid="import-synonyms-table"
        columns={[
          { accessor: 'kind', title: '列', width: 100, render: (r) => SYNONYM_KIND_LABELS[r.kind] },
          { accessor: 'phrase', title: '台账中的写法' },
          { accessor: 'value', title: '视为', width: 160 },
          { accessor: 'createdBy', title: '添加人', width: 140 },
          { accessor: 'createdAt', title: '时间', width: 160, render: (r) => formatInstant(r.createdAt) },
          {
            accessor: 'actions',
            title: '操作',
            width: 80,
            render: (r) => (
              <Button size="compact-xs" color="red" variant="light" loading={remove.isPending} onClick={() => remove.mutate({ kind: r.kind, phrase: r.phrase })} aria-label={`删除「${r.phrase}」`}>
                删除
              </Button>
            ),
          },
        ]}
      />
    </Stack>
  );
}

function AddSynonym() {
  const [kind, setKind] = useState<SynonymKind>('mode');
  const [phrase, setPhrase] = useState('');
  const [value, setValue] = useState<string | null>(null);
  const save = useCommand('ledger.import.synonyms.save', { success: (r) => `已把「${r.phrase}」视为「${r.value}」` });
  return (
    <Group align="end">
      <Select
        label="列"
        w={120}
        allowDeselect={false}
        data={SYNONYM_KINDS.map((k) => ({ value: k, label: SYNONYM_KIND_LABELS[k] }))}
        value={kind}
        onChange={(k) => (setKind((k ?? 'mode') as SynonymKind), setValue(null))}
      />
      <TextInput label="台账中的写法" placeholder="如 异地交叉执行" w={240} maxLength={50} value={phrase} onChange={(e) => setPhrase(e.currentTarget.value)} />
      <Select label="视为" w={180} placeholder="选择系统用语" data={[...SYNONYM_TARGETS[kind]]} value={value} onChange={setValue} />
      <Button
        disabled={!phrase.trim() || !value}
        loading={save.isPending}
        onClick={() => value && save.mutate({ kind, phrase, value }, { onSuccess: () => (setPhrase(''), setValue(null)) })}
      >
        添加
      </Button>
    </Group>
  );
}
