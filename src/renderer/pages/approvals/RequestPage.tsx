import { Alert, Anchor, Badge, Button, Card, Grid, Group, Modal, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { RequestDetail } from '../../../contract/calls/approvals';
import { api, CallFailed, useCall, useCommand } from '../../api/client';
import { formatInstant } from '../../format';
import { CaseHistory } from './CaseHistory';
import { DecisionPanel } from './DecisionPanel';
import { AttachmentsCard, DocumentsCard } from './FilesCard';
import { OUTCOME_COLOR, REQUEST_COLOR } from './labels';
import { LegalCard } from './LegalCard';
import { draftInput, RequestForm, valuesOf, type DraftValues } from './RequestForm';
import { useQueryClient } from '@tanstack/react-query';

/** One request: its content, decisions and documents on the left, the cases' history on the right. */
export function RequestPage() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const q = useCall('approvals.get', { requestId: id }, { enabled: id > 0 });
  if (!q.data) {
    return (
      <Stack>
        <Anchor size="sm" onClick={() => navigate('/approvals')}>
          ← 返回审批
        </Anchor>
        <Text c={q.error ? 'red' : 'dimmed'}>{q.error ? q.error.error.message : '正在加载…'}</Text>
      </Stack>
    );
  }
  return <RequestView d={q.data} />;
}

