import os from 'node:os';
import type { Command } from 'commander';
import type { CallInput, CallName, CallOutput } from '../contract';
import type { UserPublic } from '../contract/calls/common';
import { openCore, type CoreApp } from '../core/app';
import { resolveDataDir } from '../core/db/dataDir';
import { dispatch } from '../core/api/dispatch';

/** The CLI acts as the administrator sitting at the machine; the audit log names the OS account. */
export const cliPrincipal = (): UserPublic => ({
  id: 0,
  username: 'cli',
  displayName: `命令行（${safeUser()}）`,
  role: 'admin',
});

function safeUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'unknown';
  }
}

export class CliError extends Error {
  constructor(message: string, public readonly exitCode = 1) {
    super(message);
  }
}

/** Options every command has: where the data lives and whether to print JSON. */
export type GlobalOptions = { data?: string; json?: boolean };

export function globals(cmd: Command): GlobalOptions {
  return cmd.optsWithGlobals() as GlobalOptions;
}

export function openFromOptions(o: GlobalOptions): CoreApp {
  const dataDir = o.data ? resolveDataDir(['--data', o.data]) : resolveDataDir([]);
  return openCore({ dataDir });
}

/** Runs a contract call as the CLI principal: same validation, transaction and audit as the UI. */
export async function callAsCli<N extends CallName>(app: CoreApp, name: N, input: CallInput<N>): Promise<CallOutput<N>> {
  const r = await dispatch(app, 'cli', name, input, { principal: cliPrincipal() });
  if (!r.ok) throw new CliError(r.error.message);
  return r.value as CallOutput<N>;
}

/** Prints either JSON (for programs) or the human text. */
export function output(o: GlobalOptions, value: unknown, human: () => string): void {
  if (o.json) process.stdout.write(JSON.stringify(value, null, 2) + '\n');
  else process.stdout.write(human() + '\n');
}

/** Opens the data folder, runs `fn`, always closes it. */
export async function withApp<T>(cmd: Command, fn: (app: CoreApp, o: GlobalOptions) => Promise<T> | T): Promise<T> {
  const o = globals(cmd);
  const app = openFromOptions(o);
  try {
    return await fn(app, o);
  } finally {
    app.close();
  }
}
