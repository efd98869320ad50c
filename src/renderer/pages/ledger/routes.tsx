import { lazyPage } from '../../shell/lazyPage';

/** The ledger's pages under /ledger (the shell's routes.tsx spreads these); each loads on first visit. */
export const LedgerPage = lazyPage(() => import('./LedgerPage'), 'LedgerPage');
const ImportPage = lazyPage(() => import('./import/ImportPage'), 'ImportPage');
const CasePage = lazyPage(() => import('./case/CasePage'), 'CasePage');

export const LEDGER_CHILDREN = [
  { path: '/ledger/import', element: <ImportPage /> },
  { path: '/ledger/case/:id', element: <CasePage /> },
];
