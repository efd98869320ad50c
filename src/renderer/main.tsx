import React from 'react';
import ReactDOM from 'react-dom/client';
import { MantineProvider, createTheme, localStorageColorSchemeManager } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { HashRouter } from 'react-router';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app.css';
// Date pickers, tables and dayjs' Chinese locale come with the shell (shell/Shell.tsx), not here: the
// first-run and login pages need none of them (cold start, docs/benchmarks.md).
import { AuthGate } from './auth/AuthGate';

const theme = createTheme({
  primaryColor: 'indigo',
  fontFamily:
    '"Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", "PingFang SC", "Source Han Sans SC", "WenQuanYi Micro Hei", system-ui, sans-serif',
  defaultRadius: 'sm',
});

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 5_000 } },
});

ReactDOM.createRoot(document.getElementById('root')!).render(
  <React.StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="light" colorSchemeManager={localStorageColorSchemeManager({ key: 'xdesk-color-scheme' })}>
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <HashRouter>
          <AuthGate />
        </HashRouter>
      </QueryClientProvider>
    </MantineProvider>
  </React.StrictMode>,
);
