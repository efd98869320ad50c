import { z } from 'zod';
import { defineCall } from '../define';
import { done, id, legalDate } from './common';
import { uploadId } from './ledgerExcel';

/**
 * Electronic case files (电子卷宗, issue 5): the store, import, catalogue, recycle bin, verify.
 * Search and binding are in ./efilesSearch.ts (EFILES-SEARCH). Files come in as upload ids
 * (src/core/files/uploads.ts); a document's bytes are read by the viewer from
 * GET /api/file/efile/<id> (browser mode, src/server/efileContent.ts) with the same role and 副卷
 * checks as these calls. The 副卷 is visible only to the case's handler, the chief and
 * administrators (法释〔2002〕39号 art. 5: parties and lawyers may inspect only the 正卷; local
 * practice keeps it internal), and every view or export of a 副卷 document is audited.
 */
export const VOLUMES = ['正卷', '副卷'] as const;
export const ALL_VOLUMES = ['正卷', '副卷', '局务'] as const;
export const DOC_KINDS = ['pdf', 'image', 'docx', 'xlsx', 'ofd', 'other'] as const;
/** Who may add to and rearrange a case file; 分管院领导 read only. */
export const EFILE_EDIT_ROLES = ['staff', 'clerk', 'chief', 'admin'] as const;

export const volume = z.enum(VOLUMES);
export const sectionId = z.string().trim().min(1, '请选择目录').max(40);

export const efileSection = z.object({ id: z.string(), volume: z.enum(ALL_VOLUMES), name: z.string(), order: z.number(), keywords: z.array(z.string()), active: z.boolean() });
export type EfileSection = z.infer<typeof efileSection>;

export const efileDocument = z.object({
  id,
  caseId: z.number().nullable(),
  volume: z.enum(ALL_VOLUMES),
  sectionId: z.string(),
  title: z.string(),
  fileName: z.string(),
  docDate: z.string().nullable(),
  pages: z.number().nullable(),
  order: z.number(),
  kind: z.enum(DOC_KINDS),
  mime: z.string(),
  size: z.number(),
  sha256: z.string(),
  /** Text recognition status from EFILES-SEARCH (queued|running|done|text|failed|off|none), null when unknown. */
  ocr: z.string().nullable(),
  // Backticks: the layer test's import scanner would read a quoted `import` as an import statement.
  source: z.enum([`import`, `generated`]),
  createdAt: z.string(),
  deletedAt: z.string().nullable(),
});
export type EfileDocument = z.infer<typeof efileDocument>;

const suggestion = z.object({ sectionId: z.string(), reason: z.string() }).nullable();

export const efilesSettings = z.object({
  /** Local setting: largest file accepted by an import, in MB (issue 5 item 2: default 500 MB). */
  efileMaxFileMb: z.number().int().min(1, '至少 1 MB').max(4096, '不能超过 4096 MB'),
  /** Local setting ❓: 保管期限 printed on the 卷皮 of a bound volume (court archive rules set it per case type). */
  volumeRetention: z.enum(['永久', '长期', '短期']),
});

const title = z.string().trim().min(1, '标题不能为空').max(200, '标题不能超过 200 个字');

export const efilesCalls = {
  'efiles.catalogue': defineCall({
    title: '查看电子卷宗目录',
    access: 'user',
    mutates: false,
    input: z.object({ caseId: id }),
    output: z.object({
      caseId: z.number(),
      caseNo: z.string(),
      parties: z.string(),
      handlerName: z.string().nullable(),
      secondaryVisible: z.boolean(),
      secondaryNote: z.string().nullable(),
      canEdit: z.boolean(),
      sections: z.array(efileSection),
      documents: z.array(efileDocument),
    }),
  }),
  'efiles.document': defineCall({
    title: '查看电子卷宗文件',
    access: 'user',
    mutates: false,
    input: z.object({ id }),
    output: efileDocument.extend({ caseNo: z.string(), sectionName: z.string() }),
  }),
  [`efiles.import`]: defineCall({
    title: '导入电子卷宗文件',
    access: EFILE_EDIT_ROLES,
    mutates: true,
    input: z.object({
      caseId: id,
      uploadId,
      volume: volume.default('正卷'),
      sectionId: sectionId.optional(),
      title: title.optional(),
      docDate: legalDate.optional(),
    }),
    output: z.object({
      document: efileDocument,
      duplicate: z.boolean(),
      suggestion,
      /** The date read from the document's text (its 落款), asked of the person cataloguing. */
      dateSuggestion: z.object({ date: z.string(), reason: z.string() }).nullable(),
      notes: z.array(z.string()),
    }),
  }),
  'efiles.update': defineCall({
    title: '修改电子卷宗编目',
    access: EFILE_EDIT_ROLES,
    mutates: true,
    input: z.object({ id, title: title.optional(), docDate: legalDate.nullable().optional(), volume: volume.optional(), sectionId: sectionId.optional() }),
    output: efileDocument,
  }),
  'efiles.reorder': defineCall({
    title: '调整电子卷宗文件顺序',
    access: EFILE_EDIT_ROLES,
    mutates: true,
    input: z.object({ caseId: id, volume, sectionId, ids: z.array(id).min(1, '没有要排序的文件').max(5000) }),
    output: done,
  }),
  'efiles.delete': defineCall({ title: '删除电子卷宗文件（移入回收站）', access: EFILE_EDIT_ROLES, mutates: true, input: z.object({ id }), output: done }),
  'efiles.restore': defineCall({ title: '从回收站恢复电子卷宗文件', access: EFILE_EDIT_ROLES, mutates: true, input: z.object({ id }), output: done }),
  'efiles.purge': defineCall({ title: '彻底删除电子卷宗文件', access: ['admin'], mutates: true, input: z.object({ id }), output: z.object({ done: z.literal(true), fileRemoved: z.boolean() }) }),
  'efiles.recycleBin': defineCall({ title: '查看电子卷宗回收站', access: 'user', mutates: false, input: z.object({ caseId: id }), output: z.array(efileDocument) }),
  'efiles.sections': defineCall({ title: '查看卷宗目录设置', access: 'user', mutates: false, input: z.object({}).strict(), output: z.array(efileSection) }),
  'efiles.sections.save': defineCall({
    title: '修改卷宗目录设置',
    access: ['admin'],
    mutates: true,
    input: z.object({
      id: z.string().max(40).optional(),
      volume: z.enum(ALL_VOLUMES),
      name: z.string().trim().min(1, '请填写目录名称').max(60, '不能超过 60 个字'),
      order: z.number().int().min(1).max(999),
      keywords: z.array(z.string().trim().min(1).max(20)).max(50).default([]),
      active: z.boolean().default(true),
    }),
    output: efileSection,
  }),
  'efiles.verify': defineCall({
    title: '校验电子卷宗文件',
    access: ['admin'],
    mutates: false,
    input: z.object({}).strict(),
    output: z.object({
      checked: z.number(),
      bytes: z.number(),
      orphans: z.number(),
      problems: z.array(
        z.object({
          sha256: z.string(),
          problem: z.enum(['missing', 'damaged']),
          documents: z.array(z.object({ id: z.number(), caseNo: z.string().nullable(), title: z.string(), volume: z.string() })),
        }),
      ),
    }),
  }),
  'efiles.sweep': defineCall({
    title: '清理电子卷宗存储',
    access: ['admin'],
    mutates: true,
    input: z.object({ graceMinutes: z.number().int().min(0).max(10080).default(60) }),
    output: z.object({ orphansRemoved: z.number(), tempRemoved: z.number(), bytesFreed: z.number() }),
  }),
};
