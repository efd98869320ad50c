import '@mantine/charts/styles.css';
import { useMemo, useState } from 'react';
import { Alert, Badge, Button, Card, Group, Modal, ScrollArea, Select, SimpleGrid, Stack, Table, Tabs, Text, Title, Tooltip } from '@mantine/core';
import { BarChart, CompositeChart } from '@mantine/charts';
import { IconAlertTriangle, IconDownload, IconFileText, IconSend } from '@tabler/icons-react';
import type { WeeklyFigures, WeeklyReportRecord } from '../../../contract/calls/reports';
import { TRANSFER_MODES } from '../../../contract/vocabulary';
import { api, showError, useCall, useCommand } from '../../api/client';
import { saveDownload } from '../../api/files';
import { formatInstant } from '../../format';
import { recentWeeks } from './weeks';
import { useMutation } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { useJob } from '../../jobs/useJob';
import { JobProgress } from '../../jobs/JobProgress';

const MODE_COLORS: Record<string, string> = { 督促: 'indigo.6', 指令: 'teal.6', 提级: 'red.6', 集中: 'yellow.6', 协同: 'violet.6', 委托: 'gray.6', 院内交叉: 'orange.6' };
const SUPERVISORS = ['chief', 'leader', 'admin'];
/** 万元 with two decimals, from fen, on integers (same rounding as the documents). */
const wan = (fen: number) => {
  const h = Math.round(Math.abs(fen) / 10_000);
  return `${fen < 0 && h ? '-' : ''}${Math.floor(h / 100).toLocaleString('en-US')}.${String(h % 100).padStart(2, '0')}`;
};

/** 周报: pick a week, see the figures, generate the DOCX/XLSX/PDF, keep the history, mark 已报送. */
export function ReportsPage() {
  const weeks = useMemo(() => recentWeeks(new Date(), 52), []);
  const [week, setWeek] = useState(weeks[1]!.value);
  const figures = useCall('reports.weekly.figures', { week });
  const history = useCall('reports.weekly.history', {});
  const me = useCall('auth.status', {});
  // Generating runs as a job (src/core/jobs): its steps show as a progress bar; it goes on if the page is left.
  const generateJob = useJob('reports.weekly.generate');
  const generate = useMutation({
    mutationFn: (input: { week: string }) => generateJob.run(input, input.week),
    onSuccess: (r) => notifications.show({ color: 'teal', message: `已生成 ${r.week} 第${r.version}版周报` }),
    onError: showError,
  });
  const canSubmit = SUPERVISORS.includes(me.data?.user?.role ?? '');

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>交叉执行工作周报</Title>
        <Group>
          <Select data-testid="report-week" aria-label="周次" data={weeks} value={week} onChange={(v) => v && setWeek(v)} searchable w={220} allowDeselect={false} />
          <Button leftSection={<IconFileText size={16} />} loading={generate.isPending} onClick={() => generate.mutate({ week })} data-testid="report-generate">
            生成周报文件
          </Button>
        </Group>
      </Group>
      {generateJob.job && <JobProgress job={generateJob.job} onCancel={() => void generateJob.cancel()} />}
      {figures.error && <Alert color="red">{figures.error.message}</Alert>}
      {figures.data && <FiguresView f={figures.data} />}
      <Card withBorder>
        <Title order={4} mb="sm">生成记录</Title>
        <HistoryTable rows={history.data ?? []} canSubmit={canSubmit} />
      </Card>
    </Stack>
  );
}

function Stat({ label, week, total, unit }: { label: string; week: string; total: string; unit: string }) {
  return (
    <Card withBorder padding="sm">
      <Text size="sm" c="dimmed">{label}</Text>
      <Group gap={6} align="baseline">
        <Text fw={700} size="xl" data-testid={`stat-${label}`}>{week}</Text>
        <Text size="sm">{unit}（本周）</Text>
      </Group>
      <Text size="sm">累计 {total} {unit}</Text>
    </Card>
  );
}

function SimpleTable({ head, rows, empty }: { head: string[]; rows: (string | number)[][]; empty: string }) {
  if (!rows.length) return <Text c="dimmed" size="sm">{empty}</Text>;
  return (
    <ScrollArea>
      <Table striped withTableBorder fz="sm">
        <Table.Thead><Table.Tr>{head.map((h) => <Table.Th key={h}>{h}</Table.Th>)}</Table.Tr></Table.Thead>
        <Table.Tbody>{rows.map((r, i) => <Table.Tr key={i}>{r.map((c, j) => <Table.Td key={j}>{c}</Table.Td>)}</Table.Tr>)}</Table.Tbody>
      </Table>
    </ScrollArea>
  );
}

