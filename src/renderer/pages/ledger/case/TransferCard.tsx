import { Badge, Card, Group, SimpleGrid, Stack, Text, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';
import type { CaseViewTransfer } from '../../../../contract/calls/ledgerView';
import { formatDate, shortCourtName } from '../../../format';
import { STATE_COLOR } from '../stateColors';

const Field = ({ label, children }: { label: string; children: ReactNode }) => (
  <div>
    <Text size="xs" c="dimmed">
      {label}
    </Text>
    <Text size="sm">{children || '—'}</Text>
  </div>
);

/** One transfer: mode, courts, decision, the dates of each step and the contacts on both sides. */
export function TransferCard({ t, actions }: { t: CaseViewTransfer; actions?: ReactNode }) {
  const reasons = t.reasons.map((r) => (r === '其他' && t.reasonOther ? `其他（${t.reasonOther}）` : r)).join('、');
  const overdue = t.deadlineOn && t.deadlineOn < new Date().toISOString().slice(0, 10) && !['已化解', '已结案', '已退出'].includes(t.state);
  return (
    <Card withBorder padding="md" data-testid={`transfer-${t.id}`}>
      <Group justify="space-between" mb="xs">
        <Group gap="xs">
          <Text fw={700}>
            {t.mode}执行 · {t.direction}
          </Text>
          <Badge color={STATE_COLOR[t.state] ?? 'gray'} variant="light" data-testid="transfer-state">
            {t.state}
          </Badge>
          {overdue && <Badge color="red">限期已过</Badge>}
        </Group>
        <Group gap="xs">{actions}</Group>
      </Group>
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" verticalSpacing="xs">
        <Field label="原执行法院">{t.originalCourt ? <Tooltip label={t.originalCourt}><span>{shortCourtName(t.originalCourt)}</span></Tooltip> : null}</Field>
        <Field label="承办法院">{t.receivingCourt ? <Tooltip label={t.receivingCourt}><span>{shortCourtName(t.receivingCourt)}</span></Tooltip> : null}{t.receivingTeam ? ` · ${t.receivingTeam}` : ''}</Field>
        <Field label="决定法院">{t.decidingCourt ? shortCourtName(t.decidingCourt) : null}</Field>
        <Field label="启动方式">{t.initiatedBy}</Field>
        <Field label="交叉原因">{reasons}</Field>
        <Field label="决定文书">{[t.decisionDocType, t.decisionDocNo].filter(Boolean).join(' ')}</Field>
        <Field label="决定日期">{t.decisionOn && formatDate(t.decisionOn)}</Field>
        <Field label="限期">{t.deadlineOn && formatDate(t.deadlineOn)}</Field>
        <Field label="原案号">{t.originalCaseNo}</Field>
        <Field label="新案号">{t.newCaseNo}</Field>
        <Field label="报请 / 卷宗移交">{[t.requestedOn, t.handedOverOn].map((d) => d ?? '—').join(' / ')}</Field>
        <Field label="收到 / 立案 / 结案">{[t.receivedOn, t.filedOn, t.closedOn].map((d) => d ?? '—').join(' / ')}</Field>
        <Field label="本院联系人">{[t.ourContact, t.ourPhone].filter(Boolean).join(' ')}</Field>
        <Field label="对方联系人">{[t.theirContact, t.theirPhone].filter(Boolean).join(' ')}</Field>
        <Field label="承办人">{t.handlerName}</Field>
        {t.exitReason && <Field label="退出原因">{t.exitReason}</Field>}
      </SimpleGrid>
      {t.events.length > 0 && (
        <Stack gap={2} mt="sm">
          <Text size="xs" c="dimmed">
            状态记录
          </Text>
          {t.events
            .filter((e) => e.kind === 'created' || e.kind === 'state' || e.kind === 'approval')
            .map((e) => (
              <Text size="xs" key={e.id}>
                {e.effectiveOn} {e.userName}：{e.kind === 'created' ? `创建（${e.toState ?? ''}）` : `${e.fromState ?? ''} → ${e.toState ?? ''}`}
              </Text>
            ))}
        </Stack>
      )}
    </Card>
  );
}
