import type { ReactNode } from 'react';
import {
  IconBooks,
  IconLayoutDashboard,
  IconChecklist,
  IconFileAnalytics,
  IconFolders,
  IconSend,
  IconSettings,
  IconShieldCheck,
} from '@tabler/icons-react';
import type { Role } from '../../contract/roles';
import { LEDGER_CHILDREN, LedgerPage } from '../pages/ledger/routes';
import { EfilesPage, EFILES_CHILDREN } from '../pages/efiles/routes';
import { ApprovalsPage, APPROVALS_CHILDREN } from '../pages/approvals/routes';
import { lazyPage } from './lazyPage';

// Every page is its own chunk, loaded on first visit (lazyPage.tsx says why).
const HomePage = lazyPage(() => import('../pages/home/HomePage'), 'HomePage');
const ReportsPage = lazyPage(() => import('../pages/reports/ReportsPage'), 'ReportsPage');
const ExchangePage = lazyPage(() => import('../pages/exchange/ExchangePage'), 'ExchangePage');
const SettingsPage = lazyPage(() => import('../pages/settings/SettingsPage'), 'SettingsPage');
const AuditPage = lazyPage(() => import('../pages/audit/AuditPage'), 'AuditPage');

export type AppRoute = {
  path: string;
  label: string;
  icon: ReactNode;
  element: ReactNode;
  /** Roles that see the entry; all when absent. The server checks again on every call. */
  roles?: readonly Role[];
  /** Extra routes under this entry (e.g. a case page), not shown in the navigation. */
  children?: { path: string; element: ReactNode }[];
};

/** The navigation, in order. Modules replace their entry's element (one line each, a lazyPage). */
export const ROUTES: AppRoute[] = [
  { path: '/', label: '工作台', icon: <IconLayoutDashboard size={18} />, element: <HomePage /> },
  { path: '/ledger', label: '台账', icon: <IconBooks size={18} />, element: <LedgerPage />, children: LEDGER_CHILDREN },
  { path: '/approvals', label: '审批', icon: <IconChecklist size={18} />, element: <ApprovalsPage />, children: APPROVALS_CHILDREN },
  { path: '/efiles', label: '电子卷宗', icon: <IconFolders size={18} />, element: <EfilesPage />, children: EFILES_CHILDREN },
  { path: '/reports', label: '周报', icon: <IconFileAnalytics size={18} />, element: <ReportsPage /> },
  { path: '/exchange', label: '上报', icon: <IconSend size={18} />, element: <ExchangePage /> },
  { path: '/settings', label: '设置', icon: <IconSettings size={18} />, element: <SettingsPage /> },
  { path: '/audit', label: '审计日志', icon: <IconShieldCheck size={18} />, element: <AuditPage />, roles: ['chief', 'admin'] },
];
