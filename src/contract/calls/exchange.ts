import { z } from 'zod';
import { defineCall } from '../define';
import type { Role } from '../roles';
import { id, legalDate } from './common';
import { download } from './ledgerExcel';

/**
 * Upward packages (上报包) to the intermediate court: the manifest every package carries (its JSON
 * Schema is published as docs/manifest.schema.json, generated from `manifestSchema` below) and the
 * calls that export, verify, open read-only, list history and manage the signing key.
 */
export const MANIFEST_FORMAT = 'xdesk.upward-package';
export const MANIFEST_VERSION = 1;
export const SIGNATURE_FORMAT = 'xdesk.signature';

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, '应为 64 位小写十六进制 SHA-256');
const isoWeek = z.string().regex(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/, '应为 ISO 周，如 2025-W10');
const keyId = z.string().regex(/^[0-9a-f]{16}$/, '应为 16 位十六进制密钥编号');

export const FILE_KINDS = ['report', 'ledger', 'volume', 'document'] as const;
export const FILE_KIND_LABELS: Record<(typeof FILE_KINDS)[number], string> = { report: '周报', ledger: '台账', volume: '装订卷宗', document: '卷宗文件' };

export const manifestFile = z
  .object({
    path: z.string().min(1).max(1000),
    size: z.number().int().min(0),
    sha256: sha256Hex,
    kind: z.enum(FILE_KINDS),
    /** pdf, docx, xlsx, json, jpg … */
    format: z.string().min(1).max(16),
    title: z.string().max(500),
    /** For volume and document: the case it belongs to. */
    case: z.object({ caseNo: z.string().min(1).max(100) }).optional(),
    volume: z.enum(['正卷', '副卷']).optional(),
    /** Catalogue section of a document (卷内目录章节). */
    section: z.string().max(200).optional(),
    documentDate: legalDate.optional(),
  })
  .strict();

export const manifestSchema = z
  .object({
    format: z.literal(MANIFEST_FORMAT),
    version: z.literal(MANIFEST_VERSION),
    packageId: z.string().uuid(),
    court: z.object({ code: z.string().min(1).max(20), name: z.string().min(1).max(100) }).strict(),
    period: z
      .object({ kind: z.enum(['week', 'range']), week: isoWeek.optional(), from: legalDate, to: legalDate })
      .strict(),
    /** 1 for the first export of this period, 2 for the next … */
    revision: z.number().int().min(1),
    exportedAt: z.string().datetime(),
    exportedBy: z.object({ name: z.string().min(1).max(100), role: z.string().max(20) }).strict(),
    signer: z
      .object({ algorithm: z.literal('Ed25519'), keyId, fingerprint: sha256Hex, publicKeyPem: z.string().startsWith('-----BEGIN PUBLIC KEY-----') })
      .strict(),
    includesSecondary: z.boolean(),
    files: z.array(manifestFile).max(100_000),
    /**
     * The sender's audit-log head when the package was made: the last row's number and its keyed
     * hash (docs/upward-package.md). The receiver keeps it as evidence: a log later shown with a
     * different row under that number, or fewer rows, was altered or rewound. Absent in packages
     * made before this field existed.
     */
    auditHead: z.object({ id: z.number().int().min(0), hash: sha256Hex }).strict().optional(),
  })
  .strict();
export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestFile = z.infer<typeof manifestFile>;

export const signatureSchema = z
  .object({ format: z.literal(SIGNATURE_FORMAT), version: z.literal(1), signs: z.literal('manifest.json'), algorithm: z.literal('Ed25519'), keyId, signature: z.string().min(80).max(100) })
  .strict();

/** Roles allowed to include 副卷 material (besides the handler of the case) — local setting of access, per brief. */
export const SECONDARY_ROLES: readonly Role[] = ['chief', 'admin'];
const EXPORT_ROLES: readonly Role[] = ['staff', 'clerk', 'chief', 'leader', 'admin'];
const VIEW_ROLES: readonly Role[] = ['clerk', 'chief', 'leader', 'admin'];

