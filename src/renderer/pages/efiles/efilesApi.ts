import { transport } from '../../api/transport';
import { CallFailed } from '../../api/client';
import type { Volume } from './model';
import type { Staged } from './upload';
import type { ImportOutcome } from './ImportDialog';
import type { SearchHit } from './SearchResults';
import type { DownloadRef } from '../../api/files';

/**
 * The e-files calls the pages use, in one place, mapped onto the view models of this folder.
 * (Adapter over the contract in src/contract/calls/efiles.ts.)
 */
export type EDoc = {
  id: number;
  caseId: number;
  volume: Volume;
  sectionId: string;
  title: string;
  fileName: string;
  docDate: string | null;
  pages: number | null;
  order: number;
  kind: string;
  size: number;
  ocr: string | null;
  deletedAt?: string | null;
};
export type ESection = { id: string; volume: Volume; name: string; order: number };
export type CaseFile = {
  caseId: number;
  caseNo: string;
  parties: string;
  handlerName: string | null;
  secondaryVisible: boolean;
  secondaryNote: string | null;
  sections: ESection[];
  documents: EDoc[];
};
export type CaseSummary = { caseId: number; caseNo: string; parties: string; handlerName: string | null; filedOn: string | null };

async function run<T>(name: string, input: unknown): Promise<T> {
  const r = await transport(name, input);
  if (!r.ok) throw new CallFailed(r.error);
  return r.value as T;
}

export const efiles = {
  /** The case picker searches the ledger (案号 fragment or party name; src/contract/calls/ledgerView.ts). */
  cases: async (q: string): Promise<CaseSummary[]> => {
    const r = await run<{ rows: { caseId: number; caseNo: string; applicants: string; debtors: string; handlerName: string | null; filedOn: string | null }[] }>('ledger.table', {
      q: q || undefined,
      pageSize: 50,
      sort: 'filedOn',
      order: 'desc',
    });
    return r.rows.map((x) => ({ caseId: x.caseId, caseNo: x.caseNo, parties: partiesLine(x.applicants, x.debtors), handlerName: x.handlerName, filedOn: x.filedOn }));
  },
  caseFile: (caseId: number) => run<CaseFile>('efiles.catalogue', { caseId }),
  importOne: async (caseId: number, staged: Staged, volume: Volume): Promise<ImportOutcome> => {
    const r = await transport('efiles.import', { caseId, uploadId: staged.uploadId, volume });
    if (!r.ok) return { ok: false, reason: r.error.message };
    const v = r.value as { document: EDoc; duplicate: boolean; suggestion: { sectionId: string; reason: string } | null };
    return {
      ok: true,
      duplicate: v.duplicate,
      doc: { id: v.document.id, title: v.document.title, fileName: v.document.fileName, sectionId: v.document.sectionId, pages: v.document.pages, suggested: v.suggestion },
    };
  },
  update: (id: number, patch: Partial<Pick<EDoc, 'title' | 'docDate' | 'volume' | 'sectionId'>>) => run<EDoc>('efiles.update', { id, ...patch }),
  reorder: (caseId: number, volume: Volume, sectionId: string, ids: number[]) => run<unknown>('efiles.reorder', { caseId, volume, sectionId, ids }),
  remove: (id: number) => run<unknown>('efiles.delete', { id }),
  restore: (id: number) => run<unknown>('efiles.restore', { id }),
  purge: (id: number) => run<unknown>('efiles.purge', { id }),
  recycleBin: (caseId: number) => run<EDoc[]>('efiles.recycleBin', { caseId }),
  search: (q: string, scope: { caseId?: number; volume?: Volume }) => run<{ hits: SearchHit[]; total: number }>('efiles.search', { q, ...scope }),
  bind: (caseId: number, volume: Volume) => run<DownloadRef>('efiles.bind', { caseId, volume }),
  document: (id: number) => run<EDoc & { caseNo: string; sectionName: string; mime: string }>('efiles.document', { id }),
  contentPath: (id: number) => `/api/file/efile/${id}`,
};

const partiesLine = (applicants: string, debtors: string) => [applicants && `申请执行人 ${applicants}`, debtors && `被执行人 ${debtors}`].filter(Boolean).join('；');
