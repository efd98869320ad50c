import { Suspense } from 'react';
import { ActionIcon, AppShell, Badge, Center, Group, Loader, NavLink, Text, Tooltip, useMantineColorScheme } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
// Loaded with this chunk, after sign-in: the whole of @mantine/core's styles (main.tsx has only what
// the sign-in pages use; repeating those rules changes nothing), then dates and tables after core,
// as Mantine asks.
import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import 'mantine-datatable/styles.css';
import { IconLayoutSidebarLeftCollapse, IconLayoutSidebarLeftExpand, IconMoon, IconSun } from '@tabler/icons-react';
import { useLocalStorage } from '@mantine/hooks';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import type { UserPublic } from '../../contract/calls/common';
import { ROUTES } from './routes';
import { UserMenu } from './UserMenu';
import { NavBadges } from './NavBadges';
import { NotificationsBell } from './NotificationsBell';
import { JobsMenu } from './JobsMenu';
import { useLiveUpdates } from '../api/liveUpdates';

dayjs.locale('zh-cn');

export function Shell({ user, court }: { user: UserPublic; court: { name: string; code: string } }) {
  const location = useLocation();
  const navigate = useNavigate();
  const { colorScheme, toggleColorScheme } = useMantineColorScheme();
  // The navigation shrinks to its icons (remembered per computer) so a 1280×720 screen keeps the
  // ledger's key columns in view.
  const [narrow, setNarrow] = useLocalStorage({ key: 'xdesk-nav-narrow', defaultValue: false, getInitialValueInEffect: false });
  const visible = ROUTES.filter((r) => !r.roles || r.roles.includes(user.role));
  useLiveUpdates();
  return (
    <DatesProvider settings={{ locale: 'zh-cn', firstDayOfWeek: 1 }}>
      <AppShell header={{ height: 52 }} navbar={{ width: narrow ? 60 : 184, breakpoint: 0 }} padding="md">
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="xs" wrap="nowrap" miw={0}>
              <Tooltip label={narrow ? '展开导航' : '收起导航'}>
                <ActionIcon variant="subtle" aria-label={narrow ? '展开导航' : '收起导航'} aria-expanded={!narrow} onClick={() => setNarrow((n) => !n)} data-testid="nav-toggle">
                  {narrow ? <IconLayoutSidebarLeftExpand size={18} /> : <IconLayoutSidebarLeftCollapse size={18} />}
                </ActionIcon>
              </Tooltip>
              <Text fw={700} style={{ whiteSpace: 'nowrap' }}>交叉执行工作台</Text>
              <Badge variant="light" color="gray" data-testid="court-badge" style={{ flexShrink: 1, minWidth: 0 }}>
                {court.name}（{court.code}）
              </Badge>
            </Group>
            <Group gap="xs" wrap="nowrap">
              <Tooltip label={colorScheme === 'dark' ? '切换到浅色' : '切换到深色'}>
                <ActionIcon variant="subtle" aria-label={colorScheme === 'dark' ? '切换到浅色' : '切换到深色'} onClick={toggleColorScheme} data-testid="color-scheme">
                  {colorScheme === 'dark' ? <IconSun size={18} /> : <IconMoon size={18} />}
                </ActionIcon>
              </Tooltip>
              <JobsMenu />
              <NotificationsBell />
              <UserMenu user={user} />
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="xs" aria-label="主导航">
          {visible.map((r) => {
            const active = r.path === '/' ? location.pathname === '/' : location.pathname === r.path || location.pathname.startsWith(r.path + '/');
            return narrow ? (
              <Tooltip key={r.path} label={r.label} position="right">
                <NavLink aria-label={r.label} leftSection={r.icon} active={active} onClick={() => navigate(r.path)} />
              </Tooltip>
            ) : (
              <NavLink key={r.path} label={r.label} leftSection={r.icon} rightSection={<NavBadges path={r.path} />} active={active} onClick={() => navigate(r.path)} />
            );
          })}
        </AppShell.Navbar>
        <AppShell.Main>
          {/* Pages load on first visit (routes.tsx); only the very first one shows this. */}
          <Suspense
            fallback={
              <Center h={200}>
                <Loader />
              </Center>
            }
          >
            <Routes>
              {visible.map((r) => [
                <Route key={r.path} path={r.path} element={r.element} />,
                ...(r.children ?? []).map((c) => <Route key={c.path} path={c.path} element={c.element} />),
              ])}
              <Route path="*" element={<Navigate to={visible[0]!.path} replace />} />
            </Routes>
          </Suspense>
        </AppShell.Main>
      </AppShell>
    </DatesProvider>
  );
}
