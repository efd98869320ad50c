import { useEffect, useState, type ReactNode } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Anchor, Badge, Box, Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { IconArrowLeft, IconDownload, IconInfoCircle } from '@tabler/icons-react';
import { PdfViewer } from '../../pdf/PdfViewer';
import { ImageViewer } from '../../pdf/ImageViewer';
import { efiles } from './efilesApi';
import { openDocumentBytes, type DocumentBytes } from './documentSource';
import { OcrBadge } from './badges';

const PREVIEWABLE_IMAGES = new Set(['jpeg', 'png', 'image']);

/**
 * One document in the in-app viewer: PDFs and images are shown here (pdf.js); OFD, Word and Excel
 * files cannot be previewed here and offer a download instead. `?page=` and `?q=` come from a
 * search result: the viewer opens on that page with the word highlighted.
 */
export function DocumentView() {
  const docId = Number(useParams().docId);
  const [sp] = useSearchParams();
  const navigate = useNavigate();
  const page = Math.max(1, Number(sp.get('page') ?? 1) || 1);
  const q = sp.get('q') ?? '';
  const meta = useQuery({ queryKey: ['efiles.document', docId], queryFn: () => efiles.document(docId), enabled: docId > 0, staleTime: 60_000 });
  const [bytes, setBytes] = useState<DocumentBytes | null>(null);
  const [bytesError, setBytesError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    let opened: DocumentBytes | null = null;
    setBytes(null);
    setBytesError(null);
    openDocumentBytes(docId).then(
      (b) => {
        opened = b;
        if (live) setBytes(b);
        else b.dispose();
      },
      (e: unknown) => live && setBytesError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
      opened?.dispose();
    };
  }, [docId]);

  if (meta.isLoading || (!bytes && !bytesError && !meta.error)) return <Center h={300}><Loader /></Center>;
  if (meta.error || !meta.data || !bytes) {
    return (
      <Alert color="red" title="无法打开此文件">
        {meta.error?.message ?? bytesError ?? '文件不存在'}
      </Alert>
    );
  }
  const d = meta.data;
  const download = <DownloadButton bytes={bytes} fileName={d.fileName} />;
  const back = () => navigate(`/efiles/case/${d.caseId}`);
  let body;
  if (d.kind === 'pdf') {
    body = <PdfViewer source={bytes.pdf} initialPage={page} highlight={q} extra={download} notice={q && d.ocr === 'done' ? <OcrNotice /> : null} />;
  } else if (PREVIEWABLE_IMAGES.has(d.kind)) {
    body = <DocumentImage bytes={bytes} alt={d.title} extra={download} />;
  } else {
    body = (
      <Center mih={300}>
        <Stack align="center" maw={520}>
          <IconInfoCircle size={40} color="var(--mantine-color-indigo-5)" />
          <Text ta="center" data-testid="no-preview">
            {d.kind === 'ofd'
              ? 'OFD 版式文件已保存并编入目录，但本程序暂不能预览。请下载后用 OFD 阅读器（如数科、福昕 OFD 版）打开。'
              : d.kind === 'docx' || d.kind === 'xlsx'
                ? `${d.kind === 'docx' ? 'Word' : 'Excel'} 文件已保存并编入目录，但不能在此预览。请下载后用办公软件打开；组卷时请先转为 PDF 再导入。`
                : d.kind === 'tiff'
                  ? 'TIFF 扫描件不能在此直接预览。请下载查看，或导入时选择 PDF 格式的扫描件。'
                  : '此类文件不能在此预览，请下载后查看。'}
          </Text>
          {download}
        </Stack>
      </Center>
    );
  }
  return (
    <Stack gap={6} h="calc(100vh - 52px - 2 * var(--mantine-spacing-md))" mih={0}>
      <Group justify="space-between" wrap="nowrap">
        <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
          <Anchor size="sm" onClick={back} style={{ whiteSpace: 'nowrap' }}>
            <Group gap={4} wrap="nowrap">
              <IconArrowLeft size={14} />
              {d.caseNo}
            </Group>
          </Anchor>
          <Badge variant="light" color={d.volume === '副卷' ? 'grape' : 'indigo'}>
            {d.volume}
          </Badge>
          <Text size="sm" c="dimmed" truncate>
            {d.sectionName}
          </Text>
          <Text fw={600} truncate data-testid="doc-view-title">
            {d.title}
          </Text>
          {d.docDate && (
            <Text size="sm" c="dimmed">
              {d.docDate}
            </Text>
          )}
          <OcrBadge status={d.ocr} />
        </Group>
        {d.volume === '副卷' && (
          <Text size="xs" c="grape" style={{ whiteSpace: 'nowrap' }}>
            副卷文件：本次查看已记入审计日志
          </Text>
        )}
      </Group>
      <Box style={{ flex: 1, minHeight: 0, border: '1px solid var(--mantine-color-default-border)', borderRadius: 4, overflow: 'hidden' }}>{body}</Box>
    </Stack>
  );
}

function OcrNotice() {
  return (
    <Alert color="blue" variant="light" py={4} radius={0} icon={<IconInfoCircle size={16} />}>
      此文件为扫描件，搜索命中来自文字识别（OCR）；页面上未必能逐字高亮，请在所打开的页面中查看。
    </Alert>
  );
}

/** "下载原文件": a plain link in the browser; in Electron the native save dialog (audited in the core). */
function DownloadButton({ bytes, fileName }: { bytes: DocumentBytes; fileName: string }) {
  const [saving, setSaving] = useState(false);
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const icon = <IconDownload size={14} />;
  if ('href' in bytes.download) {
    return (
      <Button component="a" href={bytes.download.href} download={fileName} size="xs" variant="light" leftSection={icon}>
        下载原文件
      </Button>
    );
  }
  const save = bytes.download.save;
  return (
    <Group gap={6} wrap="nowrap">
      <Button
        size="xs"
        variant="light"
        leftSection={icon}
        loading={saving}
        onClick={() => {
          setSaving(true);
          setNote(null);
          save()
            .then((p) => p && setNote({ ok: true, text: `已保存到 ${p}` }))
            .catch((e: unknown) => setNote({ ok: false, text: e instanceof Error ? e.message : String(e) }))
            .finally(() => setSaving(false));
        }}
      >
        下载原文件
      </Button>
      {note && (
        <Text size="xs" c={note.ok ? 'dimmed' : 'red'} truncate maw={320}>
          {note.text}
        </Text>
      )}
    </Group>
  );
}

/** An image document: its bytes become an <img> source first (in Electron a blob: URL read through the bridge). */
function DocumentImage({ bytes, alt, extra }: { bytes: DocumentBytes; alt: string; extra: ReactNode }) {
  const [src, setSrc] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    bytes.image().then(
      (u) => live && setSrc(u),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [bytes]);
  if (error) return <Alert color="red" title="无法读取图片">{error}</Alert>;
  if (!src) return <Center h={300}><Loader /></Center>;
  return <ImageViewer src={src} alt={alt} extra={extra} />;
}