function RequestView({ d }: { d: RequestDetail }) {
  const navigate = useNavigate();
  const r = d.request;
  const [editing, setEditing] = useState(false);
  const latest = d.versions[d.versions.length - 1];
  return (
    <Stack>
      <Anchor size="sm" onClick={() => navigate('/approvals')}>
        ← 返回审批
      </Anchor>
      <Group justify="space-between" align="start">
        <Stack gap={2}>
          <Title order={3}>
            {r.mode === '院内交叉' ? '院内交叉执行' : `${r.mode}执行`}报请 · {r.caseNos.join('、')}
          </Title>
          <Group gap="xs">
            <Badge color={REQUEST_COLOR[r.state]} size="lg" variant="light" data-testid="request-state">
              {r.state}
            </Badge>
            <Text size="sm" c="dimmed">
              编号 {r.rootId}-{r.version}（第 {r.version} 版）· 报请人 {r.requesterName}
              {r.submittedAt ? ` · 提交于 ${formatInstant(r.submittedAt)}` : ''}
              {r.needsSecondLevel ? ' · 需分管院领导审批' : ''}
            </Text>
          </Group>
        </Stack>
        <Actions d={d} onEdit={() => setEditing(true)} />
      </Group>
      {r.superseded && latest && latest.id !== r.id && (
        <Alert color="gray">
          该版本已修改重报。<Anchor onClick={() => navigate(`/approvals/${latest.id}`)}>查看第 {latest.version} 版</Anchor>
        </Alert>
      )}
      {r.state === '已撤回' && <Alert color="gray">已于 {r.withdrawnAt ? formatInstant(r.withdrawnAt) : ''} 撤回：{r.withdrawReason}</Alert>}
      <Grid>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack>
            {d.can.decide && <DecisionPanel requestId={r.id} level={d.can.decideLevel} />}
            {!editing && <LegalCard d={d} />}
            {editing ? <EditDraft d={d} onDone={() => setEditing(false)} /> : <Content d={d} />}
            <Decisions d={d} />
            <DocumentsCard d={d} />
            <AttachmentsCard d={d} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <CaseHistory cases={d.cases} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function Actions({ d, onEdit }: { d: RequestDetail; onEdit: () => void }) {
  const navigate = useNavigate();
  const submit = useCommand('approvals.submit', { success: '已提交执行局长审批' });
  const revise = useCommand('approvals.revise', { success: (v) => `已建立第 ${v.request.version} 版草稿` });
  const [withdrawing, setWithdrawing] = useState(false);
  return (
    <Group>
      {d.can.edit && (
        <Button variant="default" onClick={onEdit} data-testid="edit-request">
          修改
        </Button>
      )}
      {d.can.submit && (
        <Button loading={submit.isPending} onClick={() => submit.mutate({ requestId: d.request.id })} data-testid="submit-request">
          提交审批
        </Button>
      )}
      {d.can.revise && (
        <Button
          variant="light"
          loading={revise.isPending}
          onClick={() => revise.mutate({ requestId: d.request.id }, { onSuccess: (v) => navigate(`/approvals/${v.request.id}`) })}
          data-testid="revise-request"
        >
          修改后重新报请
        </Button>
      )}
      {d.can.withdraw && (
        <Button variant="subtle" color="red" onClick={() => setWithdrawing(true)} data-testid="withdraw-request">
          撤回
        </Button>
      )}
      <WithdrawModal requestId={d.request.id} opened={withdrawing} onClose={() => setWithdrawing(false)} />
    </Group>
  );
}

function WithdrawModal({ requestId, opened, onClose }: { requestId: number; opened: boolean; onClose: () => void }) {
  const [reason, setReason] = useState('');
  const withdraw = useCommand('approvals.withdraw', { success: '已撤回' });
  return (
    <Modal opened={opened} onClose={onClose} title="撤回审批请求">
      <Stack>
        <Text size="sm">撤回后移送记录回到草稿；已移送的案件不能撤回审批，只能在台账中追加记录。</Text>
        <Textarea label="撤回原因" value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} />
        {withdraw.error && <Alert color="red">{withdraw.error.error.message}</Alert>}
        <Group justify="end">
          <Button variant="default" onClick={onClose}>
            取消
          </Button>
          <Button color="red" disabled={!reason.trim()} loading={withdraw.isPending} onClick={() => withdraw.mutate({ requestId, reason }, { onSuccess: onClose })}>
            撤回
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function EditDraft({ d, onDone }: { d: RequestDetail; onDone: () => void }) {
  const qc = useQueryClient();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<CallFailed | null>(null);
  const save = async (v: DraftValues) => {
    setSaving(true);
    setError(null);
    try {
      await api.run('approvals.update', { requestId: d.request.id, ...draftInput(v) });
      void qc.invalidateQueries();
      onDone();
    } catch (e) {
      setError(e instanceof CallFailed ? e : new CallFailed({ code: 'INTERNAL', message: String(e) }));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card withBorder>
      <RequestForm initial={valuesOf(d)} knownCases={d.cases} saving={saving} error={error} onSave={save} onCancel={onDone} />
    </Card>
  );
}

function Content({ d }: { d: RequestDetail }) {
  const r = d.request;
  const reasons = [...r.reasons.filter((x) => x !== '其他'), ...(r.reasons.includes('其他') && r.reasonOther ? [`其他：${r.reasonOther}`] : [])];
  const rows: [string, string][] = [
    ['原执行法院', r.originalCourtName],
    [r.mode === '院内交叉' ? '拟接收团队' : '拟接收法院', r.receivingTeam ?? r.receivingCourtName ?? '—'],
    ['报请理由', reasons.join('、') || '（未选择）'],
    ['执行经过', r.summaryProcess || '（未填写）'],
    ['财产情况', r.summaryProperty || '（未填写）'],
    ['申请理由', r.summaryGrounds || '（未填写）'],
    ['承办人意见', r.proposal || '（未填写）'],
  ];
  return (
    <Card withBorder data-testid="request-content">
      <Table variant="vertical" withTableBorder={false}>
        <Table.Tbody>
          {rows.map(([k, v]) => (
            <Table.Tr key={k}>
              <Table.Th w={110}>{k}</Table.Th>
              <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{v}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

function Decisions({ d }: { d: RequestDetail }) {
  const withDecisions = d.versions.filter((v) => v.decisions.length);
  return (
    <Card withBorder>
      <Title order={5} mb="xs">
        审批记录
      </Title>
      {withDecisions.length === 0 ? (
        <Text c="dimmed" size="sm">
          {d.request.state === '草稿' ? '尚未提交。' : '等待审批。'}
        </Text>
      ) : (
        <Stack gap="sm" data-testid="decisions">
          {withDecisions.map((v) =>
            v.decisions.map((x) => (
              <Group key={x.id} align="start" wrap="nowrap">
                <Badge color={OUTCOME_COLOR[x.outcome]} variant="light" w={80}>
                  {x.outcome}
                </Badge>
                <Stack gap={0}>
                  <Text size="sm">{x.opinion}</Text>
                  <Text size="xs" c="dimmed">
                    {x.deciderTitle} {x.deciderName} · {x.decidedOn}
                    {d.versions.length > 1 ? ` · 第 ${v.version} 版` : ''}
                  </Text>
                </Stack>
              </Group>
            )),
          )}
        </Stack>
      )}
    </Card>
  );
}
