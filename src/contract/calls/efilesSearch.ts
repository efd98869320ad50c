import { z } from 'zod';
import { defineCall } from '../define';
import { CASE_ROLES } from '../roles';
import { empty, id } from './common';
import { download } from './ledgerExcel';

/**
 * Search, text recognition and binding of the e-files (issue 5 items 5 and 6; owner EFILES-SEARCH).
 * Search finds Chinese 2-character words and fragments of 案号 (bigram index, src/core/efiles/search);
 * 副卷 hits only reach the case's handler, the chief and administrators (法释〔2002〕39号 art. 5 and
 * local practice, same check as the catalogue). Binding (一键组卷) produces one PDF per volume:
 * 卷皮, 卷内目录, the documents in catalogue order, 备考表, page numbers and bookmarks.
 */
export const efilesTextSettings = z.object({
  /** Local setting: recognise the text of scans in the background (OCR, offline). On by default. */
  ocrEnabled: z.boolean(),
});

export const searchHit = z.object({
  docId: z.number(),
  caseId: z.number().nullable(),
  caseNo: z.string(),
  volume: z.string(),
  section: z.string(),
  title: z.string(),
  /** 1-based page of the hit (the viewer opens there); null for documents without pages. */
  page: z.number().nullable(),
  /** The words around the hit; the hit itself between «…». */
  snippet: z.string(),
  fromOcr: z.boolean(),
});
export type SearchHitOut = z.infer<typeof searchHit>;

const ocrStatus = z.object({ enabled: z.boolean(), queued: z.number(), running: z.number(), done: z.number(), failed: z.number() });

export const efilesSearchCalls = {
  'efiles.search': defineCall({
    title: '搜索电子卷宗',
    access: 'user',
    mutates: false,
    input: z.object({
      q: z.string().trim().min(1, '请输入要搜索的文字').max(100, '不能超过 100 个字'),
      caseId: id.optional(),
      volume: z.enum(['正卷', '副卷', '局务']).optional(),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    output: z.object({
      hits: z.array(searchHit),
      /** Pages found (counted up to a cap; `more` says there are more than that). */
      total: z.number(),
      more: z.boolean(),
    }),
  }),
  'efiles.bind': defineCall({
    title: '一键组卷（生成卷宗 PDF）',
    access: CASE_ROLES,
    mutates: true,
    input: z.object({ caseId: id, volume: z.enum(['正卷', '副卷']) }),
    output: download.extend({ pages: z.number() }),
  }),
  'efiles.ocr.status': defineCall({ title: '查看文字识别进度', access: 'user', mutates: false, input: empty, output: ocrStatus }),
  'efiles.ocr.setEnabled': defineCall({
    title: '开启或关闭文字识别',
    access: ['admin'],
    mutates: true,
    input: z.object({ enabled: z.boolean() }),
    output: ocrStatus,
  }),
  'efiles.ocr.retry': defineCall({ title: '重新识别失败的页面', access: ['admin'], mutates: true, input: empty, output: z.object({ requeued: z.number() }) }),
};
