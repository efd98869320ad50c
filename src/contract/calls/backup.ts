import { z } from 'zod';
import { defineCall } from '../define';
import { empty } from './common';

/** Whole backups made from 设置 → 备份与恢复 (issue 14 §11; the CLI's `backup`, src/core/db/fullBackup.ts). */
export const backupRow = z.object({
  name: z.string(),
  path: z.string(),
  createdAt: z.string(),
  /** What the backup holds, in words (backup.json). */
  holds: z.array(z.string()),
  bytes: z.number(),
  documents: z.number(),
  missing: z.number(),
});
export type BackupRow = z.infer<typeof backupRow>;

export const backupCalls = {
  'backup.list': defineCall({
    title: '查看备份',
    access: ['admin'],
    mutates: false,
    input: empty,
    output: z.object({ folder: z.string(), dataDir: z.string(), backups: z.array(backupRow) }),
  }),
  'backup.create': defineCall({
    title: '完整备份',
    access: ['admin'],
    mutates: true,
    input: empty,
    output: backupRow,
  }),
};
