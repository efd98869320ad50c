import fs from 'node:fs';
import type { UserPublic } from '../../contract/calls/common';
import type { CoreApp } from '../app';
import { fail } from '../errors';
import { auditSecondary } from './access';
import { readableDoc } from './catalogue';
import { blobPath } from './store';

/**
 * A stored document's bytes for the viewer and for "下载原文件", with the same checks as the calls
 * (副卷 only for the handler, the chief and administrators). Reading a 副卷 document is audited:
 * a download every time, a view once per session and document every 10 minutes (the viewer reads a
 * large PDF in many range requests; one view is one entry).
 */
const EDIT_ROLES = new Set(['staff', 'clerk', 'chief', 'admin']);
const VIEW_AUDIT_MS = 10 * 60_000;
const lastViewAudit = new WeakMap<CoreApp, Map<string, number>>();

export type Content = { file: string; size: number; mime: string; name: string };

export function openDocumentContent(app: CoreApp, user: UserPublic, sessionKey: string, id: number, purpose: 'view' | 'download'): Content {
  const d = readableDoc(app, user, id);
  if (d.deleted_at && !EDIT_ROLES.has(user.role)) fail('NOT_FOUND', '文件已被删除（在回收站中）');
  const file = blobPath(app, d.sha256);
  if (!fs.existsSync(file)) fail('DAMAGED', `文件「${d.title}」的内容缺失，请管理员运行「efile verify」检查存储`);
  if (d.volume === '副卷') {
    let seen = lastViewAudit.get(app);
    if (!seen) lastViewAudit.set(app, (seen = new Map()));
    const key = `${sessionKey}:${id}`;
    const now = Date.now();
    if (purpose === 'download' || now - (seen.get(key) ?? 0) > VIEW_AUDIT_MS) {
      auditSecondary(app, user, { id: d.id, title: d.title, caseNo: d.caseNo }, purpose === 'download' ? '下载' : '查看', purpose === 'download' ? 'efiles.download' : 'efiles.view');
      if (purpose === 'view') seen.set(key, now);
    }
  }
  return { file, size: fs.statSync(file).size, mime: d.mime, name: d.name };
}

/**
 * Electron (no HTTP): the viewer reads byte ranges through the bridge. The first read (begin 0)
 * counts as the view for the 副卷 audit, as the route above does.
 */
export function readDocumentRange(app: CoreApp, user: UserPublic, sessionKey: string, id: number, begin: number, end: number): { length: number; bytes: Buffer } {
  const c = openDocumentContent(app, user, sessionKey, id, 'view');
  const from = Math.max(0, Math.min(begin, c.size));
  const to = Math.max(from, Math.min(end, c.size, from + 16 * 1024 * 1024));
  const bytes = Buffer.alloc(to - from);
  const fd = fs.openSync(c.file, 'r');
  try {
    fs.readSync(fd, bytes, 0, bytes.length, from);
  } finally {
    fs.closeSync(fd);
  }
  return { length: c.size, bytes };
}
