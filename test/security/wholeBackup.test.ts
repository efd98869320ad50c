import fs from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openCore } from '../../src/core/app';
import { restoreFrom } from '../../src/core/db/backup';
import { backupFull, readBackupManifest } from '../../src/core/db/fullBackup';
import { auditHead, verifyAudit } from '../../src/core/audit/audit';
import { ensureSigningKey } from '../../src/core/exchange/keys';
import { verifyStore } from '../../src/core/efiles/store';
import { stageBytes } from '../../src/core/files/uploads';
import { testCore, tempDir } from '../support/core';
import { seedCase, textPdf } from '../support/efiles';
import { bureauLedger } from '../support/ledgerWorkbooks';
import { runCli } from '../support/child';

/**
 * Issue 12 §11: a backup held only the database — restoring it onto a new machine gave documents
 * without files and no signing key. A whole backup holds the database, the e-file store, approval
 * documents and the keys, says so in backup.json (with the audit head), and everything it writes
 * or restores is 0700/0600.
 */
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
const mode = (p: string) => fs.statSync(p).mode & 0o777;
function walk(dir: string, fn: (p: string, isDir: boolean) => void) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    fn(p, e.isDirectory());
    if (e.isDirectory()) walk(p, fn);
  }
}

it('a whole backup restored into an empty folder on another machine gives back documents, files and keys', async () => {
  const t = testCore();
  dirs.push(t.dir);
  const staff = t.as('staff', '张承办');
  const c = seedCase(t.app, staff.user.id);
  const up = await stageBytes(t.app, staff.user, 'efiles.import', '执行笔录.pdf', textPdf([['执行笔录 备份测试']]));
  await staff.run('efiles.import', { caseId: c.id, uploadId: up.uploadId, volume: '正卷' });
  const key = ensureSigningKey(t.app);
  const target = path.join(tempDir(), '备份-2025-06-30');
  dirs.push(path.dirname(target));
  const r = await backupFull(t.app, target);
  expect(r.manifest.efiles).toMatchObject({ documents: 1, missing: 0 });
  expect(r.manifest.holds.join('；')).toMatch(/数据库.*电子卷宗文件.*密钥/);
  expect(r.manifest.auditHead).toEqual({ id: auditHead(t.app).id, hash: auditHead(t.app).hash });
  expect(readBackupManifest(target)?.keys.sort()).toEqual(['audit', 'exchange']);
  if (process.platform !== 'win32') walk(target, (p, isDir) => expect(mode(p), p).toBe(isDir ? 0o700 : 0o600));
  expect(fs.readdirSync(path.dirname(target))).toEqual([path.basename(target)]);

  const fresh = path.join(tempDir(), 'new-machine');
  dirs.push(path.dirname(fresh));
  restoreFrom(fresh, target, { by: '测试' });
  const app = openCore({ dataDir: fresh });
  try {
    const v = await verifyStore(app);
    expect(v).toMatchObject({ checked: 1, problems: [], orphans: 0 });
    expect(app.sqlite.prepare('SELECT count(*) AS n FROM efile_documents').get()).toEqual({ n: 1 });
    expect(ensureSigningKey(app).keyId).toBe(key.keyId);
    expect(verifyAudit(app).ok).toBe(true);
  } finally {
    app.close();
  }
  if (process.platform !== 'win32') for (const rel of ['efiles/blobs', 'keys', 'keys/audit/chain.json', 'desk.sqlite']) expect(mode(path.join(fresh, rel)), rel).toBe(fs.statSync(path.join(fresh, rel)).isDirectory() ? 0o700 : 0o600);
});

it('`xdesk backup` says what the backup holds; --db-only says what it leaves out', async () => {
  const t = testCore();
  dirs.push(t.dir);
  t.as('admin');
  t.app.close();
  const out = tempDir();
  dirs.push(out);
  const whole = await runCli(['--data', t.dir, 'backup', path.join(out, 'full')]);
  expect(whole.stderr).toBe('');
  expect(whole.stdout).toMatch(/已完整备份到.*包含：[\s\S]*数据库[\s\S]*电子卷宗文件[\s\S]*密钥/);
  const dbOnly = await runCli(['--data', t.dir, 'backup', '--db-only', path.join(out, 'db.sqlite')]);
  expect(dbOnly.stdout).toMatch(/仅含数据库，不含电子卷宗文件和密钥/);
  expect(fs.readdirSync(out).sort()).toEqual(['db.sqlite', 'full']);
});

it('`import-ledger --report` never overwrites the source workbook', async () => {
  const t = testCore();
  dirs.push(t.dir);
  t.as('admin');
  t.app.close();
  const src = tempDir();
  dirs.push(src);
  const wb = path.join(src, '台账.xlsx');
  const bytes = await bureauLedger();
  fs.writeFileSync(wb, bytes);
  for (const report of [wb, path.join(src, '.', '台账.xlsx')]) {
    const r = await runCli(['--data', t.dir, 'import-ledger', wb, '--report', report]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/--report 不能指向源文件/);
    expect(fs.readFileSync(wb).equals(bytes)).toBe(true);
  }
  fs.linkSync(wb, path.join(src, 'link.xlsx'));
  const linked = await runCli(['--data', t.dir, 'import-ledger', wb, '--report', path.join(src, 'link.xlsx')]);
  expect(linked.stderr).toMatch(/--report 不能指向源文件/);
});
