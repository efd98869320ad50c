import { Alert, Button, Checkbox, Group, MultiSelect, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { TRANSFER_MODES, TRANSFER_REASONS, type TransferMode } from '../../../contract/vocabulary';
import type { RequestDetail } from '../../../contract/calls/approvals';
import { CallFailed, useCall } from '../../api/client';
import { MODE_HINT } from './labels';

export type DraftValues = {
  caseIds: number[];
  mode: TransferMode;
  reasons: (typeof TRANSFER_REASONS)[number][];
  reasonOther: string;
  receivingCourtCode: string | null;
  receivingTeam: string;
  proposal: string;
  summaryProcess: string;
  summaryProperty: string;
  summaryGrounds: string;
};

export function valuesOf(d: RequestDetail): DraftValues {
  const r = d.request;
  return {
    caseIds: d.cases.map((c) => c.caseId),
    mode: r.mode,
    reasons: r.reasons,
    reasonOther: r.reasonOther ?? '',
    receivingCourtCode: r.receivingCourtCode,
    receivingTeam: r.receivingTeam ?? '',
    proposal: r.proposal,
    summaryProcess: r.summaryProcess,
    summaryProperty: r.summaryProperty,
    summaryGrounds: r.summaryGrounds,
  };
}

export const EMPTY_DRAFT: DraftValues = {
  caseIds: [],
  mode: '指令',
  reasons: [],
  reasonOther: '',
  receivingCourtCode: null,
  receivingTeam: '',
  proposal: '',
  summaryProcess: '',
  summaryProperty: '',
  summaryGrounds: '',
};

/**
 * The handler's request form: cases (several for 集中执行), mode, reasons, receiving court or team,
 * and the short case summary. The server checks completeness on 提交; a draft can be saved half-filled.
 */
export function RequestForm({
  initial,
  knownCases = [],
  saving,
  error,
  onSave,
  onCancel,
}: {
  initial: DraftValues;
  knownCases?: { caseId: number; caseNo: string }[];
  saving: boolean;
  error: CallFailed | null;
  onSave: (v: DraftValues) => void;
  onCancel?: () => void;
}) {
  const [v, setV] = useState<DraftValues>(initial);
  const [search, setSearch] = useState('');
  const [dq] = useDebouncedValue(search, 300);
  const cand = useCall('approvals.candidates', { q: dq || undefined }, { placeholderData: (p) => p });
  const set = <K extends keyof DraftValues>(k: K, val: DraftValues[K]) => setV((o) => ({ ...o, [k]: val }));
  const field = error?.error.field;
  const errOf = (name: string) => (field === name ? error!.error.message : undefined);

  const caseOptions = useMemo(() => {
    const seen = new Map<string, { value: string; label: string; disabled?: boolean }>();
    for (const k of knownCases) seen.set(String(k.caseId), { value: String(k.caseId), label: k.caseNo });
    for (const c of cand.data?.cases ?? []) {
      const tag = c.closed ? '（已结案）' : c.openRequestId ? `（已在请求 ${c.openRequestId} 中）` : c.suggestion ? `（${c.suggestion}）` : '';
      const label = `${c.caseNo} ${c.debtors.slice(0, 2).join('、')}${tag}`;
      if (!seen.has(String(c.caseId))) seen.set(String(c.caseId), { value: String(c.caseId), label, disabled: c.closed });
    }
    return [...seen.values()];
  }, [cand.data, knownCases]);
  const own = cand.data?.ownCourtCode;
  const courts = (cand.data?.courts ?? []).filter((c) => c.code !== own).map((c) => ({ value: c.code, label: `${c.name}（${c.level}）` }));
  const internal = v.mode === '院内交叉';

  return (
    <Stack data-testid="request-form">
      <MultiSelect
        label="案件"
        description="可选多件关联案件（集中执行）；带“超六个月未执行”等提示的是台账发现的候选案件"
        placeholder="输入案号或当事人搜索"
        searchable
        searchValue={search}
        onSearchChange={setSearch}
        data={caseOptions}
        value={v.caseIds.map(String)}
        onChange={(ids) => set('caseIds', ids.map(Number))}
        error={errOf('caseIds')}
        nothingFoundMessage="没有找到案件"
        data-testid="case-picker"
      />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Select
          label="交叉执行方式"
          data={TRANSFER_MODES.map((m) => ({ value: m, label: m === '院内交叉' ? '院内交叉' : `${m}执行` }))}
          value={v.mode}
          onChange={(m) => m && set('mode', m as TransferMode)}
          description={MODE_HINT[v.mode]}
          allowDeselect={false}
          data-testid="mode-select"
        />
        {internal ? (
          <TextInput label="拟接收团队/承办人" value={v.receivingTeam} onChange={(e) => set('receivingTeam', e.currentTarget.value)} error={errOf('receivingTeam')} />
        ) : (
          <Select
            label="拟接收法院"
            placeholder="从法院名录中选择"
            searchable
            clearable
            data={courts}
            value={v.receivingCourtCode}
            onChange={(c) => set('receivingCourtCode', c)}
            error={errOf('receivingCourtCode')}
            description={v.mode === '提级' ? '提级执行：选择上级（中级）人民法院' : v.mode === '督促' ? '督促执行可不填' : undefined}
            data-testid="court-select"
          />
        )}
      </SimpleGrid>
      <Checkbox.Group label="报请理由" value={v.reasons} onChange={(r) => set('reasons', r as DraftValues['reasons'])} error={errOf('reasons')}>
        <Group mt={6}>
          {TRANSFER_REASONS.map((r) => (
            <Checkbox key={r} value={r} label={r} />
          ))}
        </Group>
      </Checkbox.Group>
      {v.reasons.includes('其他') && (
        <TextInput label="其他理由" value={v.reasonOther} onChange={(e) => set('reasonOther', e.currentTarget.value)} error={errOf('reasonOther')} />
      )}
      <Textarea label="执行经过" autosize minRows={3} value={v.summaryProcess} onChange={(e) => set('summaryProcess', e.currentTarget.value)} error={errOf('summaryProcess')} />
      <Textarea label="财产情况" autosize minRows={2} value={v.summaryProperty} onChange={(e) => set('summaryProperty', e.currentTarget.value)} error={errOf('summaryProperty')} />
      <Textarea label="申请理由" autosize minRows={2} value={v.summaryGrounds} onChange={(e) => set('summaryGrounds', e.currentTarget.value)} error={errOf('summaryGrounds')} />
      <Textarea
        label="承办人意见"
        description="不填则为“建议报请……执行。”"
        autosize
        minRows={2}
        value={v.proposal}
        onChange={(e) => set('proposal', e.currentTarget.value)}
        error={errOf('proposal')}
      />
      {error && !field && (
        <Alert color="red" data-testid="form-error">
          {error.error.message}
        </Alert>
      )}
      {error && field && (
        <Text c="red" size="sm" data-testid="form-error">
          {error.error.message}
        </Text>
      )}
      <Group>
        <Button loading={saving} onClick={() => onSave(v)} data-testid="save-draft">
          保存草稿
        </Button>
        {onCancel && (
          <Button variant="default" onClick={onCancel}>
            取消
          </Button>
        )}
      </Group>
    </Stack>
  );
}

/** Form values → the call's input (empty text as absent). */
export function draftInput(v: DraftValues) {
  return {
    caseIds: v.caseIds,
    mode: v.mode,
    reasons: v.reasons,
    reasonOther: v.reasonOther || undefined,
    receivingCourtCode: v.mode === '院内交叉' ? null : v.receivingCourtCode,
    receivingTeam: v.mode === '院内交叉' ? v.receivingTeam || null : null,
    proposal: v.proposal,
    summaryProcess: v.summaryProcess,
    summaryProperty: v.summaryProperty,
    summaryGrounds: v.summaryGrounds,
  };
}
