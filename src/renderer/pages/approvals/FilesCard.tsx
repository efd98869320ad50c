import { ActionIcon, Badge, Button, Card, FileButton, Group, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconDownload, IconFileTypeDocx, IconFileTypePdf, IconFolderOpen, IconRefresh, IconTrash, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import type { RequestDetail } from '../../../contract/calls/approvals';
import { api, showError, useCommand } from '../../api/client';
import { canPickNatively, pickAndStage, saveDownload, uploadFile } from '../../api/files';
import { formatInstant } from '../../format';
import { EfilePicker } from './EfilePicker';

const sizeText = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

async function download(input: { documentId?: number; attachmentId?: number }) {
  try {
    await saveDownload(await api.run('approvals.download', input));
  } catch (e) {
    showError(e);
  }
}

/** The generated 审批表 / 报请函 / 移送函 (PDF and DOCX) of the request, newest first. */
export function DocumentsCard({ d }: { d: RequestDetail }) {
  const regen = useCommand('approvals.generateDocuments', { success: '已重新生成审批文书' });
  const canGenerate = d.request.state !== '草稿' && d.request.state !== '已撤回';
  // Only the newest of each kind and format is the current one; older ones stay for the record.
  const seen = new Set<string>();
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Title order={5}>审批文书</Title>
        {canGenerate && (
          <Button size="xs" variant="subtle" leftSection={<IconRefresh size={14} />} loading={regen.isPending} onClick={() => regen.mutate({ requestId: d.request.id })}>
            重新生成
          </Button>
        )}
      </Group>
      {d.documents.length === 0 ? (
        <Text c="dimmed" size="sm">
          提交审批后自动生成《交叉执行报请审批表》；同意后生成报请函或移送函（PDF 与 Word 各一份）。
        </Text>
      ) : (
        <Table data-testid="documents">
          <Table.Tbody>
            {d.documents.map((doc) => {
              const key = `${doc.kind}-${doc.format}`;
              const current = !seen.has(key);
              seen.add(key);
              return (
                <Table.Tr key={doc.id} style={{ opacity: current ? 1 : 0.55 }}>
                  <Table.Td>{doc.format === 'pdf' ? <IconFileTypePdf size={18} color="var(--mantine-color-red-7)" /> : <IconFileTypeDocx size={18} color="var(--mantine-color-blue-7)" />}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{doc.fileName}</Text>
                    <Text size="xs" c="dimmed">
                      {doc.docNo ? `${doc.docNo} · ` : ''}
                      {formatInstant(doc.generatedAt)} · {sizeText(doc.size)}
                      {!current && ' · 旧版'}
                    </Text>
                  </Table.Td>
                  <Table.Td>{doc.filedVolume && <Badge variant="light">已归入{doc.filedVolume}</Badge>}</Table.Td>
                  <Table.Td>
                    <Tooltip label="下载">
                      <ActionIcon variant="subtle" aria-label={`下载 ${doc.fileName}`} onClick={() => download({ documentId: doc.id })} data-testid={current ? `download-${doc.kind}-${doc.format}` : undefined}>
                        <IconDownload size={16} />
                      </ActionIcon>
                    </Tooltip>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

/** Attachments: uploads or documents of the case file; editable while the request is a draft. */
export function AttachmentsCard({ d }: { d: RequestDetail }) {
  const remove = useCommand('approvals.removeAttachment', { success: '已移除附件' });
  const add = useCommand('approvals.addAttachment', { success: (a) => `已添加附件 ${a.name}` });
  const [busy, setBusy] = useState(false);
  const [picking, setPicking] = useState(false);
  const editable = d.can.edit;
  const attach = async (file: File | null) => {
    if (!file) return;
    setBusy(true);
    try {
      const staged = await uploadFile(file, 'approvals.addAttachment');
      await add.mutateAsync({ requestId: d.request.id, uploadId: staged.uploadId });
    } catch (e) {
      if (!add.isError) showError(e);
    } finally {
      setBusy(false);
    }
  };
  const attachNative = async () => {
    setBusy(true);
    try {
      for (const s of await pickAndStage('approvals.addAttachment', [{ name: '材料', extensions: ['pdf', 'jpg', 'jpeg', 'png', 'tif', 'tiff', 'docx', 'doc', 'xlsx', 'ofd'] }])) {
        await add.mutateAsync({ requestId: d.request.id, uploadId: s.uploadId });
      }
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Title order={5}>附件</Title>
        {editable && (
          <Group gap="xs">
            <Button size="xs" variant="light" leftSection={<IconFolderOpen size={14} />} onClick={() => setPicking(true)} data-testid="attach-from-efile">
              从电子卷宗选择
            </Button>
            {canPickNatively() ? (
              <Button size="xs" variant="light" leftSection={<IconUpload size={14} />} loading={busy} onClick={attachNative}>
                上传附件
              </Button>
            ) : (
              <FileButton onChange={attach}>
                {(props) => (
                  <Button {...props} size="xs" variant="light" leftSection={<IconUpload size={14} />} loading={busy}>
                    上传附件
                  </Button>
                )}
              </FileButton>
            )}
          </Group>
        )}
      </Group>
      {editable && <EfilePicker d={d} opened={picking} onClose={() => setPicking(false)} />}
      {d.attachments.length === 0 ? (
        <Text c="dimmed" size="sm">
          {editable ? '可从本案电子卷宗中选择，或上传财产查控报告、执行笔录等材料（每个不超过 50 MB）。' : '没有附件。'}
        </Text>
      ) : (
        <Stack gap={4}>
          {d.attachments.map((a) => (
            <Group key={a.id} justify="space-between">
              <Text size="sm">
                {a.name}{' '}
                <Text span size="xs" c="dimmed">
                  {sizeText(a.size)}
                  {a.kind === 'efile' ? ` · 电子卷宗${a.efileVolume === '副卷' ? '（副卷，仅承办人、局长、管理员可下载）' : ''}` : ''}
                </Text>
              </Text>
              <Group gap={4}>
                <ActionIcon variant="subtle" aria-label={`下载 ${a.name}`} onClick={() => download({ attachmentId: a.id })}>
                  <IconDownload size={16} />
                </ActionIcon>
                {editable && (
                  <ActionIcon variant="subtle" color="red" aria-label={`移除 ${a.name}`} loading={remove.isPending && remove.variables?.attachmentId === a.id} onClick={() => remove.mutate({ attachmentId: a.id })}>
                    <IconTrash size={16} />
                  </ActionIcon>
                )}
              </Group>
            </Group>
          ))}
        </Stack>
      )}
    </Card>
  );
}
