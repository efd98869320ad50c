import React, { useState } from 'react';
import ReactDOM from 'react-dom/client';
import { MantineProvider, createTheme, localStorageColorSchemeManager } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { HashRouter } from 'react-router';
// Only the Mantine styles the first-run, login and lock pages use (cold start, docs/benchmarks.md):
// the full @mantine/core stylesheet, date pickers, tables and dayjs' Chinese locale come with the
// shell (shell/Shell.tsx). A component added to those pages needs its stylesheet here.
import '@mantine/core/styles/baseline.css';
import '@mantine/core/styles/default-css-variables.css';
import '@mantine/core/styles/global.css';
import '@mantine/core/styles/UnstyledButton.css';
import '@mantine/core/styles/VisuallyHidden.css';
import '@mantine/core/styles/Paper.css';
import '@mantine/core/styles/Stack.css';
import '@mantine/core/styles/Group.css';
import '@mantine/core/styles/Center.css';
import '@mantine/core/styles/Text.css';
import '@mantine/core/styles/Title.css';
import '@mantine/core/styles/Loader.css';
import '@mantine/core/styles/Input.css';
import '@mantine/core/styles/PasswordInput.css';
import '@mantine/core/styles/ActionIcon.css';
import '@mantine/core/styles/CloseButton.css';
import '@mantine/core/styles/Button.css';
import '@mantine/core/styles/Alert.css';
import '@mantine/core/styles/InlineInput.css';
import '@mantine/core/styles/Checkbox.css';
import '@mantine/core/styles/Notification.css';
import '@mantine/core/styles/Divider.css';
import '@mantine/notifications/styles.css';
import './app.css';
import { AuthGate } from './auth/AuthGate';
import { takeFirstStatus } from './api/transport';
import { ConnectionChoice, type ConnectionBridge } from './auth/ConnectionChoice';
import { ARIA_COMPONENT_DEFAULTS, watchLibraryAriaLabels } from './ariaZh';

const theme = createTheme({
  primaryColor: 'indigo',
  fontFamily:
    '"Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", "PingFang SC", "Source Han Sans SC", "WenQuanYi Micro Hei", system-ui, sans-serif',
  defaultRadius: 'sm',
  components: ARIA_COMPONENT_DEFAULTS,
});

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 5_000 } },
});

/** The desktop app's first start asks where the data is (本机数据 / 连接局内服务器) before anything else. */
function Root({ choice }: { choice?: ConnectionBridge }) {
  const [ask, setAsk] = useState(!!choice);
  return ask && choice ? <ConnectionChoice bridge={choice} onLocal={() => setAsk(false)} /> : <AuthGate />;
}

function render(choice?: ConnectionBridge): void {
  watchLibraryAriaLabels();
  ReactDOM.createRoot(document.getElementById('root')!).render(
    <React.StrictMode>
      <MantineProvider theme={theme} defaultColorScheme="light" colorSchemeManager={localStorageColorSchemeManager({ key: 'xdesk-color-scheme' })}>
        <Notifications position="top-right" />
        <QueryClientProvider client={queryClient}>
          <HashRouter>
            <Root choice={choice} />
          </HashRouter>
        </QueryClientProvider>
      </MantineProvider>
    </React.StrictMode>,
  );
}

// Browser mode sent auth.status while this code loaded (api/transport.ts). With its answer in the
// cache, the first render is already the first-run, login or app screen instead of a spinner that is
// then replaced (cold start); a slow answer is not waited for beyond a second. (Not a top-level
// await: that would make the bundler cut the entry into many small chunks.)
const early = takeFirstStatus();
const desktop = (typeof window !== 'undefined' ? window.xdesk : undefined) as Partial<ConnectionBridge> | undefined;
if (desktop?.connection) void desktop.connection().then((c) => render(c.chosen ? undefined : (desktop as ConnectionBridge)), () => render());
else if (!early) render();
else
  void Promise.race([early, new Promise<null>((r) => setTimeout(() => r(null), 1000))]).then((first) => {
    if (first?.ok) queryClient.setQueryData(['auth.status', {}], first.value);
    render();
  });
