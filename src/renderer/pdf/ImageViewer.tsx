import { useEffect, useRef, useState, type ReactNode } from 'react';
import { ActionIcon, Group, Select, Stack, Text, Tooltip } from '@mantine/core';
import { IconRotate2, IconRotateClockwise2, IconZoomIn, IconZoomOut } from '@tabler/icons-react';
import { ZOOM_STEPS } from './ViewerToolbar';
import './viewer.css';

/** Scans as JPEG/PNG: one image with zoom and rotation (fit to the window by default). */
export function ImageViewer({ src, alt, extra, notice }: { src: string; alt: string; extra?: ReactNode; notice?: ReactNode }) {
  const [zoom, setZoom] = useState<'fit' | number>('fit');
  const [rotation, setRotation] = useState(0);
  const [failed, setFailed] = useState(false);
  const [natural, setNatural] = useState<{ w: number; h: number } | null>(null);
  const stage = useRef<HTMLDivElement>(null);
  const [room, setRoom] = useState({ w: 800, h: 600 });
  useEffect(() => {
    const el = stage.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setRoom({ w: el.clientWidth, h: el.clientHeight }));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const swap = rotation % 180 !== 0;
  const fit = natural ? Math.min((room.w - 24) / (swap ? natural.h : natural.w), (room.h - 24) / (swap ? natural.w : natural.h), 4) : 1;
  const scale = typeof zoom === 'number' ? zoom : Math.max(0.05, fit);
  const step = (d: 1 | -1) => {
    const cur = scale;
    setZoom((d > 0 ? ZOOM_STEPS.find((s) => s > cur + 0.01) : [...ZOOM_STEPS].reverse().find((s) => s < cur - 0.01)) ?? cur);
  };
  const box = natural ? { w: (swap ? natural.h : natural.w) * scale, h: (swap ? natural.w : natural.h) * scale } : null;
  return (
    <Stack gap={0} h="100%" mih={0} data-testid="image-viewer">
      <Group gap={6} px="xs" py={6} style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }} wrap="nowrap">
        <ActionIcon variant="subtle" onClick={() => step(-1)} aria-label="缩小">
          <IconZoomOut size={18} />
        </ActionIcon>
        <Select
          aria-label="缩放"
          size="xs"
          w={104}
          allowDeselect={false}
          value={typeof zoom === 'number' ? String(zoom) : 'fit'}
          data={[{ value: 'fit', label: '适合窗口' }, ...ZOOM_STEPS.map((s) => ({ value: String(s), label: `${Math.round(s * 100)}%` }))]}
          onChange={(v) => v && setZoom(v === 'fit' ? 'fit' : Number(v))}
        />
        <ActionIcon variant="subtle" onClick={() => step(1)} aria-label="放大">
          <IconZoomIn size={18} />
        </ActionIcon>
        <Tooltip label="向左旋转">
          <ActionIcon variant="subtle" onClick={() => setRotation((r) => (r + 270) % 360)} aria-label="向左旋转">
            <IconRotate2 size={18} />
          </ActionIcon>
        </Tooltip>
        <Tooltip label="向右旋转">
          <ActionIcon variant="subtle" onClick={() => setRotation((r) => (r + 90) % 360)} aria-label="向右旋转">
            <IconRotateClockwise2 size={18} />
          </ActionIcon>
        </Tooltip>
        {natural && (
          <Text size="xs" c="dimmed">
            {natural.w}×{natural.h} 像素
          </Text>
        )}
        <Group gap={6} ml="auto" wrap="nowrap">
          {extra}
        </Group>
      </Group>
      {notice}
      <div ref={stage} className="xd-image-stage" style={{ flex: 1, minHeight: 0 }}>
        {failed ? (
          <Text c="red" m="auto">
            图片无法显示（文件可能已损坏）。可以下载原文件查看。
          </Text>
        ) : (
          // The box takes the rotated size, so scrollbars fit what is seen; the image turns inside it.
          <div style={{ margin: 'auto', position: 'relative', width: box?.w ?? 1, height: box?.h ?? 1, flex: 'none' }}>
            <img
              src={src}
              alt={alt}
              onLoad={(e) => setNatural({ w: e.currentTarget.naturalWidth, h: e.currentTarget.naturalHeight })}
              onError={() => setFailed(true)}
              style={{
                position: 'absolute',
                left: '50%',
                top: '50%',
                width: natural ? natural.w * scale : undefined,
                height: natural ? natural.h * scale : undefined,
                maxWidth: 'none',
                transform: `translate(-50%, -50%) rotate(${rotation}deg)`,
                visibility: natural ? 'visible' : 'hidden',
              }}
            />
          </div>
        )}
      </div>
    </Stack>
  );
}