function FiguresView({ f }: { f: WeeklyFigures }) {
  const h = f.headline;
  const trend = f.trend.map((t) => ({ week: `${Number(t.week.slice(6))}周`, 新增案件: t.newCases, 到位金额: Math.round(t.amountFen / 10_000) / 100 }));
  // Split by mode over the same 12 weeks, stacked.
  const trendModes = f.trend.map((t) => ({ week: `${Number(t.week.slice(6))}周`, ...Object.fromEntries(TRANSFER_MODES.map((m) => [m, t.newByMode[m] ?? 0])) }));
  const modes = f.byMode.map((m) => ({ mode: m.mode, 累计案件: m.total, 在办: m.active }));
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">{f.startOn} 至 {f.endOn}，数据截至 {f.endOn} 24 时（北京时间）</Text>
      {f.provisional && <Alert color="yellow" icon={<IconAlertTriangle size={16} />}>本周尚未结束，以下为临时数据；周末结束后再生成报送。</Alert>}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        <Stat label="交叉执行案件" week={String(h.casesWeek)} total={`${h.casesTotal}（在办 ${h.activeCases}）`} unit="件" />
        <Stat label="实质进展或化解" week={String(h.progressWeek)} total={String(h.progressTotal)} unit="件" />
        <Stat label="执行到位金额" week={wan(h.amountWeekFen)} total={wan(h.amountTotalFen)} unit="万元" />
        <Stat label="结案" week={String(f.closure.closedWeek)} total={String(f.closure.closedTotal)} unit="件" />
      </SimpleGrid>
      {!!f.elsewhere?.amountTotalFen && (
        <Text size="sm" c="dimmed" data-testid="report-elsewhere">
          另有执行权在他院的案件（本院移出或仅协助执行）{f.elsewhere.cases} 件，累计到位 {wan(f.elsewhere.amountTotalFen)} 万元（本周 {wan(f.elsewhere.amountWeekFen)} 万元），由现承办法院统计，未计入上方执行到位金额。
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Card withBorder>
          <Text fw={600} mb="xs">近12周新增案件与到位金额（万元）</Text>
          <CompositeChart
            h={260}
            data={trend}
            dataKey="week"
            withLegend
            withRightYAxis
            rightYAxisLabel="万元"
            maxBarWidth={28}
            series={[{ name: '新增案件', color: 'blue.6', type: 'bar' }, { name: '到位金额', color: 'dark.6', type: 'line', yAxisId: 'right' }]}
          />
        </Card>
        <Card withBorder>
          <Text fw={600} mb="xs">近12周新增案件（按交叉执行方式）</Text>
          <BarChart h={260} data={trendModes} dataKey="week" type="stacked" withLegend maxBarWidth={28} series={TRANSFER_MODES.map((m) => ({ name: m, color: MODE_COLORS[m]! }))} />
        </Card>
        <Card withBorder>
          <Text fw={600} mb="xs">按交叉执行方式</Text>
          <BarChart h={260} data={modes} dataKey="mode" withLegend series={[{ name: '累计案件', color: 'blue.6' }, { name: '在办', color: 'teal.6' }]} />
        </Card>
      </SimpleGrid>
      <Tabs defaultValue="rows" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="rows">案件明细（{f.rows.length}）</Tabs.Tab>
          <Tabs.Tab value="split">分类统计</Tabs.Tab>
          <Tabs.Tab value="overdue">逾期事项（{f.overdue.length}）</Tabs.Tab>
          <Tabs.Tab value="idle">本周无进展（{f.noProgress.length}）</Tabs.Tab>
          <Tabs.Tab value="checks">一案双查（{f.doubleChecks.length}）</Tabs.Tab>
          <Tabs.Tab value="corrections">更正说明（{f.corrections.length}）</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="rows" pt="sm">
          <SimpleTable
            head={['案号', '申请执行人', '被执行人', '方式', '原执行法院', '现承办法院', '本周进展', '本周到位（万元）', '累计到位（万元）', '状态', '承办人']}
            rows={f.rows.slice(0, 500).map((r) => [r.caseNo, r.applicants, r.debtors, `${r.mode}（${r.direction}）`, r.originalCourt, r.currentCourt, r.progressText || '—', wan(r.amountWeekFen), wan(r.amountTotalFen), r.state, r.handler])}
            empty="本周没有在办或有变动的交叉执行案件。"
          />
          {f.rows.length > 500 && <Text size="sm" c="dimmed">仅显示前 500 件，完整明细见生成的 Excel 文件。</Text>}
        </Tabs.Panel>
        <Tabs.Panel value="split" pt="sm">
          <Stack>
            <SimpleTable head={['方式', '本周新增', '累计', '在办', '本周到位（万元）', '累计到位（万元）']} rows={f.byMode.map((m) => [m.mode, m.week, m.total, m.active, wan(m.amountWeekFen), wan(m.amountTotalFen)])} empty="" />
            <SimpleTable head={['移送方向', '本周新增', '累计']} rows={f.byDirection.map((d) => [d.direction, d.week, d.total])} empty="" />
            <SimpleTable head={['结案方式', '本周', '累计']} rows={f.closedByType.map((c) => [c.closureType, c.week, c.total])} empty="尚无结案。" />
            <Text size="sm">提级执行 {f.escalation.tiji} 件，占 {f.escalation.sharePercent.toFixed(1)}%；收案至结案平均用时 {f.closure.avgDaysToClose ?? '—'} 日。</Text>
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="overdue" pt="sm">
          <SimpleTable head={['类别', '案号', '期限届满', '逾期（日）', '说明', '依据']} rows={f.overdue.map((o) => [o.kind, o.caseNo, o.dueOn, o.daysOverdue, o.what, o.source])} empty="截至周末没有逾期事项。" />
        </Tabs.Panel>
        <Tabs.Panel value="idle" pt="sm">
          <SimpleTable head={['案号', '方式', '状态', '承办人']} rows={f.noProgress.map((x) => [x.caseNo, x.mode, x.state, x.handler])} empty="每件在办案件本周都登记了进展。" />
        </Tabs.Panel>
        <Tabs.Panel value="checks" pt="sm">
          <SimpleTable head={['案号', '启动日期', '状态', '事由']} rows={f.doubleChecks.map((d) => [d.caseNo, d.raisedOn, d.status, d.reason])} empty="本周没有一案双查案件。" />
        </Tabs.Panel>
        <Tabs.Panel value="corrections" pt="sm">
          <SimpleTable
            head={['案号', '所属周', '该周已报送', '更正内容', '金额变动（万元）']}
            rows={f.corrections.map((c) => [c.caseNo, c.affectedWeek, c.reported ? '是' : '否', c.what, wan(c.amountDeltaFen)])}
            empty="前期数据没有补录、作废或更正。"
          />
        </Tabs.Panel>
      </Tabs>
      {f.notes.map((n) => <Text key={n} size="xs" c="dimmed">{n}</Text>)}
    </Stack>
  );
}

function HistoryTable({ rows, canSubmit }: { rows: WeeklyReportRecord[]; canSubmit: boolean }) {
  const submit = useCommand('reports.weekly.submit', { success: (r) => `${r.week} 第${r.version}版已标记为已报送` });
  const [confirm, setConfirm] = useState<WeeklyReportRecord | null>(null);
  const download = async (id: number, kind: 'docx' | 'xlsx' | 'pdf') => {
    try {
      await saveDownload(await api.run('reports.weekly.download', { reportId: id, kind }));
    } catch (e) {
      showError(e);
    }
  };
  if (!rows.length) return <Text c="dimmed" size="sm">还没有生成过周报。选择周次后点击“生成周报文件”，生成的 Word、Excel、PDF 会保存在这里，并归入电子卷宗的局务档案。</Text>;
  return (
    <>
      <ScrollArea>
        <Table striped withTableBorder fz="sm" data-testid="report-history">
          <Table.Thead>
            <Table.Tr>{['周次', '版本', '状态', '生成人', '生成时间', 'SHA-256（PDF）', '文件', ''].map((h) => <Table.Th key={h}>{h}</Table.Th>)}</Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => {
              const pdf = r.files.find((x) => x.kind === 'pdf');
              return (
                <Table.Tr key={r.id} data-testid={`report-row-${r.week}-${r.version}`}>
                  <Table.Td>{r.week}</Table.Td>
                  <Table.Td>第{r.version}版</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <Badge color={r.status === '已报送' ? 'teal' : 'gray'}>{r.status}</Badge>
                      {r.revision && <Badge color="orange">修订版</Badge>}
                      {r.filedIntoEfiles && <Badge variant="light">已归档</Badge>}
                    </Group>
                    {r.submittedAt && <Text size="xs" c="dimmed">{r.submittedBy} {formatInstant(r.submittedAt)}</Text>}
                  </Table.Td>
                  <Table.Td>{r.generatedBy}</Table.Td>
                  <Table.Td>{formatInstant(r.generatedAt)}</Table.Td>
                  <Table.Td>
                    <Tooltip label={pdf?.sha256}><Text ff="monospace" size="xs">{pdf?.sha256.slice(0, 16)}…</Text></Tooltip>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {r.files.map((x) => (
                        <Button key={x.kind} size="compact-xs" variant="light" leftSection={<IconDownload size={12} />} onClick={() => void download(r.id, x.kind)}>
                          {x.kind.toUpperCase()}
                        </Button>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    {canSubmit && r.status !== '已报送' && (
                      <Button size="compact-xs" leftSection={<IconSend size={12} />} onClick={() => setConfirm(r)} data-testid={`report-submit-${r.week}-${r.version}`}>
                        标记已报送
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      <Modal opened={!!confirm} onClose={() => setConfirm(null)} title="标记为已报送">
        <Text size="sm">{confirm?.week} 第{confirm?.version}版标记为已报送后，该版本的数据和文件不能再更改；此后同一周再生成的版本均标记为修订版。</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setConfirm(null)}>取消</Button>
          <Button
            loading={submit.isPending}
            data-testid="report-submit-confirm"
            onClick={() => confirm && submit.mutate({ reportId: confirm.id }, { onSuccess: () => setConfirm(null) })}
          >
            确认已报送
          </Button>
        </Group>
      </Modal>
    </>
  );
}
