import { useState } from 'react';
import { Alert, Badge, Button, Checkbox, Group, Modal, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import type { RequestDetail } from '../../../contract/calls/approvals';
import { api, showError, useCall } from '../../api/client';

/**
 * Picks documents already in the e-files of the request's cases as attachments. The list comes
 * from the e-file catalogue, so the 副卷 appears only for those who may see it (the server checks
 * again when attaching); documents already attached are shown ticked and cannot be picked twice.
 */
export function EfilePicker({ d, opened, onClose }: { d: RequestDetail; opened: boolean; onClose: () => void }) {
  const qc = useQueryClient();
  const [picked, setPicked] = useState<Set<number>>(new Set());
  const [busy, setBusy] = useState(false);
  const attached = new Set(d.attachments.map((a) => a.efileDocumentId).filter((x): x is number => x !== null));
  const toggle = (id: number) =>
    setPicked((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });
  const close = () => {
    setPicked(new Set());
    onClose();
  };
  const add = async () => {
    setBusy(true);
    let added = 0;
    try {
      for (const id of picked) {
        await api.run('approvals.addAttachment', { requestId: d.request.id, efileDocumentId: id });
        added++;
      }
      notifications.show({ color: 'teal', message: `已从电子卷宗添加 ${added} 个附件` });
      close();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
      void qc.invalidateQueries();
    }
  };
  return (
    <Modal opened={opened} onClose={close} title="从电子卷宗选择附件" size="xl">
      <Stack data-testid="efile-picker">
        <ScrollArea.Autosize mah={480}>
          <Stack>
            {d.cases.map((c) => (
              <CaseDocuments key={c.caseId} caseId={c.caseId} caseNo={c.caseNo} attached={attached} picked={picked} toggle={toggle} />
            ))}
          </Stack>
        </ScrollArea.Autosize>
        <Group justify="end">
          <Button variant="default" onClick={close}>取消</Button>
          <Button disabled={!picked.size} loading={busy} onClick={add} data-testid="efile-picker-add">
            添加所选（{picked.size}）
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function CaseDocuments(p: { caseId: number; caseNo: string; attached: Set<number>; picked: Set<number>; toggle: (id: number) => void }) {
  const cat = useCall('efiles.catalogue', { caseId: p.caseId });
  if (!cat.data) return <Text c="dimmed" size="sm">{cat.error ? cat.error.error.message : `正在读取 ${p.caseNo} 的电子卷宗…`}</Text>;
  const sectionName = new Map(cat.data.sections.map((s) => [s.id, s.name]));
  const docs = cat.data.documents;
  return (
    <div>
      <Title order={6} mb={4}>{p.caseNo}</Title>
      {cat.data.secondaryNote && (
        <Alert color="gray" variant="light" p="xs" mb={4}>
          <Text size="xs">{cat.data.secondaryNote}</Text>
        </Alert>
      )}
      {docs.length === 0 ? (
        <Text size="sm" c="dimmed">该案电子卷宗中还没有文件。</Text>
      ) : (
        <Table>
          <Table.Tbody>
            {docs.map((doc) => {
              const done = p.attached.has(doc.id);
              return (
                <Table.Tr key={doc.id} style={{ opacity: done ? 0.6 : 1 }}>
                  <Table.Td w={36}>
                    <Checkbox aria-label={`选择 ${doc.title}`} checked={done || p.picked.has(doc.id)} disabled={done} onChange={() => p.toggle(doc.id)} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{doc.title}</Text>
                    <Text size="xs" c="dimmed">{sectionName.get(doc.sectionId) ?? ''}{doc.docDate ? ` · ${doc.docDate}` : ''}{doc.pages ? ` · ${doc.pages} 页` : ''}{done ? ' · 已是附件' : ''}</Text>
                  </Table.Td>
                  <Table.Td w={70}>
                    <Badge size="sm" variant="light" color={doc.volume === '副卷' ? 'red' : 'gray'}>{doc.volume}</Badge>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </div>
  );
}
