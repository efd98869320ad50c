import { Center, Loader } from '@mantine/core';
import { useCall } from '../api/client';
import { FirstRun } from './FirstRun';
import { Login } from './Login';
import { LockScreen } from './LockScreen';
import { Shell } from '../shell/Shell';

/** Decides what the user sees: first-run setup, login, the lock screen, or the app. */
export function AuthGate() {
  // Polled each minute so an idle session shows the lock screen without waiting for a click.
  const status = useCall('auth.status', {}, { refetchInterval: 60_000 });
  if (!status.data) {
    return (
      <Center h="100%">
        <Loader />
      </Center>
    );
  }
  const s = status.data;
  if (!s.initialized) return <FirstRun court={s.court} />;
  if (!s.user) return <Login court={s.court} />;
  if (s.locked) return <LockScreen user={s.user} />;
  return <Shell user={s.user} court={s.court} />;
}
