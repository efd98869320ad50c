import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Group, Loader, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { efiles } from './efilesApi';
import { SearchResults, type SearchHit } from './SearchResults';
import type { Volume } from './model';

/**
 * Full-text search of the e-files: everything, one case, or one volume of it. The core's index
 * finds 2-character Chinese words (查封, 拘留, 张某) and fragments of 案号; a result opens the
 * viewer on its page with the word highlighted.
 */
export function ScopedSearch({ caseId, volumes }: { caseId?: number; volumes?: Volume[] }) {
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [scope, setScope] = useState<'all' | Volume>('all');
  const [dq] = useDebouncedValue(q.trim(), 300);
  const input = { caseId, volume: scope === 'all' ? undefined : scope };
  const res = useQuery({ queryKey: ['efiles.search', dq, input], queryFn: () => efiles.search(dq, input), enabled: dq.length > 0, placeholderData: (p) => p });
  const open = (h: SearchHit) => navigate(`/efiles/doc/${h.docId}?page=${h.page ?? 1}&q=${encodeURIComponent(dq)}`);
  const hits = dq ? (res.data?.hits ?? []) : [];
  return (
    <Stack gap="xs">
      <Group gap="xs" align="flex-end">
        <TextInput
          style={{ flex: 1, maxWidth: 520 }}
          leftSection={res.isFetching ? <Loader size={14} /> : <IconSearch size={16} />}
          placeholder={caseId ? '在本案卷宗中搜索文字，如 查封、拘留、当事人姓名' : '在全部卷宗中搜索：文字、当事人姓名或案号片段'}
          aria-label="搜索卷宗"
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          data-testid="efiles-search"
        />
        {caseId && volumes && volumes.length > 1 && (
          <SegmentedControl
            size="xs"
            value={scope}
            onChange={(v) => setScope(v as 'all' | Volume)}
            data={[{ value: 'all', label: '本案全部' }, ...volumes.map((v) => ({ value: v, label: v }))]}
            aria-label="搜索范围"
          />
        )}
      </Group>
      {res.error && dq && (
        <Alert color="red" py={6}>
          {res.error.message}
        </Alert>
      )}
      {dq && res.data && (
        <Text size="xs" c="dimmed" data-testid="search-count">
          {res.data.total === 0 ? `没有找到「${dq}」` : `找到 ${res.data.total} 处${res.data.more ? '以上' : ''}${res.data.total > hits.length ? `，显示前 ${hits.length} 处` : ''}`}
        </Text>
      )}
      {hits.length > 0 && <SearchResults hits={hits} onOpen={open} showCase={!caseId} />}
    </Stack>
  );
}
