import { Button, Group, Select, Stack, Tabs, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { REQUEST_STATES, type RequestState } from '../../../contract/calls/approvals';
import { useCall } from '../../api/client';
import { ChiefOverview } from './ChiefOverview';
import { RequestList } from './RequestList';

type Tab = 'overview' | 'queue' | 'mine' | 'all';

/** 审批: the chief's overview and queue, the handler's own requests, and a searchable list of all. */
export function ApprovalsPage() {
  const me = useCall('auth.status', {});
  const role = me.data?.user?.role;
  const decider = role === 'chief' || role === 'leader';
  const mayPrepare = role === 'staff' || role === 'clerk' || role === 'chief';
  const [params, setParams] = useSearchParams();
  const tab = (params.get('tab') as Tab | null) ?? (decider ? 'overview' : 'mine');
  const navigate = useNavigate();
  const queue = useCall('approvals.queueCount', {});
  if (role === 'admin') {
    return (
      <Stack>
        <Title order={3}>审批</Title>
        <RequestList rows={[]} empty="审批由承办人报请、执行局长决定；管理员不参与审批，可在「设置」中配置第二级审批和代理审批人。" />
      </Stack>
    );
  }
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>审批</Title>
        {mayPrepare && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => navigate('/approvals/new')} data-testid="new-request">
            新建报请
          </Button>
        )}
      </Group>
      <Tabs value={tab} onChange={(v) => setParams({ tab: v ?? 'mine' })} keepMounted={false}>
        <Tabs.List>
          {decider && <Tabs.Tab value="overview">局长工作台</Tabs.Tab>}
          {(decider || (queue.data?.count ?? 0) > 0) && <Tabs.Tab value="queue">待我审批{queue.data?.count ? `（${queue.data.count}）` : ''}</Tabs.Tab>}
          {mayPrepare && <Tabs.Tab value="mine">我的报请</Tabs.Tab>}
          <Tabs.Tab value="all">全部请求</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="overview" pt="md">
          <ChiefOverview />
        </Tabs.Panel>
        <Tabs.Panel value="queue" pt="md">
          <Scoped scope="queue" empty="没有等待您审批的请求。" />
        </Tabs.Panel>
        <Tabs.Panel value="mine" pt="md">
          <Scoped scope="mine" empty="您还没有报请。在「新建报请」中选择案件（可多件，集中执行），填写理由和案件概要后提交执行局长审批。" />
        </Tabs.Panel>
        <Tabs.Panel value="all" pt="md">
          <Scoped scope="all" empty="没有符合条件的审批请求。" filters />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function Scoped({ scope, empty, filters }: { scope: 'queue' | 'mine' | 'all'; empty: string; filters?: boolean }) {
  const [state, setState] = useState<RequestState | null>(null);
  const [q, setQ] = useState('');
  const [dq] = useDebouncedValue(q, 300);
  const list = useCall('approvals.list', { scope, state: state ?? undefined, q: dq || undefined, page: 1, pageSize: 200 }, { placeholderData: (p) => p });
  return (
    <Stack>
      {filters && (
        <Group>
          <Select placeholder="全部状态" clearable w={160} data={[...REQUEST_STATES]} value={state} onChange={(v) => setState(v as RequestState | null)} />
          <TextInput placeholder="案号、当事人或报请人" value={q} onChange={(e) => setQ(e.currentTarget.value)} w={260} />
        </Group>
      )}
      <RequestList rows={list.data?.rows ?? []} empty={list.isLoading ? '正在加载…' : empty} />
    </Stack>
  );
}
