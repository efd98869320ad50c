import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return files(p);
    return /\.(ts|tsx)$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [p] : [];
  });
}

const importsOf = (file: string) => [...fs.readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);

describe('layers import only downward', () => {
  it('src/core imports nothing from electron, react, mantine or the renderer', () => {
    const bad = files(path.join(root, 'src/core')).flatMap((f) =>
      importsOf(f)
        .filter((i) => /^(electron|react|react-dom|@mantine\/|mantine-|@tanstack\/react)/.test(i) || i.includes('renderer/'))
        .map((i) => `${path.relative(root, f)} → ${i}`),
    );
    expect(bad).toEqual([]);
  });

  it('src/core does not use DOM globals', () => {
    const bad = files(path.join(root, 'src/core')).filter((f) => /\b(window|document|localStorage)\.[A-Za-z]/.test(fs.readFileSync(f, 'utf8')));
    expect(bad.map((f) => path.relative(root, f))).toEqual([]);
  });

  it('the renderer never imports src/core, the server or the CLI', () => {
    const bad = files(path.join(root, 'src/renderer')).flatMap((f) =>
      importsOf(f)
        .filter((i) => (i.startsWith('.') && /\/(core|server|cli)\//.test(i)) || /^(better-sqlite3|drizzle-orm|node:)/.test(i))
        .map((i) => `${path.relative(root, f)} → ${i}`),
    );
    expect(bad).toEqual([]);
  });

  it('the contract imports only zod and itself', () => {
    const bad = files(path.join(root, 'src/contract')).flatMap((f) =>
      importsOf(f)
        .filter((i) => !(i === 'zod' || i.startsWith('.')) || /(core|server|renderer|cli)\//.test(i))
        .map((i) => `${path.relative(root, f)} → ${i}`),
    );
    expect(bad).toEqual([]);
  });
});
