import { Fragment, useState, type DragEvent, type ReactNode } from 'react';
import { Badge, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconGripVertical } from '@tabler/icons-react';

export type TreeSection = { id: string; name: string; order: number };
export type TreeDoc = {
  id: number;
  sectionId: string;
  title: string;
  docDate: string | null;
  pages: number | null;
  order: number;
  kindLabel: string;
  ocr: ReactNode;
};

type Props = {
  sections: TreeSection[];
  docs: TreeDoc[];
  /** The section's documents in their new order, after a drag (within or into the section). */
  onReorder: (sectionId: string, ids: number[], movedId: number) => void;
  onOpen: (id: number) => void;
  actions: (id: number) => ReactNode;
  /** Sections without documents are listed too (targets for drops) unless this is false. */
  showEmpty?: boolean;
};

type DropAt = { sectionId: string; beforeId: number | null } | null;
const MIME = 'application/x-xdesk-efile-document';

/**
 * One volume's catalogue: the sections in their standard order, each with its documents in
 * catalogue order. Documents are reordered or moved to another section by dragging the row (native
 * HTML5 drag and drop: works with Mantine's tables, needs no extra package); dropping on a section
 * heading puts the document at the end of that section.
 */
export function VolumeTree({ sections, docs, onReorder, onOpen, actions, showEmpty = true }: Props) {
  const [dragId, setDragId] = useState<number | null>(null);
  const [dropAt, setDropAt] = useState<DropAt>(null);
  const bySection = new Map<string, TreeDoc[]>();
  for (const d of docs) bySection.set(d.sectionId, [...(bySection.get(d.sectionId) ?? []), d]);
  for (const list of bySection.values()) list.sort((a, b) => a.order - b.order || a.id - b.id);
  const ordered = [...sections].sort((a, b) => a.order - b.order);
  // Documents whose section the catalogue no longer lists stay visible, under their own heading.
  const orphanIds = [...bySection.keys()].filter((k) => !sections.some((s) => s.id === k));
  const all = [...ordered, ...orphanIds.map((id, i) => ({ id, name: id, order: 1000 + i }))];

  // Where a drop lands, from the event itself (state may lag one event behind a fast drop).
  const targetOf = (e: DragEvent<HTMLTableRowElement>, sectionId: string, row?: { d: TreeDoc; list: TreeDoc[] }): NonNullable<DropAt> => {
    if (!row) return { sectionId, beforeId: null };
    const r = e.currentTarget.getBoundingClientRect();
    const after = e.clientY > r.top + r.height / 2;
    return { sectionId, beforeId: after ? (row.list[row.list.indexOf(row.d) + 1]?.id ?? null) : row.d.id };
  };
  const over = (e: DragEvent<HTMLTableRowElement>, sectionId: string, row?: { d: TreeDoc; list: TreeDoc[] }) => {
    if (dragId === null) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
    const t = targetOf(e, sectionId, row);
    if (dropAt?.sectionId !== t.sectionId || dropAt.beforeId !== t.beforeId) setDropAt(t);
  };
  const drop = (e: DragEvent<HTMLTableRowElement>, sectionId: string, row?: { d: TreeDoc; list: TreeDoc[] }) => {
    e.preventDefault();
    const id = dragId ?? Number(e.dataTransfer.getData(MIME));
    const at = targetOf(e, sectionId, row);
    setDragId(null);
    setDropAt(null);
    if (!id) return;
    const current = (bySection.get(at.sectionId) ?? []).map((d) => d.id);
    const target = current.filter((x) => x !== id);
    const pos = at.beforeId === null ? target.length : target.indexOf(at.beforeId);
    target.splice(pos < 0 ? target.length : pos, 0, id);
    if (current.join() !== target.join()) onReorder(at.sectionId, target, id);
  };
  const line = (sectionId: string, beforeId: number | null) =>
    dropAt && dragId !== null && dropAt.sectionId === sectionId && dropAt.beforeId === beforeId ? { boxShadow: 'inset 0 2px 0 var(--mantine-color-indigo-6)' } : undefined;

  let seq = 0;
  return (
    <Table verticalSpacing={6} highlightOnHover stickyHeader data-testid="volume-tree" onDragEnd={() => (setDragId(null), setDropAt(null))}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={28} />
          <Table.Th w={50}>序号</Table.Th>
          <Table.Th>文书标题</Table.Th>
          <Table.Th w={110}>文书日期</Table.Th>
          <Table.Th w={60}>页数</Table.Th>
          <Table.Th w={80}>类型</Table.Th>
          <Table.Th w={90}>文字识别</Table.Th>
          <Table.Th w={50} />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {all.map((s) => {
          const list = bySection.get(s.id) ?? [];
          if (!list.length && !showEmpty) return null;
          return (
            <Fragment key={s.id}>
              <Table.Tr
                onDragOver={(e) => over(e, s.id)}
                onDrop={(e) => drop(e, s.id)}
                style={{ background: 'var(--mantine-color-default-hover)', ...(list.length === 0 ? line(s.id, null) : undefined) }}
                data-testid={`section-${s.name}`}
              >
                <Table.Td colSpan={8} py={4}>
                  <Group gap="xs">
                    <Text fw={600} size="sm">
                      {s.name}
                    </Text>
                    <Badge size="xs" variant="light" color={list.length ? 'indigo' : 'gray'}>
                      {list.length} 份
                    </Badge>
                    {dragId !== null && (
                      <Text size="xs" c="dimmed">
                        拖到此处：放在本目录末尾
                      </Text>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
              {list.map((d) => {
                seq += 1;
                return (
                  <Table.Tr
                    key={d.id}
                    draggable
                    onDragStart={(e) => {
                      e.dataTransfer.setData(MIME, String(d.id));
                      e.dataTransfer.effectAllowed = 'move';
                      setDragId(d.id);
                    }}
                    onDragOver={(e) => over(e, s.id, { d, list })}
                    onDrop={(e) => drop(e, s.id, { d, list })}
                    style={{
                      opacity: dragId === d.id ? 0.4 : 1,
                      ...line(s.id, d.id),
                      ...(d === list[list.length - 1] && dropAt?.sectionId === s.id && dropAt.beforeId === null && dragId !== null ? { boxShadow: 'inset 0 -2px 0 var(--mantine-color-indigo-6)' } : undefined),
                    }}
                    data-testid="doc-row"
                    data-doc-id={d.id}
                  >
                    <Table.Td style={{ cursor: 'grab' }}>
                      <Tooltip label="拖动以调整顺序或移到其他目录" openDelay={600}>
                        <IconGripVertical size={16} color="var(--mantine-color-dimmed)" aria-label="拖动排序" />
                      </Tooltip>
                    </Table.Td>
                    <Table.Td className="xd-mono">{seq}</Table.Td>
                    <Table.Td>
                      <Text size="sm" c="indigo" style={{ cursor: 'pointer' }} onClick={() => onOpen(d.id)} data-testid="doc-title">
                        {d.title}
                      </Text>
                    </Table.Td>
                    <Table.Td className="xd-mono">{d.docDate ?? '—'}</Table.Td>
                    <Table.Td className="xd-mono">{d.pages ?? '—'}</Table.Td>
                    <Table.Td>
                      <Text size="xs">{d.kindLabel}</Text>
                    </Table.Td>
                    <Table.Td>{d.ocr}</Table.Td>
                    <Table.Td>{actions(d.id)}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Fragment>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
