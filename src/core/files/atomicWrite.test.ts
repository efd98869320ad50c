import fs from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/core';
import { writeDurably, writeFileAtomic } from './atomicWrite';

let dir: string;
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

it('replaces a file whole and leaves no temp file beside it', () => {
  dir = tempDir();
  const target = path.join(dir, 'sub', '卷宗.pdf');
  writeFileAtomic(target, Buffer.from('first'));
  writeFileAtomic(target, 'second, longer');
  expect(fs.readFileSync(target, 'utf8')).toBe('second, longer');
  expect(fs.readdirSync(path.dirname(target))).toEqual(['卷宗.pdf']);
});

it('a failed rename keeps the old file and removes the temp file', () => {
  dir = tempDir();
  // A folder cannot be replaced by a file: the rename fails after the temp file was written.
  const target = path.join(dir, 'taken');
  fs.mkdirSync(target);
  fs.writeFileSync(path.join(target, 'inside'), 'x');
  expect(() => writeFileAtomic(target, 'new')).toThrow();
  expect(fs.readdirSync(dir)).toEqual(['taken']);
  expect(fs.readFileSync(path.join(target, 'inside'), 'utf8')).toBe('x');
});

it.skipIf(process.platform === 'win32')('gives a key file exactly the mode asked for', () => {
  dir = tempDir();
  const key = path.join(dir, 'a.key');
  writeFileAtomic(key, 'secret', { mode: 0o600 });
  expect(fs.statSync(key).mode & 0o777).toBe(0o600);
});

it('writeDurably refuses to overwrite an existing file', () => {
  dir = tempDir();
  const f = path.join(dir, 'x.part');
  writeDurably(f, 'one');
  expect(() => writeDurably(f, 'two')).toThrow();
  expect(fs.readFileSync(f, 'utf8')).toBe('one');
});
