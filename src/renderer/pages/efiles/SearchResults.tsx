import { Fragment } from 'react';
import { Badge, Group, Paper, Stack, Text } from '@mantine/core';

export type SearchHit = {
  docId: number;
  caseNo: string;
  volume: string;
  section: string;
  title: string;
  page: number | null;
  snippet: string;
  fromOcr?: boolean;
};

/**
 * Search results: which case, volume, section, document and page, with the words around the hit.
 * The snippet's hits come marked by the core with «…» (or [[…]]); they are shown highlighted.
 */
export function SearchResults({ hits, onOpen, showCase = true }: { hits: SearchHit[]; onOpen: (h: SearchHit) => void; showCase?: boolean }) {
  return (
    <Stack gap={6} data-testid="search-results">
      {hits.map((h, i) => (
        <Paper
          key={`${h.docId}-${h.page}-${i}`}
          withBorder
          p="xs"
          style={{ cursor: 'pointer' }}
          onClick={() => onOpen(h)}
          role="button"
          aria-label={`打开 ${h.title} 第 ${h.page ?? 1} 页`}
          data-testid="search-hit"
        >
          <Group gap="xs" mb={4} wrap="nowrap">
            {showCase && (
              <Text size="sm" fw={600} className="xd-mono">
                {h.caseNo}
              </Text>
            )}
            <Badge size="xs" variant="light" color={h.volume === '副卷' ? 'grape' : 'indigo'}>
              {h.volume}
            </Badge>
            <Text size="xs" c="dimmed" truncate>
              {h.section}
            </Text>
            <Text size="sm" truncate>
              {h.title}
            </Text>
            {h.page != null && (
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                第 {h.page} 页
              </Text>
            )}
            {h.fromOcr && (
              <Badge size="xs" variant="outline" color="gray">
                识别文字
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed" lineClamp={2}>
            <Snippet text={h.snippet} />
          </Text>
        </Paper>
      ))}
    </Stack>
  );
}

/** Splits a snippet on the core's hit markers and highlights the hits. */
export function Snippet({ text }: { text: string }) {
  const parts = text.split(/(«[^»]*»|\[\[.*?\]\]|<b>.*?<\/b>|<mark>.*?<\/mark>)/g);
  return (
    <>
      {parts.map((p, i) => {
        const m = /^(?:«(.*)»|\[\[(.*)\]\]|<b>(.*)<\/b>|<mark>(.*)<\/mark>)$/.exec(p);
        const inner = m ? (m[1] ?? m[2] ?? m[3] ?? m[4] ?? '') : null;
        return inner !== null ? (
          <mark key={i} style={{ background: 'var(--mantine-color-yellow-3)', color: 'inherit', padding: '0 1px' }}>
            {inner}
          </mark>
        ) : (
          <Fragment key={i}>{p}</Fragment>
        );
      })}
    </>
  );
}