export const exportInput = z
  .object({
    week: isoWeek.optional(),
    from: legalDate.optional(),
    to: legalDate.optional(),
    /** 案号 of the selected cases. */
    cases: z.array(z.string().trim().min(1).max(100)).max(500).default([]),
    includeVolumes: z.boolean().default(true),
    includeDocuments: z.boolean().default(false),
    /** Explicit choice to include 副卷 material; only chief/admin or the case handler — audited. */
    includeSecondary: z.boolean().default(false),
  })
  .superRefine((v, ctx) => {
    if (!v.week && !(v.from && v.to)) ctx.addIssue({ code: 'custom', path: ['week'], message: '请选择一周，或填写起止日期' });
    if (v.week && (v.from || v.to)) ctx.addIssue({ code: 'custom', path: ['to'], message: '选择了周就不要再填起止日期' });
    if (v.from && v.to && v.to < v.from) ctx.addIssue({ code: 'custom', path: ['to'], message: `不能早于开始日期（${v.from}）` });
    if (v.from && v.to && Date.parse(v.to) - Date.parse(v.from) > 366 * 86400_000) ctx.addIssue({ code: 'custom', path: ['to'], message: '期间不能超过一年' });
    if (v.includeSecondary && !v.cases.length) ctx.addIssue({ code: 'custom', path: ['includeSecondary'], message: '含副卷须先选择案件' });
  });

export const problem = z.object({ code: z.string(), message: z.string(), path: z.string().optional() });
export type Problem = z.infer<typeof problem>;

export const jobState = z.object({
  jobId: z.string(),
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  doneBytes: z.number(),
  totalBytes: z.number(),
  step: z.string(),
  error: z.string().nullable(),
  result: z
    .object({ exportId: z.number(), revision: z.number(), files: z.number(), size: z.number(), sha256: z.string(), download })
    .nullable(),
});

const historyRow = z.object({
  id: z.number(),
  periodLabel: z.string(),
  from: z.string(),
  to: z.string(),
  week: z.string().nullable(),
  revision: z.number(),
  files: z.number(),
  cases: z.array(z.string()),
  includesSecondary: z.boolean(),
  size: z.number(),
  sha256: z.string(),
  keyId: z.string(),
  fileName: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
});

/** Who may pin (or unpin) another court's public key: a trust decision for the bureau, not everyday work. */
export const PIN_ROLES: readonly Role[] = ['chief', 'admin'];

/** Another court's public key pinned by this installation (the 中院 pins each basic court's key). */
export const pinnedKey = z.object({
  keyId: z.string(),
  fingerprint: z.string(),
  courtCode: z.string(),
  courtName: z.string(),
  pinnedAt: z.string(),
  pinnedBy: z.string(),
});
export type PinnedKey = z.infer<typeof pinnedKey>;

/**
 * How the verifier knows the key that signed a package: own = this installation's key (current or
 * rotated out); pinned = another court's key registered here; given = a key named on the command
 * line (--trust) or placed in keys/exchange/trusted/; untrusted = nobody vouched for it.
 */
export const SIGNER_TRUST = ['own', 'pinned', 'given', 'untrusted'] as const;
export const SIGNER_TRUST_LABELS: Record<(typeof SIGNER_TRUST)[number], string> = {
  own: '本院密钥',
  pinned: '已登记的法院公钥',
  given: '命令行或信任目录提供的公钥',
  untrusted: '未登记的密钥',
};
export const signerInfo = z.object({
  keyId: z.string(),
  fingerprint: z.string().nullable(),
  trust: z.enum(SIGNER_TRUST),
  pinned: pinnedKey.nullable(),
});

const viewFile = manifestFile.extend({ index: z.number() });
export const verifyResult = z.object({
  ok: z.boolean(),
  problems: z.array(problem),
  manifest: manifestSchema.nullable(),
  keyId: z.string().nullable(),
  /** The signing key and whether it is pinned; null when the package carries no readable signature. */
  signer: signerInfo.nullable(),
});

const keyInfo = z.object({ keyId: z.string(), fingerprint: z.string(), createdAt: z.string(), current: z.boolean() });

