import { transport } from '../../api/transport';
import { CallFailed } from '../../api/client';
import type { Volume } from './model';
import type { Staged } from './upload';
import type { ImportOutcome } from './ImportDialog';
import type { SearchHit } from './SearchResults';

/**
 * The e-files calls the pages use, in one place, mapped onto the view models of this folder.
 * (Adapter over the contract in src/contract/calls/efiles.ts.)
 */
export type EDoc = {
  id: number;
  caseId: number | null;
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
type RawDoc = Omit<EDoc, 'kind'> & { kind: string; mime: string };
export type CaseFile = {
  caseId: number;
  caseNo: string;
  parties: string;
  handlerName: string | null;
  secondaryVisible: boolean;
  secondaryNote: string | null;
  /** False for read-only roles (分管院领导); absent means editable. */
  canEdit?: boolean;
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
  caseFile: async (caseId: number): Promise<CaseFile> => {
    const r = await run<Omit<CaseFile, 'documents'> & { documents: RawDoc[] }>('efiles.catalogue', { caseId });
    return { ...r, documents: r.documents.map(viewDoc) };
  },
  importOne: async (caseId: number, staged: Staged, volume: Volume): Promise<ImportOutcome> => {
    const r = await transport('efiles.import', { caseId, uploadId: staged.uploadId, volume });
    if (!r.ok) return { ok: false, reason: r.error.message };
    const v = r.value as { document: RawDoc; duplicate: boolean; suggestion: { sectionId: string; reason: string } | null; dateSuggestion?: { date: string; reason: string } | null; notes?: string[] };
    return {
      ok: true,
      duplicate: v.duplicate,
      notes: v.notes ?? [],
      doc: {
        id: v.document.id,
        title: v.document.title,
        fileName: v.document.fileName,
        sectionId: v.document.sectionId,
        pages: v.document.pages,
        suggested: v.suggestion,
        docDate: v.document.docDate ?? null,
        dateSuggestion: v.dateSuggestion ?? null,
      },
    };
  },
  update: async (id: number, patch: Partial<Pick<EDoc, 'title' | 'docDate' | 'volume' | 'sectionId'>>) => viewDoc(await run<RawDoc>('efiles.update', { id, ...patch })),
  reorder: (caseId: number, volume: Volume, sectionId: string, ids: number[]) => run<unknown>('efiles.reorder', { caseId, volume, sectionId, ids }),
  remove: (id: number) => run<unknown>('efiles.delete', { id }),
  restore: (id: number) => run<unknown>('efiles.restore', { id }),
  purge: (id: number) => run<unknown>('efiles.purge', { id }),
  recycleBin: async (caseId: number) => (await run<RawDoc[]>('efiles.recycleBin', { caseId })).map(viewDoc),
  search: (q: string, scope: { caseId?: number; volume?: Volume }) => run<{ hits: SearchHit[]; total: number; more?: boolean }>('efiles.search', { q, ...scope }),
  document: async (id: number) => {
    const d = await run<RawDoc & { caseNo: string; sectionName: string }>('efiles.document', { id });
    return { ...d, ...viewDoc(d), mime: d.mime };
  },
  contentPath: (id: number) => `/api/file/efile/${id}`,
};

const partiesLine = (applicants: string, debtors: string) => [applicants && `申请执行人 ${applicants}`, debtors && `被执行人 ${debtors}`].filter(Boolean).join('；');

/** The core stores images as kind 'image' with their MIME type; the pages show JPEG/PNG/TIFF apart (TIFF cannot be previewed in a browser). */
const IMAGE_KIND: Record<string, string> = { 'image/jpeg': 'jpeg', 'image/png': 'png', 'image/tiff': 'tiff' };
function viewDoc<T extends RawDoc>(d: T): EDoc {
  const { mime, ...rest } = d;
  return { ...rest, kind: d.kind === 'image' ? (IMAGE_KIND[mime] ?? 'image') : d.kind };
}
