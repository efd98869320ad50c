import fs from 'node:fs';
import path from 'node:path';
import type { UserPublic } from '../../contract/calls/common';
import type { CoreApp } from '../app';
import { fail } from '../errors';
import { createDownloadFile, type Download } from '../files/downloads';

/**
 * Every exported package is kept under the data folder (issue 14 §3), so 导出记录 can hand out any
 * past export again — the download tokens themselves expire with the downloads sweep. A hard link
 * when on the same disk (a package of several GB is not stored twice), else a copy.
 */
export const keptPath = (app: CoreApp, exportId: number) => path.join(app.dataDir, 'exchange', 'exports', `${exportId}.zip`);

const linkOrCopy = async (from: string, to: string) => {
  try {
    await fs.promises.link(from, to);
  } catch {
    await fs.promises.copyFile(from, to);
  }
};

/** After the package is written: keeping it must not fail the export the user already has. */
export async function keepExport(app: CoreApp, exportId: number, file: string): Promise<void> {
  const to = keptPath(app, exportId);
  try {
    await fs.promises.mkdir(path.dirname(to), { recursive: true });
    await fs.promises.rm(to, { force: true });
    await linkOrCopy(file, to);
  } catch {
    // 导出记录 then says plainly that this export's file is not kept.
  }
}

/** `exchange.exports.download`: a fresh download token for a past export's kept file. */
export async function downloadExport(app: CoreApp, user: UserPublic, exportId: number): Promise<{ download: Download; row: { periodLabel: string; revision: number; includesSecondary: boolean; fileName: string } }> {
  const r = app.sqlite.prepare('SELECT week, from_on, to_on, revision, includes_secondary, file_name FROM exchange_exports WHERE id = ?').get(exportId) as
    | { week: string | null; from_on: string; to_on: string; revision: number; includes_secondary: number; file_name: string }
    | undefined;
  if (!r) fail('NOT_FOUND', '这条导出记录不存在', 'exportId');
  const row = { periodLabel: r!.week ?? `${r!.from_on} 至 ${r!.to_on}`, revision: r!.revision, includesSecondary: r!.includes_secondary === 1, fileName: r!.file_name };
  const kept = keptPath(app, exportId);
  if (!fs.existsSync(kept)) {
    fail('NOT_FOUND', `${row.periodLabel} 第${row.revision}版上报包的文件已不在数据目录中（可能已被删除或未能保存），无法再次下载；如需报送，请重新导出该期间（将生成新版本）`, 'exportId');
  }
  const download = await createDownloadFile(app, user, { name: row.fileName, mime: 'application/zip' }, (target) => linkOrCopy(kept, target));
  return { download, row };
}
