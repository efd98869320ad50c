import type { ReactNode } from 'react';
import { lazyPage } from '../../shell/lazyPage';

/** 电子卷宗 and its pages (one case's file, one document in the viewer); each loads on first visit. */
export const EfilesPage = lazyPage(() => import('./EfilesPage'), 'EfilesPage');
const CaseWorkspace = lazyPage(() => import('./CaseWorkspace'), 'CaseWorkspace');
const DocumentView = lazyPage(() => import('./DocumentView'), 'DocumentView');

export const EFILES_CHILDREN: { path: string; element: ReactNode }[] = [
  { path: '/efiles/case/:caseId', element: <CaseWorkspace /> },
  { path: '/efiles/doc/:docId', element: <DocumentView /> },
];
