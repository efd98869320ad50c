import { z } from 'zod';
import { defineCall } from '../define';
import { CLOSURE_TYPES, DIRECTIONS, TRANSFER_MODES, TRANSFER_STATES } from '../vocabulary';

/**
 * Excel import and export of the ledger (issue 3, item 8). The file reaches the core as an upload
 * id: browser mode POSTs it to /api/file/upload?for=ledger.import.preview, Electron stages the file
 * chosen in its dialog, the CLI stages the path it was given. Generated files come back as a
 * download token (GET /api/file/download/<token> in browser mode, a save dialog in Electron).
 */
export const IMPORT_ROLES = ['staff', 'clerk', 'chief', 'admin'] as const;

export const uploadId = z.string().regex(/^[A-Za-z0-9_-]{22}$/, '上传编号无效，请重新选择文件');
export const download = z.object({ token: z.string(), name: z.string(), size: z.number() });
export type DownloadRef = z.infer<typeof download>;

/**
 * Columns whose cells must be one word of a fixed vocabulary; a ledger's own words for them can be
 * added as synonyms by an administrator (stored in the database, a local setting).
 */
export const SYNONYM_KINDS = ['mode', 'direction', 'state', 'closure'] as const;
export type SynonymKind = (typeof SYNONYM_KINDS)[number];
export const SYNONYM_KIND_LABELS: Record<SynonymKind, string> = { mode: '交叉方式', direction: '方向', state: '状态', closure: '结案方式' };
export const SYNONYM_TARGETS: Record<SynonymKind, readonly string[]> = {
  mode: TRANSFER_MODES,
  direction: DIRECTIONS,
  state: TRANSFER_STATES,
  closure: CLOSURE_TYPES,
};
const synonymKind = z.enum(SYNONYM_KINDS);

const problem = z.object({
  level: z.enum(['error', 'warning']),
  column: z.string().optional(),
  header: z.string().optional(),
  row: z.number(),
  message: z.string(),
  /** The cell held a word the vocabulary (and the synonyms) do not know. */
  unknown: z.object({ kind: synonymKind, value: z.string() }).optional(),
});
export const importRowStatus = z.enum(['ok', 'warning', 'error', 'duplicate']);
const previewRow = z.object({
  rows: z.array(z.number()),
  caseNo: z.string().nullable(),
  status: importRowStatus,
  problems: z.array(problem),
  summary: z.object({
    applicants: z.string(),
    debtors: z.string(),
    amountDueFen: z.number().nullable(),
    mode: z.string().nullable(),
    filedOn: z.string().nullable(),
  }),
});
export type ImportPreviewRow = z.infer<typeof previewRow>;
const counts = z.object({ total: z.number(), ok: z.number(), warning: z.number(), error: z.number(), duplicate: z.number() });

export const importPreview = z.object({
  file: z.object({ name: z.string(), size: z.number(), sha256: z.string() }),
  sheets: z.array(z.object({ name: z.string(), recognised: z.boolean() })),
  sheet: z.string(),
  headerRows: z.array(z.number()),
  columns: z.array(z.object({ letter: z.string(), header: z.string(), field: z.string(), label: z.string(), unit: z.enum(['元', '万元']).nullable() })),
  unknownHeaders: z.array(z.object({ letter: z.string(), header: z.string() })),
  duplicateHeaders: z.array(z.object({ letter: z.string(), header: z.string(), field: z.string(), label: z.string() })),
  counts,
  rows: z.array(previewRow),
  /** Each distinct unknown word once, with how many rows it refuses: what "把「…」视为…" offers. */
  unknownValues: z.array(z.object({ kind: synonymKind, value: z.string(), rows: z.number() })),
});
export type ImportPreviewResult = z.infer<typeof importPreview>;

const synonymRow = z.object({ kind: synonymKind, phrase: z.string(), value: z.string(), createdAt: z.string(), createdBy: z.string() });
export type SynonymRowOut = z.infer<typeof synonymRow>;

const importInput = z.object({ uploadId, sheet: z.string().max(100).optional() });

export const ledgerExcelCalls = {
  'ledger.import.preview': defineCall({
    title: '预览台账导入',
    access: IMPORT_ROLES,
    mutates: false,
    input: importInput,
    output: importPreview,
  }),
  'ledger.import.commit': defineCall({
    title: '导入台账',
    access: IMPORT_ROLES,
    mutates: true,
    input: importInput,
    output: z.object({ importId: z.number(), imported: z.number(), duplicates: z.number(), rejected: z.number(), doubleChecks: z.number(), report: download.nullable() }),
  }),
  'ledger.import.discard': defineCall({
    title: '结束台账导入预览',
    access: IMPORT_ROLES,
    mutates: false,
    input: importInput.pick({ uploadId: true }),
    output: z.object({ done: z.literal(true) }),
  }),
  'ledger.import.synonyms.list': defineCall({
    title: '查看台账导入同义词',
    access: IMPORT_ROLES,
    mutates: false,
    input: z.object({}).strict(),
    output: z.array(synonymRow),
  }),
  'ledger.import.synonyms.save': defineCall({
    title: '保存台账导入同义词',
    access: ['admin'],
    mutates: true,
    input: z.object({
      kind: synonymKind,
      phrase: z.string().trim().min(1, '请填写台账中的原词').max(50, '不能超过 50 个字'),
      value: z.string().min(1, '请选择对应的系统用语'),
    }),
    output: synonymRow,
  }),
  'ledger.import.synonyms.delete': defineCall({
    title: '删除台账导入同义词',
    access: ['admin'],
    mutates: true,
    input: z.object({ kind: synonymKind, phrase: z.string().min(1).max(50) }),
    output: z.object({ done: z.literal(true) }),
  }),
  'ledger.import.history': defineCall({
    title: '查看台账导入记录',
    access: IMPORT_ROLES,
    mutates: false,
    input: z.object({}).strict(),
    output: z.array(
      z.object({
        id: z.number(),
        at: z.string(),
        userName: z.string(),
        fileName: z.string(),
        sheet: z.string(),
        rowsTotal: z.number(),
        imported: z.number(),
        duplicates: z.number(),
        rejected: z.number(),
      }),
    ),
  }),
};
