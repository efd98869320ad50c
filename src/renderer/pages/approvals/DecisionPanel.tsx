import { Alert, Button, Card, Radio, Group, Stack, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import type { DecisionOutcome } from '../../../contract/calls/approvals';
import { useCommand } from '../../api/client';

const PLACEHOLDER: Record<DecisionOutcome, string> = {
  同意: '可不填，默认为“同意。”',
  退回补充: '写明需要补充的材料或内容（必填）',
  不同意: '写明不同意的理由（必填）',
};

/** 同意 / 退回补充 / 不同意 with the opinion; 退回 and 不同意 need one (the server refuses otherwise). */
export function DecisionPanel({ requestId, level }: { requestId: number; level: number | null }) {
  const [outcome, setOutcome] = useState<DecisionOutcome>('同意');
  const [opinion, setOpinion] = useState('');
  const [touched, setTouched] = useState(false);
  const decide = useCommand('approvals.decide', { success: (d) => `已${d.request.state === '待院领导审批' ? '同意，报分管院领导审批' : `作出决定：${d.request.state}`}` });
  const missing = outcome !== '同意' && !opinion.trim();
  return (
    <Card withBorder data-testid="decision-panel" style={{ borderColor: 'var(--mantine-color-blue-4)' }}>
      <Stack>
        <Title order={5}>{level === 2 ? '分管院领导审批' : '执行局长审批'}</Title>
        <Radio.Group value={outcome} onChange={(v) => setOutcome(v as DecisionOutcome)}>
          <Group>
            <Radio value="同意" label="同意" color="teal" />
            <Radio value="退回补充" label="退回补充" color="orange" />
            <Radio value="不同意" label="不同意" color="red" />
          </Group>
        </Radio.Group>
        <Textarea
          label="审批意见"
          placeholder={PLACEHOLDER[outcome]}
          autosize
          minRows={3}
          value={opinion}
          onChange={(e) => setOpinion(e.currentTarget.value)}
          error={touched && missing ? (outcome === '退回补充' ? '退回补充时请写明需要补充的内容' : '不同意时请写明理由') : undefined}
          data-testid="opinion"
        />
        {decide.error && <Alert color="red">{decide.error.error.message}</Alert>}
        <Group>
          <Button
            color={outcome === '同意' ? 'teal' : outcome === '退回补充' ? 'orange' : 'red'}
            loading={decide.isPending}
            onClick={() => {
              setTouched(true);
              if (missing) return;
              decide.mutate({ requestId, outcome, opinion });
            }}
            data-testid="decide"
          >
            提交决定：{outcome}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
