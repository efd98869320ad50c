import { Alert, Badge, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import type { CaseView } from '../../../../contract/calls/ledgerView';
import { useCall, useCommand } from '../../../api/client';
import { DateField } from '../forms/DateField';
import { MissingYearsNotice, ReminderList } from '../deadlines/ReminderList';

type Check = CaseView['supervisions'][number];

/** Records the result of a 一案双查 check (法〔2021〕322号 第31条), which closes it. */
function DoubleCheckResult({ caseId, check }: { caseId: number; check: Check }) {
  const [result, setResult] = useState('');
  const [resultOn, setResultOn] = useState('');
  const save = useCommand('ledger.edit.saveSupervision', { success: '一案双查结果已登记' });
  return (
    <Alert color="grape" variant="light" title={`一案双查 · 进行中（${check.raisedOn} 启动）`} data-testid="double-check-open">
      <Stack gap="xs">
        <Text size="sm">{check.reason}</Text>
        <Group align="end" wrap="nowrap">
          <Textarea
            label="检查结果"
            placeholder="原执行情况和干警纪律作风的检查结论"
            autosize
            minRows={1}
            style={{ flex: 1 }}
            value={result}
            onChange={(e) => setResult(e.currentTarget.value)}
            maxLength={1000}
          />
          <DateField label="办结日期" w={140} value={resultOn} onChange={(e) => setResultOn(typeof e === 'string' ? e : e.currentTarget.value)} />
          <Button
            loading={save.isPending}
            disabled={!result.trim() || !resultOn}
            onClick={() =>
              save.mutate({
                caseId,
                supervisionId: check.id,
                transferId: check.transferId ?? undefined,
                kind: '一案双查',
                raisedOn: check.raisedOn,
                reason: check.reason ?? undefined,
                result,
                resultOn,
              })
            }
          >
            登记结果
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

/** The case page's deadlines card: this case's reminders (all levels) and any open 一案双查 check. */
export function CaseDeadlines({ view }: { view: CaseView }) {
  const caseId = view.case.id;
  const r = useCall('ledger.reminders.list', { caseId, limit: 100 });
  const open = view.supervisions.filter((s) => s.kind === '一案双查' && s.status !== '已办结');
  const urgent = (r.data?.counts.overdue ?? 0) + (r.data?.counts.soon ?? 0);
  return (
    <Card withBorder data-testid="case-reminders">
      <Group gap="sm" mb="xs">
        <Title order={5}>期限提醒</Title>
        {r.data && r.data.counts.overdue > 0 && <Badge color="red">已逾期 {r.data.counts.overdue}</Badge>}
        {r.data && r.data.counts.soon > 0 && <Badge color="orange">即将到期 {r.data.counts.soon}</Badge>}
        {r.data && urgent === 0 && r.data.items.length > 0 && (
          <Badge color="teal" variant="light">
            暂无逾期
          </Badge>
        )}
      </Group>
      <Stack gap="sm">
        <MissingYearsNotice years={r.data?.missingYears.filter((y) => r.data!.items.some((i) => i.warning && i.dueOn.startsWith(String(y)))) ?? []} />
        {open.map((c) => (
          <DoubleCheckResult key={c.id} caseId={caseId} check={c} />
        ))}
        <ReminderList items={r.data?.items ?? []} showCase={false} empty="本案暂无期限提醒（已结案，或尚未登记收到申请执行书、立案、移入、督促限期、案款到位等日期）。" />
      </Stack>
    </Card>
  );
}
