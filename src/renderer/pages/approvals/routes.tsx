import { lazyPage } from '../../shell/lazyPage';

/** The approvals pages under /approvals (the shell's routes.tsx spreads these); each loads on first visit. */
export const ApprovalsPage = lazyPage(() => import('./ApprovalsPage'), 'ApprovalsPage');
const NewRequestPage = lazyPage(() => import('./NewRequestPage'), 'NewRequestPage');
const RequestPage = lazyPage(() => import('./RequestPage'), 'RequestPage');

export const APPROVALS_CHILDREN = [
  { path: '/approvals/new', element: <NewRequestPage /> },
  { path: '/approvals/:id', element: <RequestPage /> },
];
