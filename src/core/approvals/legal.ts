import type { RequestDetail } from '../../contract/calls/approvals';
import type { CoreApp } from '../app';
import { clockStatusNow } from '../ledger/deadlines/clockStatus';
import { legalGrounds } from '../ledger/deadlines/grounds';
import { chinaToday } from '../ledger/dates';
import { offloadWarnings } from '../ledger/discovery/offload';
import type { RequestRecord } from './store';

/**
 * The legal side of a request, per case: the ledger's six-month clock (one engine,
 * src/core/ledger/deadlines) and which grounds hold with their sources (grounds.ts). Frozen into
 * approval_request_cases.legal_json when the request is submitted, so the chief decides — and the
 * 报请函 cites — what held when it was reported, even after the transfer later stops the clock.
 */
export type CaseLegal = RequestDetail['cases'][number]['legal'];

export function caseLegalNow(app: CoreApp, r: Pick<RequestRecord, 'mode' | 'reasons'>, caseId: number): CaseLegal {
  const clock = clockStatusNow(app, caseId);
  return { clock, grounds: legalGrounds(r.mode, r.reasons, clock), asOf: chinaToday(app.now()), snapshot: false };
}

export function caseLegal(app: CoreApp, r: RequestRecord, caseId: number): CaseLegal {
  const row = app.sqlite.prepare(`SELECT legal_json AS j FROM approval_request_cases WHERE request_id = ? AND case_id = ?`).get(r.id, caseId) as { j: string | null } | undefined;
  if (row?.j) return { ...(JSON.parse(row.j) as Omit<CaseLegal, 'snapshot'>), snapshot: true };
  return caseLegalNow(app, r, caseId);
}

/** Called inside the submit transaction. */
export function freezeLegal(app: CoreApp, r: RequestRecord): void {
  const set = app.sqlite.prepare(`UPDATE approval_request_cases SET legal_json = ? WHERE request_id = ? AND case_id = ?`);
  for (const { caseId } of app.sqlite.prepare(`SELECT case_id AS caseId FROM approval_request_cases WHERE request_id = ?`).all(r.id) as { caseId: number }[]) {
    const { snapshot: _s, ...legal } = caseLegalNow(app, r, caseId);
    set.run(JSON.stringify(legal), r.id, caseId);
  }
}

/** Soft 甩包袱 warnings for every case of the request (ledger/discovery/offload.ts; never a block). */
export function requestOffloadWarnings(app: CoreApp, r: RequestRecord, cases: readonly { caseId: number; caseNo: string }[]) {
  const direction = r.mode === '院内交叉' ? '院内' : '移出';
  return cases.flatMap((c) => offloadWarnings(app, { caseId: c.caseId, direction, reasons: r.reasons }).map((w) => ({ ...w, caseNo: c.caseNo })));
}
