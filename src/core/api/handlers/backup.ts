import fs from 'node:fs';
import path from 'node:path';
import type { Handlers } from '../context';
import { asyncHandler } from '../context';
import type { CoreApp } from '../../app';
import { backupFull, readBackupManifest, type BackupManifest } from '../../db/fullBackup';

type BackupHandlers = Pick<Handlers, 'backup.list' | 'backup.create'>;

/** Backups made from the UI live in `<data>/backups` (the same folder as before-migration copies). */
const folderOf = (app: CoreApp) => path.join(app.dataDir, 'backups');

const rowOf = (dir: string, m: BackupManifest) => ({
  name: path.basename(dir),
  path: dir,
  createdAt: m.createdAt,
  holds: m.holds,
  bytes: m.database.bytes + m.efiles.bytes,
  documents: m.efiles.documents,
  missing: m.efiles.missing,
});

export const backupHandlers: BackupHandlers = {
  'backup.list': ({ app }) => {
    const folder = folderOf(app);
    const backups = fs.existsSync(folder)
      ? fs
          .readdirSync(folder)
          .map((n) => path.join(folder, n))
          .flatMap((d) => {
            const m = readBackupManifest(d);
            return m ? [rowOf(d, m)] : [];
          })
          .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      : [];
    return { folder, dataDir: app.dataDir, backups };
  },
  'backup.create': asyncHandler(async (ctx) => {
    const stamp = ctx.app.now().toISOString().replace(/\.\d+Z$/, '').replace(/[-:]/g, '').replace('T', '-');
    const r = await backupFull(ctx.app, path.join(folderOf(ctx.app), `完整备份-${stamp}`));
    const row = rowOf(r.dir, r.manifest);
    ctx.commit(() => undefined, { recordType: 'backup', recordId: row.name, summary: `完整备份到 ${r.dir}：${r.manifest.holds.join('；')}` });
    return row;
  }),
};
