import type { CoreApp } from '../app';

/**
 * Where approvals touch the electronic case files (src/core/efiles): referencing a document as an
 * attachment, and filing generated forms (副卷) and letters (正卷) into the case's file.
 */
export type EfileDoc = { id: number; caseId: number; name: string; size: number };

function hasTable(app: CoreApp, name: string): boolean {
  return !!app.sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name);
}

/** A document of the e-file store, or null when it does not exist (or e-files are not installed). */
export function efileDocument(app: CoreApp, id: number): EfileDoc | null {
  if (!hasTable(app, 'efile_documents')) return null;
  return (
    (app.sqlite.prepare('SELECT id, case_id AS caseId, name, size FROM efile_documents WHERE id = ?').get(id) as EfileDoc | undefined) ?? null
  );
}

export type FileInto = (input: { caseId: number; volume: '正卷' | '副卷'; title: string; fileName: string; bytes: Buffer; userId: number }) => Promise<string | null>;

/** Files a generated document into the case's e-file; null when e-files are not available. */
export const fileIntoEfile: FileInto = async () => null;
