import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Issue 12 §15: the CLI under an older Node (better-sqlite3 is built for Node 22 and segfaulted on 20)
 * stops at once with a message in Chinese and English, before loading anything. /usr/bin/node on
 * these machines is v20.
 */
const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin/xdesk.js');
const OLD_NODE = '/usr/bin/node';
const oldVersion = fs.existsSync(OLD_NODE) ? spawnSync(OLD_NODE, ['--version'], { encoding: 'utf8' }).stdout.trim() : '';

describe('bin/xdesk.js and the Node version', () => {
  it.skipIf(!/^v(1\d|20|21)\./.test(oldVersion))(`refuses to run under ${oldVersion || 'an old Node'} with a clear message`, () => {
    const r = spawnSync(OLD_NODE, [bin, 'audit', 'verify'], { encoding: 'utf8', cwd: root, timeout: 20_000 });
    expect(r.signal).toBeNull();
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('需要 Node.js 22');
    expect(r.stderr).toContain('requires Node.js 22');
    expect(r.stderr).toContain(oldVersion);
  });

  it('runs under the Node it is built for', () => {
    const r = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8', cwd: root, timeout: 60_000 });
    expect(r.status).toBe(0);
    expect(r.stderr).not.toContain('需要 Node.js 22');
  });
});
