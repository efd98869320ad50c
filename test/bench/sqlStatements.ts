import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { median } from './harness';

/**
 * The benchmarks' baseline: the very statements the core ran, with their parameters written in,
 * timed in the `sqlite3` shell on the same file.
 */
const literal = (v: unknown) => (v === null || v === undefined ? 'NULL' : typeof v === 'number' ? String(v) : `'${String(v).replace(/'/g, "''")}'`);

/** Every read (all/get) run during fn on a statement that mentions one of `tables`, parameters written in. */
export async function captureStatements(app: { sqlite: unknown }, fn: () => unknown, tables: RegExp): Promise<string[]> {
  const db = app.sqlite as { prepare: (sql: string) => Record<string | symbol, unknown> };
  const original = db.prepare;
  const seen: string[] = [];
  db.prepare = function (this: unknown, sql: string) {
    const stmt = original.call(this, sql);
    return new Proxy(stmt, {
      get(target, prop) {
        const v = Reflect.get(target, prop);
        if ((prop === 'all' || prop === 'get') && typeof v === 'function') {
          return (...args: unknown[]) => {
            if (tables.test(sql)) seen.push(inlineParams(sql, args));
            return (v as (...a: unknown[]) => unknown).apply(target, args);
          };
        }
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
  } as typeof db.prepare;
  try {
    await fn();
  } finally {
    db.prepare = original;
  }
  return seen;
}

/** The statement with its parameters (named @x or positional ?) written in, for the shell. */
function inlineParams(sql: string, args: unknown[]): string {
  const named = args.length === 1 && args[0] && typeof args[0] === 'object' ? (args[0] as Record<string, unknown>) : null;
  let i = 0;
  const out = named ? sql.replace(/@(\w+)/g, (_, k: string) => literal(named[k])) : sql.replace(/\?/g, () => literal(args[i++]));
  return out.trim().replace(/;?$/, ';');
}

/** Milliseconds for one run of the statements in the shell: (time of `reps` runs − opening the file) / reps, medians of 3. */
export function sqliteShellMs(file: string, statements: string[], reps = 1): number {
  const dir = fs.mkdtempSync(path.join(path.dirname(file), 'shell-'));
  const script = (n: number) => {
    const f = path.join(dir, `s${n}.sql`);
    fs.writeFileSync(f, Array.from({ length: n }, () => statements.join('\n')).join('\n') + '\n');
    return f;
  };
  const run = (f: string) => {
    const t0 = performance.now();
    execFileSync('sqlite3', ['-readonly', file, `.read ${f}`], { stdio: ['ignore', 'ignore', 'inherit'] });
    return performance.now() - t0;
  };
  const empty = script(0);
  const full = script(reps);
  run(full); // warm
  const open = median([run(empty), run(empty), run(empty)].sort((a, b) => a - b));
  const total = median([run(full), run(full), run(full)].sort((a, b) => a - b));
  fs.rmSync(dir, { recursive: true, force: true });
  return Math.max(0.01, (total - open) / reps);
}
