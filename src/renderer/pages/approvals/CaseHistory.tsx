import { Anchor, Badge, Card, Group, ScrollArea, Stack, Text, Timeline, Title } from '@mantine/core';
import { useNavigate } from 'react-router';
import type { RequestDetail } from '../../../contract/calls/approvals';
import { formatYuanOrDash } from '../../format';
import { STATE_COLOR } from '../ledger/stateColors';

/** Beside the decision: each case's facts and history (transfer events and progress), newest first. */
export function CaseHistory({ cases }: { cases: RequestDetail['cases'] }) {
  const navigate = useNavigate();
  return (
    <Stack data-testid="case-history">
      {cases.map((c) => (
        <Card withBorder key={c.caseId}>
          <Group justify="space-between" mb={4}>
            <Anchor fw={600} onClick={() => navigate(`/ledger/case/${c.caseId}`)}>
              {c.caseNo}
            </Anchor>
            <Badge color={STATE_COLOR[c.transferState] ?? 'gray'} variant="light">
              {c.transferState}
            </Badge>
          </Group>
          <Text size="sm">
            {c.cause ?? '—'} · 标的 {formatYuanOrDash(c.amountDueFen)} 元 · 立案 {c.filedOn ?? '—'}
          </Text>
          <Text size="sm" c="dimmed">
            申请执行人：{c.applicants.join('、') || '—'}；被执行人：{c.debtors.join('、') || '—'}；承办人：{c.handlerName ?? '—'}
          </Text>
          <Title order={6} mt="sm" mb={6}>
            案件经过
          </Title>
          {c.history.length === 0 ? (
            <Text size="sm" c="dimmed">
              台账中尚无进展记录。
            </Text>
          ) : (
            <ScrollArea.Autosize mah={420}>
              <Timeline bulletSize={12} lineWidth={2}>
                {c.history.map((h, i) => (
                  <Timeline.Item key={i} title={<Text size="sm" fw={600}>{h.what}</Text>}>
                    {h.detail && <Text size="sm">{h.detail}</Text>}
                    <Text size="xs" c="dimmed">
                      {h.on} · {h.who}
                    </Text>
                  </Timeline.Item>
                ))}
              </Timeline>
            </ScrollArea.Autosize>
          )}
        </Card>
      ))}
    </Stack>
  );
}
