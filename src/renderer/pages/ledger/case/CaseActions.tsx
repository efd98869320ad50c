import type { CaseView } from '../../../../contract/calls/ledgerView';

/** The case page's buttons (edit case, add party, start a transfer, record progress, add a deduction). */
export function CaseActions(_: { view: CaseView }) {
  return null;
}
