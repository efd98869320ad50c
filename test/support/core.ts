import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CallInput, CallName, CallOutput, Result } from '../../src/contract';
import type { Role } from '../../src/contract/roles';
import type { UserPublic } from '../../src/contract/calls/common';
import { openCore, type CoreApp } from '../../src/core/app';
import { dispatch } from '../../src/core/api/dispatch';
import { createUser, toPublic } from '../../src/core/auth/users';

/** A fresh data folder in the system temp dir; removed by `cleanup`. */
export function tempDir(prefix = 'xdesk-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export type TestCore = {
  app: CoreApp;
  dir: string;
  /** Set the clock (all later calls see this instant). */
  setNow: (iso: string) => void;
  /** Creates a user with that role and returns a caller logged in as them. */
  as: (role: Role, name?: string) => Caller;
  cleanup: () => void;
};

export type Caller = {
  user: UserPublic;
  sessionKey: string;
  call: <N extends CallName>(name: N, input: CallInput<N>) => Promise<Result<CallOutput<N>>>;
  /** Like call, but throws with the Chinese message when the call is refused. */
  run: <N extends CallName>(name: N, input: CallInput<N>) => Promise<CallOutput<N>>;
};

let counter = 0;

/** Opens a real core on a real SQLite file in a temp folder. */
export function testCore(opts: { now?: string; dir?: string } = {}): TestCore {
  const dir = opts.dir ?? tempDir();
  let now = opts.now ? new Date(opts.now) : new Date();
  const app = openCore({ dataDir: dir, now: () => now });
  const as = (role: Role, name?: string): Caller => {
    counter++;
    const u = createUser(app, {
      username: `${role}${counter}`,
      displayName: name ?? `${role}-${counter}`,
      role,
      password: 'password123',
    });
    const sessionKey = `test-session-${counter}`;
    app.sessions.bind(sessionKey, u.id);
    return caller(app, toPublic(u), sessionKey);
  };
  return {
    app,
    dir,
    setNow: (iso) => {
      now = new Date(iso);
    },
    as,
    cleanup: () => {
      app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function caller(app: CoreApp, user: UserPublic, sessionKey: string): Caller {
  const call = <N extends CallName>(name: N, input: CallInput<N>) =>
    dispatch(app, sessionKey, name, input) as Promise<Result<CallOutput<N>>>;
  return {
    user,
    sessionKey,
    call,
    run: async (name, input) => {
      const r = await call(name, input);
      if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
      return r.value;
    },
  };
}
