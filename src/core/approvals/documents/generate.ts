import fs from 'node:fs';
import path from 'node:path';
import type { ApprovalDocument } from '../../../contract/calls/approvals';
import type { UserPublic } from '../../../contract/calls/common';
import type { CoreApp } from '../../app';
import { fileIntoEfile } from '../efilesBridge';
import { getRequest, linksOf } from '../store';
import { chinaDate } from '../time';
import { approvalFormModel, letterKindFor, letterModel } from './model';
import { renderFormDocx, renderFormPdf, renderLetterDocx, renderLetterPdf } from './render';
import { documentsOf, filingOf, insertDocumentRow, letterNumber, markFiled, writeDocumentFile, type WrittenFile } from './store';

const FINAL = new Set(['已同意', '已退回', '不同意']);

/**
 * Generates the 审批表 (always) and, once approved, the 报请函/移送函, as PDF and DOCX; stores
 * them under the data folder and lists them with the request. When the request is final they are
 * filed into each case's e-file 副卷: the form (domain brief §5.2 副卷 item 6) and the letter too — a
 * 报请函 or 移送函 is the court's internal request to another court, not a document served on the
 * parties, so it is not open to them in the 正卷 (issue 13; letters filed earlier were moved by
 * migration efiles/0003).
 *
 * Rendering awaits, so it runs outside the caller's transaction: files are written first, then
 * their rows in one transaction, so a row never points at a missing file.
 */
export async function generateDocuments(
  app: CoreApp,
  user: UserPublic,
  requestId: number,
  /** Runs the row inserts in one transaction; the dispatcher's `ctx.commit` adds the audit row. */
  run: <T>(fn: () => T) => T = (fn) => app.sqlite.transaction(fn)(),
): Promise<ApprovalDocument[]> {
  const r = getRequest(app, requestId);
  const links = linksOf(app, requestId);
  const label = `${links[0]?.caseNo ?? ''}${links.length > 1 ? `等${links.length}件` : ''}`;
  const form = approvalFormModel(app, requestId);
  const written: WrittenFile[] = [];
  const base = `交叉执行报请审批表-${label}-第${r.version}版`;
  written.push(writeDocumentFile(app, requestId, { kind: '审批表', format: 'pdf', docNo: null, fileName: `${base}.pdf`, bytes: await renderFormPdf(form) }));
  written.push(writeDocumentFile(app, requestId, { kind: '审批表', format: 'docx', docNo: null, fileName: `${base}.docx`, bytes: await renderFormDocx(form) }));

  const kind = letterKindFor(r.mode);
  if (r.state === '已同意' && kind) {
    const year = Number(chinaDate(app.now()).slice(0, 4));
    // The number is taken in the same transaction that stores the letter (below); peeking here is safe
    // because the whole generation for one request is serialised by the caller's single process.
    const docNo = app.sqlite.transaction(() => letterNumber(app, requestId, year))();
    const letter = letterModel(app, requestId, docNo)!;
    const name = `${kind}-${label}`;
    written.push(writeDocumentFile(app, requestId, { kind, format: 'pdf', docNo, fileName: `${name}.pdf`, bytes: await renderLetterPdf(letter) }));
    written.push(writeDocumentFile(app, requestId, { kind, format: 'docx', docNo, fileName: `${name}.docx`, bytes: await renderLetterDocx(letter) }));
  }

  const ids = run(() => written.map((w) => ({ w, id: insertDocumentRow(app, requestId, links[0]?.transferId ?? null, user.id, w) })));

  if (FINAL.has(r.state)) {
    for (const { w, id } of ids) {
      if (w.format !== 'pdf') continue;
      const { volume, title } = filingOf(w.kind);
      const refs: string[] = [];
      for (const l of links) {
        const bytes = fs.readFileSync(path.join(app.dataDir, w.rel));
        const ref = await fileIntoEfile(app, {
          caseId: l.caseId,
          volume,
          title,
          fileName: w.fileName,
          bytes,
          userId: user.id,
          docNo: w.kind === '审批表' ? `审批编号${r.rootId}-${r.version}` : w.docNo,
          docDate: chinaDate(app.now()),
        });
        if (ref) refs.push(ref);
      }
      if (refs.length) markFiled(app, id, volume, refs.join(','));
    }
  }
  return documentsOf(app, requestId);
}
