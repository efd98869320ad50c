import type { ReactNode } from 'react';
import { CaseWorkspace } from './CaseWorkspace';
import { DocumentView } from './DocumentView';

export { EfilesPage } from './EfilesPage';

/** Pages under 电子卷宗: one case's file, and one document in the viewer. */
export const EFILES_CHILDREN: { path: string; element: ReactNode }[] = [
  { path: '/efiles/case/:caseId', element: <CaseWorkspace /> },
  { path: '/efiles/doc/:docId', element: <DocumentView /> },
];
