import { afterAll, describe, expect, it } from 'vitest';
import { closeDocumentWorkers, documentWorkerCount, runDocumentTask } from '../../../src/core/workers/pool';
import { renderWeeklyFilesFrom } from '../../../src/core/reports/weeklyFiles';
import { weeklyFigures } from '../../../src/core/reports/weeklyFigures';
import { reportHead } from '../../../src/core/reports/head';
import { testCore } from '../../support/core';

// From source the pool starts workers only when asked (src/core/workers/pool.ts); the bundle always does.
process.env.XDESK_DOCUMENT_WORKERS = '1';
afterAll(() => closeDocumentWorkers());

describe('document worker threads', () => {
  it('render the weekly report off the calling thread: the same three files, as Buffers', { timeout: 120_000 }, async () => {
    const t = testCore({ now: '2025-03-20T02:00:00Z' });
    try {
      const figures = weeklyFigures(t.app, { week: '2025-W11' });
      const head = reportHead(t.app, figures);
      expect(documentWorkerCount()).toBe(0);
      const files = await renderWeeklyFilesFrom(figures, head, 2);
      expect(documentWorkerCount()).toBe(1);
      expect(files.map((f) => f.fileName)).toEqual(['交叉执行周报-2025-W11-第2版.docx', '交叉执行周报-2025-W11-第2版.xlsx', '交叉执行周报-2025-W11-第2版.pdf']);
      for (const f of files) expect(Buffer.isBuffer(f.bytes)).toBe(true);
      expect(files[0]!.bytes.subarray(0, 2).toString()).toBe('PK');
      expect(files[2]!.bytes.subarray(0, 5).toString()).toBe('%PDF-');
      // Two at once: the pool answers both (a second worker where there are cores for it).
      const both = await Promise.all([runDocumentTask('weeklyFiles', { figures, head }), runDocumentTask('weeklyFiles', { figures, head, version: 3 })]);
      expect(both.map((b) => b.length)).toEqual([3, 3]);
    } finally {
      t.cleanup();
    }
  });

  it('a task that fails answers with a Chinese message instead of hanging', async () => {
    await expect(runDocumentTask('weeklyFiles', { figures: null as never, head: null as never })).rejects.toThrow(/^文档生成失败：/);
  });
});
