import { lazy, Suspense, useEffect, useState } from 'react';
import { Center, Loader } from '@mantine/core';
import { useLocation, useNavigate } from 'react-router';
import { useCall } from '../api/client';
import { FirstRun } from './FirstRun';
import { Login } from './Login';
import { LockScreen } from './LockScreen';

// The shell (navigation and every page route) is a chunk of its own, so the first-run and login
// pages do not wait for it (cold start, docs/benchmarks.md). It is fetched while those pages idle.
const loadShell = () => import('../shell/Shell');
const Shell = lazy(async () => ({ default: (await loadShell()).Shell }));

function Busy() {
  return (
    <Center h="100%">
      <Loader />
    </Center>
  );
}

/** Decides what the user sees: first-run setup, login, the lock screen, or the app. */
export function AuthGate() {
  // Polled each minute so an idle session shows the lock screen without waiting for a click.
  const status = useCall('auth.status', {}, { refetchInterval: 60_000 });
  const s = status.data;
  const location = useLocation();
  const navigate = useNavigate();

  // A sign-in on this page (login, first run) starts at 工作台 ('/'), not on whatever page the
  // previous user left in the address. That one navigation happens here, before the shell and its
  // routes render, so it can never replace a page opened right after signing in.
  const signedOut = !!s && (!s.initialized || !s.user);
  const [landing, setLanding] = useState(false);
  if (signedOut && !landing) setLanding(true);
  const signedIn = !!s?.user && !s.locked;
  if (signedIn && landing && location.pathname === '/') setLanding(false);
  const mustLand = signedIn && landing && location.pathname !== '/';
  useEffect(() => {
    if (mustLand) navigate('/', { replace: true });
  }, [mustLand, navigate]);

  // Fetched a second after the login page is up, when idle: not before that page has painted.
  useEffect(() => {
    if (!signedOut) return;
    let idle = 0;
    const timer = setTimeout(() => (idle = requestIdleCallback(() => void loadShell())), 1000);
    return () => {
      clearTimeout(timer);
      cancelIdleCallback(idle);
    };
  }, [signedOut]);

  if (!s) return <Busy />;
  if (!s.initialized) return <FirstRun court={s.court} />;
  if (!s.user) return <Login court={s.court} />;
  if (s.locked) return <LockScreen user={s.user} />;
  if (landing) return <Busy />;
  return (
    <Suspense fallback={<Busy />}>
      <Shell user={s.user} court={s.court} />
    </Suspense>
  );
}
