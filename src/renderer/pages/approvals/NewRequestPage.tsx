import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { api, CallFailed } from '../../api/client';
import { draftInput, EMPTY_DRAFT, RequestForm, type DraftValues } from './RequestForm';

/** 新建报请: from the approvals page, or from a case (?case=<id>) or a discovery candidate. */
export function NewRequestPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const preset = params.getAll('case').map(Number).filter((n) => n > 0);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<CallFailed | null>(null);
  const save = async (v: DraftValues) => {
    setSaving(true);
    setError(null);
    try {
      const d = await api.run('approvals.create', draftInput(v));
      void qc.invalidateQueries();
      navigate(`/approvals/${d.request.id}`);
    } catch (e) {
      setError(e instanceof CallFailed ? e : new CallFailed({ code: 'INTERNAL', message: String(e) }));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Stack maw={900}>
      <Anchor size="sm" onClick={() => navigate('/approvals')}>
        ← 返回审批
      </Anchor>
      <Title order={3}>新建交叉执行报请</Title>
      <Text c="dimmed" size="sm">
        先保存草稿，可添加附件，检查无误后提交执行局长审批。提交后内容不能再改，如需修改可撤回或在退回后修改重报（保留历史版本）。
      </Text>
      <Card withBorder>
        <RequestForm initial={{ ...EMPTY_DRAFT, caseIds: preset }} saving={saving} error={error} onSave={save} onCancel={() => navigate('/approvals')} />
      </Card>
    </Stack>
  );
}
