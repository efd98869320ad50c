import fs from 'node:fs';
import { createHash, randomUUID } from 'node:crypto';
import type { AuditCallName } from '../../contract/auditNames';
import type { UserPublic } from '../../contract/calls/common';
import { MANIFEST_FORMAT, MANIFEST_VERSION, SIGNATURE_FORMAT, manifestSchema, type Manifest } from '../../contract/calls/exchange';
import { ROLE_LABELS } from '../../contract/roles';
import type { CoreApp } from '../app';
import { appendAudit, auditHead, recordWitness } from '../audit/audit';
import { ensureSigningKey, publicKeyPem, signWithCurrent } from './keys';
import { safeSegment } from './naming';
import { resolvePeriod } from './period';
import { planPackage, resolveCases, type PackageRequest } from './plan';
import { nextRevision, recordExport } from './history';
import { MANIFEST, SIGNATURE } from './verify';
import { writeZip } from './zipWrite';
import { keepExport } from './kept';

export type ExportInput = PackageRequest & { week?: string; from?: string; to?: string };
export type ExportProgress = { step: string; doneBytes: number; totalBytes: number };
export type ExportResult = { exportId: number; revision: number; files: number; size: number; sha256: string; fileName: string; manifest: Manifest };

/** Checks what can be checked before any work starts (period, cases, 副卷 rights): throws a DomainError. */
export function precheckExport(app: CoreApp, user: UserPublic, input: ExportInput) {
  const period = resolvePeriod(app, input);
  const cases = resolveCases(app, user, input);
  return { period, cases };
}

/**
 * Builds, signs and writes one upward package to `outFile` (temp + rename), then records it in the
 * export history with its audit row. Cancelling via `signal` removes the partial file and scratch.
 */
export async function exportPackage(
  app: CoreApp,
  user: UserPublic,
  input: ExportInput,
  outFile: string,
  opts: { signal?: AbortSignal; onProgress?: (p: ExportProgress) => void; call?: AuditCallName } = {},
): Promise<ExportResult> {
  const { period, cases } = precheckExport(app, user, input);
  opts.onProgress?.({ step: '正在生成周报、台账和装订卷宗', doneBytes: 0, totalBytes: 0 });
  const plan = await planPackage(app, user, period, input, cases);
  try {
    const revision = nextRevision(app, period);
    const packageId = randomUUID();
    const fileName = `${safeSegment(`${plan.court.code}_上报包_${period.label}_第${revision}版`)}.zip`;
    const totalBytes = plan.sources.reduce((n, s) => n + s.size, 0);
    const exportedAt = app.now().toISOString();
    // The head before this export's own row: the package carries evidence of the log up to now.
    const head = auditHead(app);
    recordWitness(app);
    let manifest: Manifest | null = null;
    let manifestSha256 = '';
    let keyId = '';
    let exportId = 0;
    let res: Awaited<ReturnType<typeof writeZip>>;
    try {
      res = await writeZip(outFile, plan.sources, {
        signal: opts.signal,
        mtime: app.now(),
        onProgress: (done) => opts.onProgress?.({ step: '正在写入上报包', doneBytes: done, totalBytes }),
        // History row and audit before the rename (issue 12 §10): a package under its final name is
        // always recorded, and a re-run after a kill is the next revision, never a second 第1版.
        beforeRename: (res) => {
          const m = manifest as unknown as Manifest;
          const contents: Record<string, number> = {};
          for (const f of m.files) contents[f.kind] = (contents[f.kind] ?? 0) + 1;
          exportId = app.sqlite.transaction(() => {
            const id = recordExport(app, {
              packageId, period, revision, cases: plan.caseNos, contents, files: m.files.length, includesSecondary: m.includesSecondary,
              size: res.size, sha256: res.sha256, manifestSha256, keyId, fileName, createdBy: { id: user.id, name: user.displayName },
            });
            appendAudit(app, {
              userId: user.id > 0 ? user.id : null,
              userName: user.displayName,
              call: opts.call ?? 'exchange.export.start',
              recordType: 'exchange_export',
              recordId: id,
              summary:
                `导出上报包 ${period.label} 第${revision}版：${m.files.length} 个文件，${res.size} 字节，SHA-256 ${res.sha256.slice(0, 16)}…` +
                (plan.secondaryCases.length ? `；含副卷：${plan.secondaryCases.map((c) => c.caseNo).join('、')}` : ''),
            });
            return id;
          })();
        },
        finish: (written) => {
          const key = ensureSigningKey(app);
          const signer = { keyId: key.keyId, fingerprint: key.fingerprint, publicKeyPem: publicKeyPem(app, key.keyId) };
          manifest = manifestSchema.parse({
            format: MANIFEST_FORMAT,
            version: MANIFEST_VERSION,
            packageId,
            court: plan.court,
            period: { kind: period.kind, ...(period.week ? { week: period.week } : {}), from: period.from, to: period.to },
            revision,
            exportedAt,
            exportedBy: { name: user.displayName, role: ROLE_LABELS[user.role] },
            signer: { algorithm: 'Ed25519', keyId: signer.keyId, fingerprint: signer.fingerprint, publicKeyPem: signer.publicKeyPem },
            includesSecondary: plan.secondaryCases.length > 0,
            files: written.map((w, i) => ({ path: w.name, size: w.size, sha256: w.sha256, ...plan.sources[i]!.meta })),
            auditHead: { id: head.id, hash: head.hash },
          } satisfies Manifest);
          const bytes = Buffer.from(JSON.stringify(manifest, null, 1));
          manifestSha256 = createHash('sha256').update(bytes).digest('hex');
          const sig = signWithCurrent(app, bytes);
          keyId = sig.keyId;
          const sigFile = { format: SIGNATURE_FORMAT, version: 1, signs: MANIFEST, algorithm: 'Ed25519', keyId: sig.keyId, signature: sig.signature };
          return [
            { name: MANIFEST, data: { buffer: bytes }, deflate: true },
            { name: SIGNATURE, data: { buffer: Buffer.from(JSON.stringify(sigFile, null, 1)) } },
          ];
        },
      });
    } catch (e) {
      // Recorded, but the final rename failed (disk error): the package does not exist, so neither does its history row.
      if (exportId) {
        app.sqlite.transaction(() => {
          app.sqlite.prepare('DELETE FROM exchange_exports WHERE id = ?').run(exportId);
          appendAudit(app, {
            userId: user.id > 0 ? user.id : null,
            userName: user.displayName,
            call: opts.call ?? 'exchange.export.start',
            recordType: 'exchange_export',
            recordId: exportId,
            summary: `上报包 ${period.label} 第${revision}版未能保存（${e instanceof Error ? e.message.slice(0, 100) : String(e)}），导出记录已撤销`,
          });
        })();
      }
      throw e;
    }
    await keepExport(app, exportId, outFile);
    const m = manifest as unknown as Manifest;
    return { exportId, revision, files: m.files.length, size: res.size, sha256: res.sha256, fileName, manifest: m };
  } finally {
    fs.rmSync(plan.scratch, { recursive: true, force: true });
  }
}
