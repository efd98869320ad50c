import { useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Anchor, Badge, Button, Center, Group, Loader, Stack, Switch, Tabs, Text, Title } from '@mantine/core';
import { useLocalStorage } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconBook2, IconLock, IconRecycle, IconUpload } from '@tabler/icons-react';
import { showError, useCall } from '../../api/client';
import { canPickNatively, pickAndStage, saveDownload } from '../../api/files';
import { efiles, type CaseFile, type EDoc } from './efilesApi';
import { VolumeTree } from './VolumeTree';
import { DocActions } from './DocActions';
import { ImportDialog } from './ImportDialog';
import { KIND_LABELS, OcrBadge } from './badges';
import { RecycleBin } from './RecycleBin';
import { ScopedSearch } from './ScopedSearch';
import { VOLUMES, type Volume } from './model';
import { useJob } from '../../jobs/useJob';
import { JobProgress } from '../../jobs/JobProgress';

/** One case's electronic file: 正卷 and 副卷 by catalogue section, import, search, binding. */
export function CaseWorkspace() {
  const caseId = Number(useParams().caseId);
  const navigate = useNavigate();
  const qc = useQueryClient();
  const file = useQuery<CaseFile, Error>({
    queryKey: ['efiles.catalogue', caseId],
    queryFn: () => efiles.caseFile(caseId),
    enabled: caseId > 0,
    // While scans wait for text recognition, refresh so their status moves on by itself.
    refetchInterval: (q) => (q.state.data?.documents.some((d) => d.ocr === 'queued' || d.ocr === 'running') ? 5000 : false),
  });
  const me = useCall('auth.status', {});
  const [tab, setTab] = useState<Volume>('正卷');
  const [importing, setImporting] = useState(false);
  const [bin, setBin] = useState(false);
  const [binding, setBinding] = useState<Volume | null>(null);
  // Binding runs as a job (src/core/jobs): a progress bar per document, cancellable, listed in the shell.
  const bindJob = useJob('efiles.bind');
  const [showEmpty, setShowEmpty] = useLocalStorage({ key: 'xdesk-efiles-show-empty', defaultValue: true });
  const refresh = () => qc.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('efiles') });

  const cf = file.data;
  const volumes: Volume[] = cf?.secondaryVisible ? [...VOLUMES] : ['正卷'];
  const docsOf = useMemo(() => (v: Volume) => (cf?.documents ?? []).filter((d) => d.volume === v && !d.deletedAt), [cf]);

  if (file.isLoading) return <Center h={300}><Loader /></Center>;
  if (file.error || !cf) {
    return (
      <Alert color="red" title="无法打开此案件的电子卷宗">
        {file.error?.message ?? '案件不存在'}
      </Alert>
    );
  }

  const open = (id: number) => navigate(`/efiles/doc/${id}`);
  const act = async (p: Promise<unknown>, ok?: string) => {
    try {
      await p;
      if (ok) notifications.show({ color: 'teal', message: ok });
    } catch (e) {
      showError(e);
      throw e;
    } finally {
      void refresh();
    }
  };
  const bind = async (v: Volume) => {
    setBinding(v);
    try {
      const d = await bindJob.run({ caseId, volume: v }, `${cf?.caseNo ?? ''} ${v}`);
      const saved = await saveDownload(d);
      notifications.show({ color: 'teal', title: `${v}已生成`, message: saved ? `已保存到 ${saved}` : `${d.name} 正在下载` });
    } catch (e) {
      showError(e);
    } finally {
      setBinding(null);
    }
  };

  const tree = (v: Volume) => {
    const docs = docsOf(v);
    const sections = cf.sections.filter((s) => s.volume === v);
    return (
      <>
        {docs.length === 0 && (
          <Text c="dimmed" size="sm" my="sm">
            此卷还没有文件。点「导入文件」把扫描件或电子文书加入卷宗，或把文件拖到导入窗口。
          </Text>
        )}
        <VolumeTree
          sections={sections}
          docs={docs.map((d) => ({
            id: d.id,
            sectionId: d.sectionId,
            title: d.title,
            docDate: d.docDate,
            pages: d.pages,
            order: d.order,
            kindLabel: KIND_LABELS[d.kind] ?? d.kind,
            ocr: <OcrBadge status={d.ocr} />,
          }))}
          onOpen={open}
          showEmpty={showEmpty}
          onReorder={(sectionId, ids, movedId) =>
            void act(
              (async () => {
                const moved = docs.find((d) => d.id === movedId);
                if (moved && moved.sectionId !== sectionId) await efiles.update(movedId, { sectionId });
                await efiles.reorder(caseId, v, sectionId, ids);
              })(),
            ).catch(() => undefined)
          }
          actions={(id) => {
            const d = docs.find((x) => x.id === id)!;
            return (
              <DocActions
                doc={d}
                sections={cf.sections}
                volumes={volumes}
                onOpen={() => open(id)}
                onUpdate={(patch) => act(efiles.update(id, patch), '已保存')}
                onDelete={() => act(efiles.remove(id), `「${d.title}」已移入回收站`)}
              />
            );
          }}
        />
      </>
    );
  };

  return (
    <Stack gap="sm">
      <Anchor size="sm" onClick={() => navigate('/efiles')}>
        <Group gap={4}>
          <IconArrowLeft size={14} />
          选择其他案件
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={3} className="xd-mono" data-testid="case-title">
            {cf.caseNo}
          </Title>
          <Text size="sm" c="dimmed">
            {cf.parties}
            {cf.handlerName ? ` · 承办人：${cf.handlerName}` : ''}
          </Text>
          <OcrSummary docs={cf.documents} />
        </div>
        <Group gap="xs">
          {cf.canEdit !== false && (
            <Button leftSection={<IconUpload size={16} />} onClick={() => setImporting(true)}>
              导入文件
            </Button>
          )}
          <Button variant="light" leftSection={<IconBook2 size={16} />} loading={binding === '正卷'} onClick={() => void bind('正卷')} disabled={docsOf('正卷').length === 0}>
            生成正卷
          </Button>
          {cf.secondaryVisible && (
            <Button variant="light" color="grape" leftSection={<IconBook2 size={16} />} loading={binding === '副卷'} onClick={() => void bind('副卷')} disabled={docsOf('副卷').length === 0}>
              生成副卷
            </Button>
          )}
          <Button variant="subtle" color="gray" leftSection={<IconRecycle size={16} />} onClick={() => setBin(true)}>
            回收站
          </Button>
        </Group>
      </Group>

      {bindJob.job && <JobProgress job={bindJob.job} onCancel={() => void bindJob.cancel()} />}

      <ScopedSearch caseId={caseId} volumes={volumes} />

      <Tabs value={tab} onChange={(v) => v && setTab(v as Volume)} keepMounted={false}>
        <Tabs.List style={{ alignItems: 'center' }}>
          <Tabs.Tab value="正卷">
            正卷 <Badge size="xs" variant="light" ml={4}>{docsOf('正卷').length}</Badge>
          </Tabs.Tab>
          <Tabs.Tab value="副卷" leftSection={cf.secondaryVisible ? undefined : <IconLock size={14} />}>
            副卷 {cf.secondaryVisible && <Badge size="xs" variant="light" color="grape" ml={4}>{docsOf('副卷').length}</Badge>}
          </Tabs.Tab>
          <Switch ml="auto" size="xs" label="显示空目录" checked={showEmpty} onChange={(e) => setShowEmpty(e.currentTarget.checked)} />
        </Tabs.List>
        <Tabs.Panel value="正卷" pt="xs">
          {tree('正卷')}
        </Tabs.Panel>
        <Tabs.Panel value="副卷" pt="xs">
          {cf.secondaryVisible ? (
            <>
              <Alert color="grape" variant="light" py={6} mb="xs">
                副卷为内部卷，不对当事人和律师公开；查看和导出都会记入审计日志。
              </Alert>
              {tree('副卷')}
            </>
          ) : (
            <Alert color="gray" icon={<IconLock />} title="无权查看副卷" data-testid="secondary-locked">
              {cf.secondaryNote ?? '副卷仅本案承办人、执行局长和管理员可以查看。如需查阅，请联系承办人或执行局长。'}
            </Alert>
          )}
        </Tabs.Panel>
      </Tabs>

      <ImportDialog
        opened={importing}
        onClose={() => (setImporting(false), void refresh())}
        caseLabel={cf.caseNo}
        volumes={volumes}
        defaultVolume={tab === '副卷' && cf.secondaryVisible ? '副卷' : '正卷'}
        sectionsOf={(v) => cf.sections.filter((s) => s.volume === v).sort((a, b) => a.order - b.order).map((s) => ({ value: s.id, label: s.name }))}
        forCall="efiles.import"
        importOne={(s, v) => efiles.importOne(caseId, s, v)}
        pickNative={canPickNatively() ? () => pickAndStage('efiles.import', []) : undefined}
        confirmSections={async (changes) => {
          for (const { id, ...patch } of changes) await act(efiles.update(id, patch));
          notifications.show({ color: 'teal', message: `已按确认的目录和日期编入 ${changes.length} 个文件` });
        }}
      />
      <RecycleBin opened={bin} onClose={() => setBin(false)} caseId={caseId} isAdmin={me.data?.user?.role === 'admin'} onChanged={() => void refresh()} />
    </Stack>
  );
}
export type { EDoc };

/** One line on text recognition across the case, while any scan is still waiting. */
function OcrSummary({ docs }: { docs: EDoc[] }) {
  const live = docs.filter((d) => !d.deletedAt);
  const queued = live.filter((d) => d.ocr === 'queued').length;
  const running = live.filter((d) => d.ocr === 'running').length;
  const failed = live.filter((d) => d.ocr === 'failed').length;
  if (!queued && !running && !failed) return null;
  return (
    <Text size="xs" c={failed ? 'red' : 'blue'} data-testid="ocr-summary">
      文字识别：{[running && `${running} 份识别中`, queued && `${queued} 份排队`, failed && `${failed} 份失败`].filter(Boolean).join('，')}（在后台进行，完成后即可搜索）
    </Text>
  );
}
