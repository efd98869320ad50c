import { Alert, Anchor, Badge, Card, Group, Loader, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useCall } from '../../../api/client';
import { formatDate, formatYuanOrDash, shortCourtName } from '../../../format';
import { CaseTimeline } from './CaseTimeline';
import { timelineItems } from './timelineItems';
import { TransfersPanel } from './TransfersPanel';
import { ProgressTable } from './ProgressTable';
import { PartiesTable } from './PartiesTable';
import { DeductionsTable } from './DeductionsTable';
import { SupervisionTable } from './SupervisionTable';
import { CaseActions } from './CaseActions';
import { CaseDeadlines } from './CaseDeadlines';

const Field = ({ label, children }: { label: string; children: ReactNode }) => (
  <div>
    <Text size="xs" c="dimmed">
      {label}
    </Text>
    <Text size="sm" fw={500}>
      {children || '—'}
    </Text>
  </div>
);

/** 案件页: the case, its parties, transfers, progress, a time line, deadlines, deductible intervals, supervision — each tab also edits what it shows. */
export function CasePage() {
  const navigate = useNavigate();
  const caseId = Number(useParams().id);
  const view = useCall('ledger.caseView', { caseId }, { enabled: Number.isInteger(caseId) && caseId > 0 });
  if (view.isLoading) return <Loader />;
  if (view.error || !view.data)
    return (
      <Alert color="red" title="无法打开案件">
        {view.error?.message ?? '案件不存在'} <Anchor onClick={() => navigate('/ledger')}>返回台账</Anchor>
      </Alert>
    );
  const v = view.data;
  const c = v.case;
  return (
    <Stack>
      <Group justify="space-between" align="start">
        <Stack gap={4}>
          <Anchor size="sm" onClick={() => navigate(-1)}>
            ← 返回
          </Anchor>
          <Group gap="xs">
            <Title order={3} data-testid="case-title">
              {c.caseNo}
            </Title>
            {c.closedOn ? <Badge color="green">已结案{c.closureType ? ` · ${c.closureType}` : ''}</Badge> : <Badge color="indigo">在办</Badge>}
            {c.zhongbenBasis && (
              <Badge color="gray" variant="outline" title="民诉法解释第五百一十七条">
                终本依据：{c.zhongbenBasis}
              </Badge>
            )}
            {c.source === 'import' && (
              <Badge color="gray" variant="outline">
                台账导入
              </Badge>
            )}
          </Group>
        </Stack>
        <CaseActions view={v} />
      </Group>
      {c.duplicateOf && (
        <Alert color="orange" title="案号重复" data-testid="case-duplicate">
          本案案号与 <Anchor onClick={() => navigate(`/ledger/case/${c.duplicateOf!.id}`)}>{c.duplicateOf.caseNo}</Anchor> 相同（编号前的 0 不计，法〔2015〕137号 第十条），是升级数据库时发现的。两案数据均已保留；请核对后把错登的一案改为正确案号（改号后此提示消失）。
        </Alert>
      )}
      <Card withBorder>
        <SimpleGrid cols={{ base: 2, md: 5 }} spacing="sm" verticalSpacing="sm">
          <Field label="案由">{c.cause}</Field>
          <Field label="执行依据">{[c.basisTitle, c.basisDocNo].filter(Boolean).join(' ')}</Field>
          <Field label="执行法院">{c.courtName ? shortCourtName(c.courtName) : c.courtCode}</Field>
          <Field label="承办人">{c.handlerName}</Field>
          <Field label="执行标的（元）">{formatYuanOrDash(c.amountDueFen)}</Field>
          <Field label="收到申请执行书">{c.applicationReceivedOn && formatDate(c.applicationReceivedOn)}</Field>
          <Field label="发现财产">{c.propertyFoundOn && formatDate(c.propertyFoundOn)}</Field>
          <Field label="立案日期">{c.filedOn && formatDate(c.filedOn)}</Field>
          <Field label="结案日期">{c.closedOn && formatDate(c.closedOn)}</Field>
          <Field label="累计到位（元）">
            <span data-testid="case-recovered">{formatYuanOrDash(v.recoveredFen)}</span>
          </Field>
        </SimpleGrid>
        {c.note && (
          <Text size="sm" c="dimmed" mt="sm">
            备注：{c.note}
          </Text>
        )}
      </Card>
      <CaseDeadlines view={v} />
      <Tabs defaultValue="parties" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="parties">当事人（{v.parties.length}）</Tabs.Tab>
          <Tabs.Tab value="transfers">交叉执行（{v.transfers.length}）</Tabs.Tab>
          <Tabs.Tab value="progress">执行进展（{v.progress.filter((p) => !p.voidedAt).length}）</Tabs.Tab>
          <Tabs.Tab value="timeline">时间线</Tabs.Tab>
          <Tabs.Tab value="deductions">扣除期间（{v.deductions.length}）</Tabs.Tab>
          <Tabs.Tab value="supervision">督办与一案双查（{v.supervisions.length}）</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="parties" pt="md">
          <PartiesTable view={v} />
        </Tabs.Panel>
        <Tabs.Panel value="transfers" pt="md">
          <TransfersPanel view={v} />
        </Tabs.Panel>
        <Tabs.Panel value="progress" pt="md">
          <ProgressTable view={v} />
        </Tabs.Panel>
        <Tabs.Panel value="timeline" pt="md">
          <CaseTimeline items={timelineItems(v)} />
        </Tabs.Panel>
        <Tabs.Panel value="deductions" pt="md">
          <DeductionsTable view={v} />
        </Tabs.Panel>
        <Tabs.Panel value="supervision" pt="md">
          <SupervisionTable view={v} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
