import { ImportPage } from './import/ImportPage';
import { CasePage } from './case/CasePage';

/** The ledger's pages under /ledger (the shell's routes.tsx spreads these). */
export const LEDGER_CHILDREN = [
  { path: '/ledger/import', element: <ImportPage /> },
  { path: '/ledger/case/:id', element: <CasePage /> },
];
export { LedgerPage } from './LedgerPage';
