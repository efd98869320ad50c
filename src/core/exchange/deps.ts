import type { CoreApp } from '../app';
import { bindVolume } from '../efiles/bind/bindVolume';
import { generateWeeklyReportFiles } from '../reports/weeklyFiles';

/**
 * The other modules an upward package draws from, behind one seam so each plugs in (and tests can
 * put a fake in its place): the weekly report files (REPORTS) and volume binding (EFILES-SEARCH).
 * Documents come straight from `efile_documents` + `blobPath` (EFILES-CORE).
 */
export type WeeklyReportFiles = (
  app: CoreApp,
  input: { week: string; userId: number },
) => Promise<{ week: string; files: { kind: 'docx' | 'xlsx' | 'pdf'; fileName: string; bytes: Buffer }[] }>;
export type BindVolume = (app: CoreApp, input: { caseId: number; volume: '正卷' | '副卷'; outPath: string; userId: number }) => Promise<{ path: string; pages: number; sha256: string }>;

export type ExchangeDeps = { weeklyReportFiles: WeeklyReportFiles | null; bindVolume: BindVolume | null };

export const exchangeDeps: ExchangeDeps = { weeklyReportFiles: generateWeeklyReportFiles, bindVolume };

/** Tests replace a dependency for the duration of a test. */
export function setExchangeDeps(d: Partial<ExchangeDeps>): () => void {
  const before = { ...exchangeDeps };
  Object.assign(exchangeDeps, d);
  return () => Object.assign(exchangeDeps, before);
}
