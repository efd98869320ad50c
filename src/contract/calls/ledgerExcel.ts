import { z } from 'zod';
import { defineCall } from '../define';

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

const problem = z.object({
  level: z.enum(['error', 'warning']),
  column: z.string().optional(),
  header: z.string().optional(),
  row: z.number(),
  message: z.string(),
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
});
export type ImportPreviewResult = z.infer<typeof importPreview>;

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
