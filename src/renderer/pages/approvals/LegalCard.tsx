import { Alert, Badge, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import type { RequestDetail } from '../../../contract/calls/approvals';

type Clock = NonNullable<RequestDetail['cases'][number]['legal']['clock']>;

/** The ledger's six-month status in one line: due / past, from which day and why, what was deducted. */
function clockLine(c: Clock | null): { badge: string; color: string; text: string } {
  if (!c) return { badge: '无记录', color: 'gray', text: '台账中无该案。' };
  if (!c.runs) return { badge: '不计算', color: 'gray', text: c.why };
  const ded = c.deductedDays ? `，已扣除期间 ${c.deductedDays} 日` : '';
  const state = c.past ? `已超过六个月（${c.endOn} 届满，已逾 ${-(c.daysLeft ?? 0)} 日）` : `六个月于 ${c.endOn} 届满（尚余 ${c.daysLeft} 日）`;
  return { badge: c.past ? '已超六个月' : '未满六个月', color: c.past ? 'red' : 'blue', text: `自${c.startKind} ${c.startOn} 起算${ded}；${state}。起算理由：${c.why}` };
}

/**
 * What the chief needs to judge a request against the ledger: each case's six-month clock (the same
 * engine as the ledger and the weekly report), which grounds hold with their legal source, and the
 * soft 甩包袱 warnings (never blocks).
 */
export function LegalCard({ d }: { d: RequestDetail }) {
  return (
    <Card withBorder data-testid="request-legal">
      <Title order={5} mb="xs">
        台账六个月期限与报请依据
      </Title>
      <Stack gap="sm">
        {d.offloadWarnings.length > 0 && (
          <Alert color="orange" title="可能被视为“甩包袱”（软提示，不影响审批）" data-testid="offload-warnings">
            <List size="sm">
              {d.offloadWarnings.map((w, i) => (
                <List.Item key={i}>
                  {d.cases.length > 1 ? `${w.caseNo}：` : ''}
                  {w.message}
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        {d.cases.map((c) => {
          const l = clockLine(c.legal.clock);
          return (
            <Stack key={c.caseId} gap={4} data-testid="case-clock">
              <Group gap="xs">
                <Text fw={500} size="sm">
                  {c.caseNo}
                </Text>
                <Badge color={l.color} variant="light">
                  {l.badge}
                </Badge>
                <Text size="xs" c="dimmed">
                  {c.legal.snapshot ? `报请时（${c.legal.asOf}）的台账状态` : `截至 ${c.legal.asOf}`}
                </Text>
              </Group>
              <Text size="sm">{l.text}</Text>
              {c.legal.clock?.warning && (
                <Text size="xs" c="orange">
                  {c.legal.clock.warning}
                </Text>
              )}
              <Text size="xs" c="dimmed">
                依据：{c.legal.clock?.source}
              </Text>
              <List size="sm" spacing={2}>
                {c.legal.grounds.map((g) => (
                  <List.Item key={g.reason}>
                    <Text span size="sm" c={g.holds ? undefined : 'red'}>
                      {g.holds ? <IconCheck size={14} aria-label="成立" style={{ verticalAlign: -2 }} /> : <IconX size={14} aria-label="不成立" style={{ verticalAlign: -2 }} />} {g.reason}
                      {g.note ? `：${g.note}` : ''}
                    </Text>
                    <Text span size="xs" c="dimmed">
                      {' '}
                      （{g.source}）
                    </Text>
                  </List.Item>
                ))}
              </List>
            </Stack>
          );
        })}
      </Stack>
    </Card>
  );
}
