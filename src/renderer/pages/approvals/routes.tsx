import { NewRequestPage } from './NewRequestPage';
import { RequestPage } from './RequestPage';

/** The approvals pages under /approvals (the shell's routes.tsx spreads these). */
export const APPROVALS_CHILDREN = [
  { path: '/approvals/new', element: <NewRequestPage /> },
  { path: '/approvals/:id', element: <RequestPage /> },
];
export { ApprovalsPage } from './ApprovalsPage';
