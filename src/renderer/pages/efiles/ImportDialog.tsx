import { useEffect, useRef, useState } from 'react';
import { Alert, Badge, Button, Group, List, Modal, Progress, ScrollArea, SegmentedControl, Select, Stack, Table, Text } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { IconAlertTriangle, IconCheck, IconFileUpload, IconFolderOpen, IconUpload } from '@tabler/icons-react';
import '@mantine/dropzone/styles.css';
import { isDesktop } from '../../api/transport';
import { uploadFile, type Staged } from './upload';
import type { Volume } from './model';
import { DateField } from '../ledger/forms/DateField';

export type Imported = {
  id: number;
  title: string;
  fileName: string;
  sectionId: string;
  suggested: { sectionId: string; reason: string } | null;
  pages: number | null;
  docDate: string | null;
  /** The date read from the document's text (its 落款), offered in the 日期 field. */
  dateSuggestion: { date: string; reason: string } | null;
};
/** What the person cataloguing changed or confirmed for one imported document. */
export type CatalogueChange = { id: number; sectionId?: string; docDate?: string };
export type ImportOutcome = { ok: true; doc: Imported; duplicate?: boolean; notes?: string[] } | { ok: false; reason: string };

type Props = {
  opened: boolean;
  onClose: () => void;
  caseLabel: string;
  volumes: Volume[];
  defaultVolume: Volume;
  sectionsOf: (v: Volume) => { value: string; label: string }[];
  /** The call that consumes uploads (staging checks the right to make it). */
  forCall: string;
  importOne: (staged: Staged, volume: Volume) => Promise<ImportOutcome>;
  /** Electron: the native dialog, staged by the main process. */
  pickNative?: (folder: boolean) => Promise<Staged[]>;
  confirmSections: (changes: CatalogueChange[]) => Promise<void>;
};

type Failure = { name: string; reason: string };
type Phase = 'choose' | 'running' | 'done';

/**
 * Importing into a case's e-file: drop files or a scanner's output folder, or pick them; each file
 * is uploaded and imported in turn with one progress bar and a cancel button. A failed file never
 * stops the rest; every failure is listed with its reason. The sections the core suggests (from the
 * file name and text) are shown for the user to confirm or change.
 */
