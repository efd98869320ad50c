import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore } from '../../../src/core/app';
import { DomainError } from '../../../src/core/errors';
import { MIGRATIONS } from '../../../src/core/db/migrations';
import { tempDir } from '../../support/core';

const dirs: string[] = [];
const fresh = () => {
  const d = tempDir();
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('opening the data folder', () => {
  it('creates the database with WAL, foreign keys and every migration applied', () => {
    const dir = fresh();
    const app = openCore({ dataDir: path.join(dir, 'nested', 'data') });
    expect(app.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(app.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(Number(app.sqlite.pragma('busy_timeout', { simple: true }))).toBeGreaterThan(0);
    const applied = app.sqlite.prepare('SELECT id FROM schema_migrations ORDER BY rowid').all() as { id: string }[];
    expect(applied.map((r) => r.id)).toEqual(MIGRATIONS.map((m) => m.id));
    app.close();
  });

  it('copies the old file aside before applying a new migration, and keeps the data', () => {
    const dir = fresh();
    const app = openCore({ dataDir: dir });
    app.sqlite.prepare("INSERT INTO settings (key, value) VALUES ('marker', 'kept')").run();
    // Pretend the newest migration has not run yet on this file.
    const last = MIGRATIONS[MIGRATIONS.length - 1]!;
    app.sqlite.prepare('DELETE FROM schema_migrations WHERE id = ?').run(last.id);
    app.close();
    const db = new Database(path.join(dir, 'desk.sqlite'));
    // Undo that migration's tables so it can apply again.
    for (const m of last.sql.matchAll(/CREATE TABLE (\w+)/g)) db.exec(`DROP TABLE IF EXISTS ${m[1]}`);
    db.close();

    const again = openCore({ dataDir: dir });
    const backups = fs.readdirSync(path.join(dir, 'backups'));
    expect(backups.some((f) => f.startsWith('before-migration-'))).toBe(true);
    const copy = new Database(path.join(dir, 'backups', backups[0]!), { readonly: true });
    expect(copy.prepare("SELECT value FROM settings WHERE key='marker'").get()).toEqual({ value: 'kept' });
    copy.close();
    expect(again.sqlite.prepare("SELECT value FROM settings WHERE key='marker'").get()).toEqual({ value: 'kept' });
    expect(again.sqlite.prepare('SELECT count(*) AS n FROM schema_migrations WHERE id = ?').get(last.id)).toEqual({ n: 1 });
    again.close();
  });

  it('refuses a damaged file with a clear Chinese message and leaves it untouched', () => {
    const dir = fresh();
    const file = path.join(dir, 'desk.sqlite');
    fs.writeFileSync(file, Buffer.from('this is not a database, just garbage bytes '.repeat(200)));
    const before = fs.readFileSync(file);
    let error: unknown;
    try {
      openCore({ dataDir: dir });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('DAMAGED');
    expect((error as DomainError).message).toContain('数据文件已损坏');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('detects a corrupted page inside an otherwise valid database', () => {
    const dir = fresh();
    const app = openCore({ dataDir: dir });
    const insert = app.sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
    app.sqlite.transaction(() => {
      for (let i = 0; i < 2000; i++) insert.run(`k${i}`, 'x'.repeat(200));
    })();
    app.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    app.close();
    const file = path.join(dir, 'desk.sqlite');
    const bytes = fs.readFileSync(file);
    // Scribble over the middle of the file (table b-tree pages), keeping the header valid.
    bytes.fill(0x5a, Math.floor(bytes.length / 2), Math.floor(bytes.length / 2) + 8192);
    fs.writeFileSync(file, bytes);
    expect(() => openCore({ dataDir: dir })).toThrow(/数据文件已损坏/);
  });
});
