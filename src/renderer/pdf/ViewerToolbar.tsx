import { useEffect, useState, type ReactNode, type RefObject } from 'react';
import { ActionIcon, Group, Loader, NumberInput, Select, Text, TextInput, Tooltip } from '@mantine/core';
import {
  IconChevronDown,
  IconChevronLeft,
  IconChevronRight,
  IconChevronUp,
  IconLayoutSidebar,
  IconRotate2,
  IconRotateClockwise2,
  IconSearch,
  IconZoomIn,
  IconZoomOut,
} from '@tabler/icons-react';
import type { FindState } from './useFind';

export type ZoomMode = 'fit' | 'page' | number;
export const ZOOM_STEPS = [0.25, 0.5, 0.75, 1, 1.25, 1.5, 2, 3, 4];

type Props = {
  page: number;
  pageCount: number;
  onPage: (p: number) => void;
  zoom: ZoomMode;
  scale: number;
  onZoom: (z: ZoomMode) => void;
  onRotate: (delta: 90 | -90) => void;
  thumbs: boolean;
  onThumbs: () => void;
  find: FindState | null;
  findInput?: RefObject<HTMLInputElement | null>;
  extra?: ReactNode;
};

/** Page navigation, zoom, rotation and find, above the pages. */
export function ViewerToolbar(p: Props) {
  const zoomIn = () => p.onZoom(ZOOM_STEPS.find((s) => s > p.scale + 0.01) ?? ZOOM_STEPS.at(-1)!);
  const zoomOut = () => p.onZoom([...ZOOM_STEPS].reverse().find((s) => s < p.scale - 0.01) ?? ZOOM_STEPS[0]!);
  const f = p.find;
  return (
    <Group gap={6} px="xs" py={6} wrap="nowrap" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
      <Tooltip label={p.thumbs ? '隐藏缩略图' : '显示缩略图'}>
        <ActionIcon variant={p.thumbs ? 'light' : 'subtle'} onClick={p.onThumbs} aria-label="缩略图">
          <IconLayoutSidebar size={18} />
        </ActionIcon>
      </Tooltip>
      <ActionIcon variant="subtle" onClick={() => p.onPage(p.page - 1)} disabled={p.page <= 1} aria-label="上一页">
        <IconChevronLeft size={18} />
      </ActionIcon>
      <PageInput page={p.page} pageCount={p.pageCount} onPage={p.onPage} />
      <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }} data-testid="pdf-page-count">
        / {p.pageCount} 页
      </Text>
      <ActionIcon variant="subtle" onClick={() => p.onPage(p.page + 1)} disabled={p.page >= p.pageCount} aria-label="下一页">
        <IconChevronRight size={18} />
      </ActionIcon>
      <ActionIcon variant="subtle" onClick={zoomOut} aria-label="缩小">
        <IconZoomOut size={18} />
      </ActionIcon>
      <Select
        aria-label="缩放"
        size="xs"
        w={104}
        allowDeselect={false}
        value={typeof p.zoom === 'number' ? String(p.zoom) : p.zoom}
        data={[
          { value: 'fit', label: '适合宽度' },
          { value: 'page', label: '整页' },
          ...ZOOM_STEPS.map((s) => ({ value: String(s), label: `${Math.round(s * 100)}%` })),
          ...(typeof p.zoom === 'number' && !ZOOM_STEPS.includes(p.zoom) ? [{ value: String(p.zoom), label: `${Math.round(p.zoom * 100)}%` }] : []),
        ]}
        onChange={(v) => v && p.onZoom(v === 'fit' || v === 'page' ? v : Number(v))}
      />
      <ActionIcon variant="subtle" onClick={zoomIn} aria-label="放大">
        <IconZoomIn size={18} />
      </ActionIcon>
      <Tooltip label="向左旋转">
        <ActionIcon variant="subtle" onClick={() => p.onRotate(-90)} aria-label="向左旋转">
          <IconRotate2 size={18} />
        </ActionIcon>
      </Tooltip>
      <Tooltip label="向右旋转">
        <ActionIcon variant="subtle" onClick={() => p.onRotate(90)} aria-label="向右旋转">
          <IconRotateClockwise2 size={18} />
        </ActionIcon>
      </Tooltip>
      {f && (
        <Group gap={4} wrap="nowrap" ml="sm">
          <TextInput
            ref={p.findInput}
            size="xs"
            w={180}
            aria-label="在文档中查找"
            placeholder="在文档中查找（Ctrl+F）"
            leftSection={f.searching ? <Loader size={12} /> : <IconSearch size={14} />}
            defaultValue={f.query}
            onKeyDown={(e) => {
              if (e.key !== 'Enter') return;
              const v = e.currentTarget.value;
              if (v !== f.query) f.setQuery(v);
              else if (e.shiftKey) f.prev();
              else f.next();
            }}
            onBlur={(e) => e.currentTarget.value !== f.query && f.setQuery(e.currentTarget.value)}
          />
          <Text size="xs" c={f.query && !f.searching && f.matches.length === 0 ? 'red' : 'dimmed'} style={{ whiteSpace: 'nowrap' }} data-testid="pdf-find-count">
            {!f.query ? '' : f.matches.length ? `${f.current + 1}/${f.matches.length}` : f.searching ? `查找中 ${f.scanned}/${p.pageCount}` : '无结果'}
          </Text>
          <ActionIcon variant="subtle" size="sm" onClick={f.prev} disabled={!f.matches.length} aria-label="上一个">
            <IconChevronUp size={16} />
          </ActionIcon>
          <ActionIcon variant="subtle" size="sm" onClick={f.next} disabled={!f.matches.length} aria-label="下一个">
            <IconChevronDown size={16} />
          </ActionIcon>
        </Group>
      )}
      <Group gap={6} ml="auto" wrap="nowrap">
        {p.extra}
      </Group>
    </Group>
  );
}

function PageInput({ page, pageCount, onPage }: { page: number; pageCount: number; onPage: (p: number) => void }) {
  const [draft, setDraft] = useState<string | number>(page);
  useEffect(() => setDraft(page), [page]);
  const commit = () => {
    const n = Number(draft);
    if (Number.isFinite(n) && n !== page) onPage(Math.min(Math.max(1, Math.round(n)), pageCount));
    else setDraft(page);
  };
  return (
    <NumberInput
      aria-label="页码"
      size="xs"
      w={64}
      min={1}
      max={pageCount}
      hideControls
      value={draft}
      onChange={setDraft}
      onKeyDown={(e) => e.key === 'Enter' && commit()}
      onBlur={commit}
    />
  );
}
