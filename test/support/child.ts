import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';

const tsx = createRequire(import.meta.url).resolve('tsx');
const ROOT = path.resolve(import.meta.dirname, '../..');

export type Child = {
  proc: ChildProcess;
  /** Everything printed so far. */
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the exit code, or the signal that ended it. */
  exited: Promise<number | NodeJS.Signals | null>;
};

/** Runs a TypeScript file of the repository in its own Node process (tsx), as a separate host would. */
export function spawnTs(file: string, args: string[], env: NodeJS.ProcessEnv = {}): Child {
  const proc = spawn(process.execPath, ['--import', tsx, path.resolve(ROOT, file), ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let out = '';
  let err = '';
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) => proc.on('exit', (code, sig) => resolve(sig ?? code)));
  return { proc, stdout: () => out, stderr: () => err, exited };
}

/** Runs the CLI (src/cli/main.ts) to the end. */
export async function runCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | NodeJS.Signals | null; stdout: string; stderr: string }> {
  const c = spawnTs('src/cli/main.ts', args, env);
  const code = await c.exited;
  return { code, stdout: c.stdout(), stderr: c.stderr() };
}