export function ImportDialog(p: Props) {
  const [files, setFiles] = useState<File[]>([]);
  const [volume, setVolume] = useState<Volume>(p.defaultVolume);
  const [phase, setPhase] = useState<Phase>('choose');
  const [progress, setProgress] = useState({ done: 0, total: 0, file: '', index: 0, count: 0 });
  const [failures, setFailures] = useState<Failure[]>([]);
  const [imported, setImported] = useState<(Imported & { duplicate?: boolean })[]>([]);
  const [notes, setNotes] = useState<string[]>([]);
  const [choice, setChoice] = useState<Record<number, string>>({});
  const [dates, setDates] = useState<Record<number, string>>({});
  const [cancelled, setCancelled] = useState(false);
  const [saving, setSaving] = useState(false);
  const abort = useRef<AbortController | null>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  // Opening from the 副卷 tab imports into the 副卷 unless the user switches.
  useEffect(() => {
    if (p.opened) setVolume(p.defaultVolume);
  }, [p.opened, p.defaultVolume]);
  const filesInput = useRef<HTMLInputElement>(null);

  const reset = () => {
    setFiles([]);
    setPhase('choose');
    setFailures([]);
    setImported([]);
    setNotes([]);
    setChoice({});
    setDates({});
    setCancelled(false);
  };
  const close = () => {
    abort.current?.abort();
    reset();
    p.onClose();
  };
  const add = (list: File[]) => setFiles((f) => [...f, ...list.filter((x) => !f.some((y) => y.name === x.name && y.size === x.size && y.lastModified === x.lastModified))]);

  const record = (name: string, o: ImportOutcome) => {
    if (o.ok) {
      setImported((xs) => [...xs, { ...o.doc, duplicate: o.duplicate }]);
      if (o.notes?.length) setNotes((xs) => [...xs, ...o.notes!]);
    }
    else setFailures((xs) => [...xs, { name, reason: o.reason }]);
  };

  const run = async (staged?: Staged[]) => {
    const ac = new AbortController();
    abort.current = ac;
    setPhase('running');
    setFailures([]);
    setImported([]);
    setNotes([]);
    setCancelled(false);
    const items = staged ?? files;
    const total = staged ? staged.length : files.reduce((s, f) => s + f.size, 0) || 1;
    let done = 0;
    for (let i = 0; i < items.length; i++) {
      if (ac.signal.aborted) break;
      const item = items[i]!;
      const name = item instanceof File ? (item as File & { webkitRelativePath?: string }).webkitRelativePath || item.name : item.name;
      setProgress({ done, total, file: name, index: i + 1, count: items.length });
      try {
        const s = item instanceof File ? await uploadFile(item, p.forCall, (sent) => setProgress((pr) => ({ ...pr, done: done + sent * 0.9 })), ac.signal) : item;
        if (ac.signal.aborted) break;
        record(name, await p.importOne(s, volume));
      } catch (e) {
        if (e instanceof DOMException && e.name === 'AbortError') break;
        record(name, { ok: false, reason: e instanceof Error ? e.message : String(e) });
      }
      done += item instanceof File ? item.size : 1;
      setProgress((pr) => ({ ...pr, done }));
    }
    setCancelled(ac.signal.aborted);
    setPhase('done');
  };

  const pickNative = async (folder: boolean) => {
    if (!p.pickNative) return;
    try {
      const staged = await p.pickNative(folder);
      if (staged.length) await run(staged);
    } catch (e) {
      setFailures([{ name: folder ? '所选文件夹' : '所选文件', reason: e instanceof Error ? e.message : String(e) }]);
      setPhase('done');
    }
  };

  // The date is asked here: prefilled from the document's text when it has one, saved on 确认编目.
  const dateOf = (d: Imported) => dates[d.id] ?? d.docDate ?? d.dateSuggestion?.date ?? '';
  const dateError = (d: Imported) => (dateOf(d) && !/^\d{4}-\d{2}-\d{2}$/.test(dateOf(d)) ? '应为日期，如 2025-03-04' : null);
  const changes: CatalogueChange[] = imported
    .map((d) => ({
      id: d.id,
      ...(choice[d.id] && choice[d.id] !== d.sectionId ? { sectionId: choice[d.id]! } : {}),
      ...(dateOf(d) && dateOf(d) !== d.docDate ? { docDate: dateOf(d) } : {}),
    }))
    .filter((c) => c.sectionId || c.docDate);
  const invalidDates = imported.some((d) => dateError(d));
  const pct = progress.total ? Math.min(100, Math.round((progress.done / progress.total) * 100)) : 0;

  return (
    <Modal opened={p.opened} onClose={close} title={`导入文件 — ${p.caseLabel}`} size="xl" closeOnClickOutside={phase !== 'running'}>
      <Stack>
        {phase === 'choose' && (
          <>
            <Group>
              <Text size="sm">导入到</Text>
              <SegmentedControl size="xs" value={volume} onChange={(v) => setVolume(v as Volume)} data={p.volumes} aria-label="导入到卷" />
            </Group>
            <Dropzone onDrop={add} multiple data-testid="import-dropzone" activateOnClick={!isDesktop()}>
              <Group justify="center" gap="md" mih={120} style={{ pointerEvents: 'none' }}>
                <IconUpload size={40} color="var(--mantine-color-indigo-5)" />
                <div>
                  <Text size="lg">把文件或扫描仪输出的文件夹拖到这里</Text>
                  <Text size="sm" c="dimmed">
                    支持 PDF、JPEG/PNG/TIFF、DOCX/XLSX、OFD；文件类型按内容识别，不看扩展名
                  </Text>
                </div>
              </Group>
            </Dropzone>
            <Group>
              {isDesktop() && p.pickNative ? (
                <>
                  <Button variant="light" leftSection={<IconFileUpload size={16} />} onClick={() => void pickNative(false)}>
                    选择文件…
                  </Button>
                  <Button variant="light" leftSection={<IconFolderOpen size={16} />} onClick={() => void pickNative(true)}>
                    选择文件夹…
                  </Button>
                </>
              ) : (
                <>
                  <Button variant="light" leftSection={<IconFileUpload size={16} />} onClick={() => filesInput.current?.click()}>
                    选择文件…
                  </Button>
                  <Button variant="light" leftSection={<IconFolderOpen size={16} />} onClick={() => folderInput.current?.click()}>
                    选择文件夹…
                  </Button>
                </>
              )}
              <input ref={filesInput} type="file" multiple hidden data-testid="import-files" onChange={(e) => (add([...(e.currentTarget.files ?? [])]), (e.currentTarget.value = ''))} />
              <input
                ref={(el) => {
                  folderInput.current = el;
                  // React does not know the directory attributes; set them on the element.
                  el?.setAttribute('webkitdirectory', '');
                  el?.setAttribute('directory', '');
                }}
                type="file"
                multiple
                hidden
                data-testid="import-folder"
                onChange={(e) => (add([...(e.currentTarget.files ?? [])]), (e.currentTarget.value = ''))}
              />
            </Group>
            {files.length > 0 && (
              <>
                <ScrollArea.Autosize mah={200}>
                  <List size="sm" spacing={2}>
                    {files.map((f, i) => (
                      <List.Item key={i}>
                        {(f as File & { webkitRelativePath?: string }).webkitRelativePath || f.name}{' '}
                        <Text span c="dimmed" size="xs">
                          {formatSize(f.size)}
                        </Text>
                      </List.Item>
                    ))}
                  </List>
                </ScrollArea.Autosize>
                <Group justify="space-between">
                  <Text size="sm">
                    共 {files.length} 个文件，{formatSize(files.reduce((s, f) => s + f.size, 0))}
                  </Text>
                  <Group>
                    <Button variant="default" onClick={() => setFiles([])}>
                      清空
                    </Button>
                    <Button onClick={() => void run()} data-testid="import-start">
                      开始导入
                    </Button>
                  </Group>
                </Group>
              </>
            )}
          </>
        )}

        {phase === 'running' && (
          <Stack gap="xs">
            <Text size="sm">
              正在导入第 {progress.index}/{progress.count} 个：{progress.file}
            </Text>
            <Progress value={pct} size="lg" animated aria-label="导入进度" data-testid="import-progress" />
            <Group justify="space-between">
              <Text size="xs" c="dimmed">
                已完成 {imported.length} 个，失败 {failures.length} 个
              </Text>
              <Button color="red" variant="light" onClick={() => abort.current?.abort()}>
                取消导入
              </Button>
            </Group>
          </Stack>
        )}

        {phase === 'done' && (
          <Alert color={failures.length ? 'orange' : 'teal'} icon={failures.length ? <IconAlertTriangle /> : <IconCheck />} data-testid="import-summary">
            {cancelled ? '已取消。' : ''}成功导入 {imported.length} 个文件{imported.some((d) => d.duplicate) ? `（其中 ${imported.filter((d) => d.duplicate).length} 个与已存文件相同，未重复保存）` : ''}
            {failures.length ? `，${failures.length} 个未导入（原因见下）` : ''}。{cancelled && imported.length ? '已导入的文件保留在卷宗中。' : ''}
          </Alert>
        )}

        {failures.length > 0 && (
          <Stack gap={4} data-testid="import-failures">
            <Text fw={600} size="sm" c="red">
              未导入的文件
            </Text>
            <Table withTableBorder verticalSpacing={4}>
              <Table.Tbody>
                {failures.map((f, i) => (
                  <Table.Tr key={i}>
                    <Table.Td w="40%">{f.name}</Table.Td>
                    <Table.Td c="red">{f.reason}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        )}

        {notes.length > 0 && (
          <Alert color="blue" variant="light" py={6} data-testid="import-notes">
            <List size="sm" spacing={2}>
              {notes.map((n, i) => (
                <List.Item key={i}>{n}</List.Item>
              ))}
            </List>
          </Alert>
        )}

        {imported.length > 0 && (
          <Stack gap={4} data-testid="import-suggestions">
            <Text fw={600} size="sm">
              请确认编目（系统按文件名和文字内容建议目录和文书日期）
            </Text>
            <Table withTableBorder verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>文件</Table.Th>
                  <Table.Th w={60}>页数</Table.Th>
                  <Table.Th w={260}>目录</Table.Th>
                  <Table.Th w={150}>文书日期</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {imported.map((d) => (
                  <Table.Tr key={d.id}>
                    <Table.Td>
                      <Text size="sm">{d.title}</Text>
                      {d.suggested ? (
                        <Text size="xs" c="dimmed">
                          建议依据：{d.suggested.reason}
                        </Text>
                      ) : (
                        <Badge size="xs" color="gray" variant="light">
                          未能识别，请选择目录
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td className="xd-mono">{d.pages ?? '—'}</Table.Td>
                    <Table.Td>
                      <Select
                        size="xs"
                        aria-label={`${d.title} 的目录`}
                        data={p.sectionsOf(volume)}
                        value={choice[d.id] ?? d.sectionId}
                        onChange={(v) => v && setChoice((c) => ({ ...c, [d.id]: v }))}
                        allowDeselect={false}
                        searchable
                      />
                    </Table.Td>
                    <Table.Td>
                      <DateField
                        size="xs"
                        aria-label={`${d.title} 的文书日期`}
                        value={dateOf(d)}
                        error={dateError(d)}
                        onChange={(e) => {
                          const v = typeof e === 'string' ? e : e.currentTarget.value;
                          setDates((x) => ({ ...x, [d.id]: v }));
                        }}
                      />
                      {!dates[d.id] && !d.docDate && d.dateSuggestion && (
                        <Text size="xs" c="dimmed" title={d.dateSuggestion.reason}>
                          建议自文书落款
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        )}

        {phase === 'done' && (
          <Group justify="flex-end">
            <Button variant="default" onClick={reset}>
              继续导入
            </Button>
            <Button
              loading={saving}
              disabled={invalidDates}
              data-testid="import-confirm"
              onClick={async () => {
                setSaving(true);
                try {
                  if (changes.length) await p.confirmSections(changes);
                  close();
                } finally {
                  setSaving(false);
                }
              }}
            >
              {changes.length ? `确认编目（修改 ${changes.length} 个）` : '确认编目'}
            </Button>
          </Group>
        )}
      </Stack>
    </Modal>
  );
}

export function formatSize(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 * 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${(n / 1024 / 1024 / 1024).toFixed(2)} GB`;
}