export const exchangeCalls = {
  'exchange.export.start': defineCall({ title: '开始导出上报包', access: EXPORT_ROLES, mutates: true, input: exportInput, output: z.object({ jobId: z.string() }) }),
  'exchange.export.status': defineCall({ title: '查看上报包导出进度', access: EXPORT_ROLES, mutates: false, input: z.object({ jobId: z.string().max(64) }), output: jobState }),
  'exchange.export.cancel': defineCall({ title: '取消导出上报包', access: EXPORT_ROLES, mutates: false, input: z.object({ jobId: z.string().max(64) }), output: jobState }),
  'exchange.history.list': defineCall({ title: '上报包导出记录', access: EXPORT_ROLES, mutates: false, input: z.object({}).default({}), output: z.object({ rows: z.array(historyRow) }) }),
  'exchange.exports.download': defineCall({
    title: '再次下载上报包',
    access: EXPORT_ROLES,
    mutates: false,
    input: z.object({ exportId: z.number().int().positive() }),
    output: z.object({ download }),
  }),
  'exchange.view.open': defineCall({
    title: '校验并打开上报包',
    access: VIEW_ROLES,
    mutates: true,
    input: z.object({ uploadId: z.string().min(1).max(64) }),
    output: verifyResult.extend({ viewId: z.string().nullable(), files: z.array(viewFile) }),
  }),
  'exchange.view.file': defineCall({
    title: '查看上报包中的文件',
    access: VIEW_ROLES,
    mutates: false,
    input: z.object({ viewId: z.string().max(64), index: z.number().int().min(0) }),
    output: z.object({ download, mime: z.string() }),
  }),
  'exchange.view.ledger': defineCall({
    title: '查看上报包中的台账',
    access: VIEW_ROLES,
    mutates: false,
    input: z.object({ viewId: z.string().max(64) }),
    output: z.object({ columns: z.array(z.object({ key: z.string(), label: z.string() })), rows: z.array(z.record(z.string(), z.unknown())) }),
  }),
  'exchange.key.list': defineCall({ title: '上报包签名密钥', access: EXPORT_ROLES, mutates: false, input: z.object({}).default({}), output: z.object({ keys: z.array(keyInfo) }) }),
  'exchange.key.export': defineCall({
    title: '导出签名公钥',
    access: EXPORT_ROLES,
    mutates: false,
    input: z.object({ keyId: keyId.optional() }),
    output: keyInfo.extend({ pem: z.string(), download }),
  }),
  'exchange.key.rotate': defineCall({ title: '更换上报包签名密钥', access: ['admin'], mutates: true, input: z.object({}).default({}), output: keyInfo }),
  'exchange.trust.list': defineCall({ title: '已登记的法院公钥', access: EXPORT_ROLES, mutates: false, input: z.object({}).default({}), output: z.object({ keys: z.array(pinnedKey) }) }),
  'exchange.trust.inspect': defineCall({
    title: '读取待登记的公钥',
    access: PIN_ROLES,
    mutates: false,
    /** A .pem staged through the upload route (for=exchange.trust.pin). */
    input: z.object({ uploadId: z.string().min(1).max(64) }),
    output: z.object({ keyId: z.string(), fingerprint: z.string(), alreadyPinned: pinnedKey.nullable() }),
  }),
  'exchange.trust.pin': defineCall({
    title: '登记其他法院的签名公钥',
    access: PIN_ROLES,
    mutates: true,
    input: z.object({
      uploadId: z.string().min(1).max(64),
      courtCode: z.string().trim().min(1, '请选择报送法院').max(20),
      /** The fingerprint the user compared with the sending court: must be the uploaded key's. */
      fingerprint: sha256Hex,
    }),
    output: pinnedKey,
  }),
  'exchange.trust.remove': defineCall({
    title: '撤销登记的法院公钥',
    access: PIN_ROLES,
    mutates: true,
    input: z.object({ keyId, reason: z.string().trim().min(1, '请说明撤销原因').max(200, '不能超过 200 个字') }),
    output: z.object({ done: z.literal(true) }),
  }),
  'exchange.cases.search': defineCall({
    title: '选择上报案件',
    access: EXPORT_ROLES,
    mutates: false,
    input: z.object({ q: z.string().trim().max(50).default('') }),
    output: z.object({ rows: z.array(z.object({ caseId: id, caseNo: z.string(), handler: z.string().nullable(), documents: z.number() })) }),
  }),
};
