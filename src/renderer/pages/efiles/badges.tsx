import { Badge, Tooltip } from '@mantine/core';

/** How a stored file is shown; decided by the core from the file's bytes, not its name. */
export const KIND_LABELS: Record<string, string> = {
  pdf: 'PDF',
  image: '图片',
  jpeg: 'JPEG',
  png: 'PNG',
  tiff: 'TIFF',
  docx: 'Word',
  xlsx: 'Excel',
  ofd: 'OFD',
};

const OCR: Record<string, { label: string; color: string; tip: string }> = {
  queued: { label: '排队中', color: 'yellow', tip: '等待文字识别（在后台离线进行，可随时继续）' },
  running: { label: '识别中', color: 'blue', tip: '正在识别扫描页上的文字' },
  done: { label: '已识别', color: 'teal', tip: '扫描页的文字已识别，可被搜索到' },
  text: { label: '有文字层', color: 'teal', tip: '文件自带文字，无需识别' },
  failed: { label: '识别失败', color: 'red', tip: '文字识别失败；文件本身不受影响' },
  off: { label: '未开启', color: 'gray', tip: '文字识别已在设置中关闭' },
  none: { label: '不适用', color: 'gray', tip: '此类文件不做文字识别' },
};

export function OcrBadge({ status, detail }: { status: string | null | undefined; detail?: string }) {
  const s = OCR[status ?? 'none'] ?? { label: status ?? '—', color: 'gray', tip: '' };
  return (
    <Tooltip label={detail ?? s.tip} disabled={!s.tip && !detail} multiline w={240}>
      <Badge size="sm" variant="light" color={s.color} data-testid="ocr-status">
        {s.label}
      </Badge>
    </Tooltip>
  );
}
