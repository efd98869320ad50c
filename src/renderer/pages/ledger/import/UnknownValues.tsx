import { Alert, Button, Group, Select, Stack, Text } from '@mantine/core';
import { IconLanguage } from '@tabler/icons-react';
import { useState } from 'react';
import { SYNONYM_KIND_LABELS, SYNONYM_TARGETS, type ImportPreviewResult } from '../../../../contract/calls/ledgerExcel';
import { useCommand } from '../../../api/client';

type Unknown = ImportPreviewResult['unknownValues'][number];

/**
 * Words in the file that no vocabulary knows (e.g. a bureau's own name for a 交叉方式). The
 * administrator can say what each means right here — "把「…」视为…" — which adds a synonym used by
 * every later import (设置 → 台账导入), and the preview is checked again.
 */
export function UnknownValues({ values, isAdmin, onAdded }: { values: Unknown[]; isAdmin: boolean; onAdded: () => void }) {
  if (!values.length) return null;
  return (
    <Alert color="orange" icon={<IconLanguage size={18} />} title="台账中有系统不认识的用语" data-testid="import-unknown-values">
      <Stack gap="xs">
        <Text size="sm">
          {isAdmin
            ? '请选择每个用语对应的系统用语。保存后，本次及以后的导入都按此识别（可在“设置 → 台账导入”中修改或删除）。'
            : '这些行暂不能导入。请管理员在导入预览或“设置 → 台账导入”中说明这些用语的含义，或在 Excel 中改为系统用语后重新导入。'}
        </Text>
        {values.map((u) => (
          <UnknownLine key={`${u.kind}:${u.value}`} u={u} isAdmin={isAdmin} onAdded={onAdded} />
        ))}
      </Stack>
    </Alert>
  );
}

function UnknownLine({ u, isAdmin, onAdded }: { u: Unknown; isAdmin: boolean; onAdded: () => void }) {
  const [target, setTarget] = useState<string | null>(null);
  const save = useCommand('ledger.import.synonyms.save', { success: (r) => `已把「${r.phrase}」视为「${r.value}」` });
  const label = SYNONYM_KIND_LABELS[u.kind];
  return (
    <Group gap="sm" wrap="wrap">
      <Text size="sm" fw={500}>
        {label}「{u.value}」
      </Text>
      <Text size="sm" c="dimmed">
        {u.rows} 行
      </Text>
      {isAdmin && (
        <>
          <Select
            size="xs"
            w={170}
            placeholder={`选择${label}`}
            aria-label={`「${u.value}」对应的${label}`}
            data={[...SYNONYM_TARGETS[u.kind]]}
            value={target}
            onChange={setTarget}
            comboboxProps={{ withinPortal: true }}
          />
          <Button size="xs" disabled={!target} loading={save.isPending} onClick={() => target && save.mutate({ kind: u.kind, phrase: u.value, value: target }, { onSuccess: onAdded })}>
            {target ? `把「${u.value}」视为「${target}」` : '视为…'}
          </Button>
        </>
      )}
    </Group>
  );
}
