import { defineConfig } from 'vitest/config';
import path from 'node:path';

export default defineConfig({
  root: path.resolve(import.meta.dirname, '..'),
  test: {
    include: ['src/**/*.test.ts', 'test/unit/**/*.test.ts', 'test/security/**/*.test.ts'],
    environment: 'node',
    // A safety net, not a measure: CLI tests spawn tsx, which takes tens of seconds on a loaded 2-core machine.
    testTimeout: 90_000,
    hookTimeout: 30_000,
    // SQLite files and child processes: keep workers few on these 2-core machines.
    pool: 'forks',
    maxWorkers: 2,
  },
});
