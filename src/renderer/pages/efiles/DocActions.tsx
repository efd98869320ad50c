import { useState, type ReactNode } from 'react';
import { ActionIcon, Button, Group, Menu, Modal, SegmentedControl, Select, Stack, TextInput } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import dayjs from 'dayjs';
import { IconArrowsMove, IconCalendar, IconDots, IconEye, IconPencil, IconTrash } from '@tabler/icons-react';
import type { EDoc, ESection } from './efilesApi';
import type { Volume } from './model';

type Props = {
  doc: EDoc;
  sections: ESection[];
  volumes: Volume[];
  onOpen: () => void;
  onUpdate: (patch: Partial<Pick<EDoc, 'title' | 'docDate' | 'volume' | 'sectionId'>>) => Promise<unknown>;
  onDelete: () => Promise<unknown>;
};

/** A document's menu: open, rename, set its date, move to another section or volume, delete. */
export function DocActions({ doc, sections, volumes, onOpen, onUpdate, onDelete }: Props) {
  const [dialog, setDialog] = useState<'rename' | 'date' | 'move' | 'delete' | null>(null);
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="subtle" aria-label={`${doc.title} 的操作`} data-testid="doc-menu">
            <IconDots size={16} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconEye size={14} />} onClick={onOpen}>
            打开
          </Menu.Item>
          <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => setDialog('rename')}>
            重命名
          </Menu.Item>
          <Menu.Item leftSection={<IconCalendar size={14} />} onClick={() => setDialog('date')}>
            设置文书日期
          </Menu.Item>
          <Menu.Item leftSection={<IconArrowsMove size={14} />} onClick={() => setDialog('move')}>
            移动到其他目录或卷
          </Menu.Item>
          <Menu.Divider />
          <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={() => setDialog('delete')}>
            删除（移入回收站）
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {dialog === 'rename' && <RenameDialog title={doc.title} onClose={() => setDialog(null)} onSave={(title) => onUpdate({ title })} />}
      {dialog === 'date' && <DateDialog date={doc.docDate} onClose={() => setDialog(null)} onSave={(docDate) => onUpdate({ docDate })} />}
      {dialog === 'move' && <MoveDialog doc={doc} sections={sections} volumes={volumes} onClose={() => setDialog(null)} onSave={(volume, sectionId) => onUpdate({ volume, sectionId })} />}
      {dialog === 'delete' && (
        <Modal opened onClose={() => setDialog(null)} title="删除文件">
          <Stack>
            <div>
              将「{doc.title}」移入回收站。回收站中的文件可以恢复；彻底删除需要管理员操作。
            </div>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setDialog(null)}>
                取消
              </Button>
              <Button color="red" onClick={() => void onDelete().then(() => setDialog(null), () => undefined)} data-testid="confirm-delete">
                移入回收站
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </>
  );
}

function Saving({ onClose, onSave, disabled, children }: { onClose: () => void; onSave: () => Promise<unknown>; disabled?: boolean; children: ReactNode }) {
  const [busy, setBusy] = useState(false);
  return (
    <Stack>
      {children}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          取消
        </Button>
        <Button
          loading={busy}
          disabled={disabled}
          onClick={async () => {
            setBusy(true);
            try {
              await onSave();
              onClose();
            } catch {
              /* the message was shown; keep the dialog open to correct */
            } finally {
              setBusy(false);
            }
          }}
        >
          保存
        </Button>
      </Group>
    </Stack>
  );
}

function RenameDialog({ title, onClose, onSave }: { title: string; onClose: () => void; onSave: (t: string) => Promise<unknown> }) {
  const [v, setV] = useState(title);
  const bad = !v.trim() ? '标题不能为空' : v.trim().length > 200 ? '标题不能超过 200 个字' : null;
  return (
    <Modal opened onClose={onClose} title="重命名">
      <Saving onClose={onClose} onSave={() => onSave(v.trim())} disabled={!!bad}>
        <TextInput label="文书标题" value={v} onChange={(e) => setV(e.currentTarget.value)} error={bad} data-autofocus />
      </Saving>
    </Modal>
  );
}

function DateDialog({ date, onClose, onSave }: { date: string | null; onClose: () => void; onSave: (d: string | null) => Promise<unknown> }) {
  const [v, setV] = useState<string | null>(date);
  return (
    <Modal opened onClose={onClose} title="设置文书日期">
      <Saving onClose={onClose} onSave={() => onSave(v ? dayjs(v).format('YYYY-MM-DD') : null)}>
        <DatePickerInput label="文书日期" description="文书落款或形成的日期" value={v} onChange={(x) => setV(x as string | null)} clearable valueFormat="YYYY-MM-DD" maxDate={dayjs().format('YYYY-MM-DD')} />
      </Saving>
    </Modal>
  );
}

function MoveDialog({ doc, sections, volumes, onClose, onSave }: { doc: EDoc; sections: ESection[]; volumes: Volume[]; onClose: () => void; onSave: (v: Volume, s: string) => Promise<unknown> }) {
  const [volume, setVolume] = useState<Volume>(doc.volume);
  const [section, setSection] = useState<string | null>(doc.sectionId);
  const options = sections.filter((s) => s.volume === volume).sort((a, b) => a.order - b.order);
  const valid = options.some((s) => s.id === section);
  return (
    <Modal opened onClose={onClose} title={`移动「${doc.title}」`}>
      <Saving onClose={onClose} onSave={() => onSave(volume, section!)} disabled={!valid || (volume === doc.volume && section === doc.sectionId)}>
        <SegmentedControl data={volumes} value={volume} onChange={(v) => (setVolume(v as Volume), setSection(null))} aria-label="卷" />
        {volume === '副卷' && doc.volume === '正卷' && <div style={{ fontSize: 13, color: 'var(--mantine-color-dimmed)' }}>移入副卷后，当事人和律师阅卷时将看不到此文件。</div>}
        <Select label="目录" data={options.map((s) => ({ value: s.id, label: s.name }))} value={valid ? section : null} onChange={setSection} searchable allowDeselect={false} placeholder="选择目录" />
      </Saving>
    </Modal>
  );
}
