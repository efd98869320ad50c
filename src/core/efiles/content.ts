import fs from 'node:fs';
import type { UserPublic } from '../../contract/calls/common';
import type { CoreApp } from '../app';
import { fail } from '../errors';
import { auditSecondary } from './access';
import { readableDoc } from './catalogue';
import { blobPath } from './store';
import { userForCall } from '../files/access';

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
    const now = app.now().getTime();
    if (purpose === 'download' || now - (seen.get(key) ?? 0) > VIEW_AUDIT_MS) {
      auditSecondary(app, user, { id: d.id, title: d.title, caseNo: d.caseNo }, purpose === 'download' ? '下载' : '查看', purpose === 'download' ? 'efiles.download' : 'efiles.view');
      if (purpose === 'view') seen.set(key, now);
    }
  }
  return { file, size: fs.statSync(file).size, mime: d.mime, name: d.name };
}

/**
 * The one check every host makes before serving a document's bytes (browser route
 * src/server/efileContent.ts, Electron's `xdesk:readEfile` / `xdesk:saveEfile`): the session's user
 * must be logged in, not idle-locked and allowed to make `efiles.document`; then the 副卷 rule and
 * the 副卷 audit of `openDocumentContent`.
 */
export function openSessionDocument(app: CoreApp, sessionKey: string, id: unknown, purpose: 'view' | 'download'): Content {
  const user = userForCall(app, sessionKey, 'efiles.document');
  if (!Number.isSafeInteger(id) || (id as number) <= 0) fail('INVALID_INPUT', '「文件编号」无效', 'id');
  return openDocumentContent(app, user, sessionKey, id as number, purpose);
}

/** Largest range one read returns: pdf.js asks for 64 KB chunks; a bigger ask is cut, not refused. */
export const MAX_RANGE_BYTES = 16 * 1024 * 1024;

/**
 * Electron (no HTTP): the viewer reads byte ranges [begin, end) through the bridge, checked and
 * audited per read exactly as the browser route checks each range request (a 副卷 view is one audit
 * entry per session and document every 10 minutes). The arguments come from the renderer, so they
 * are checked here; a range past the end is cut to the file.
 */
export function readDocumentRange(app: CoreApp, sessionKey: string, id: unknown, begin: unknown, end: unknown): { length: number; bytes: Buffer } {
  if (!Number.isSafeInteger(begin) || (begin as number) < 0) fail('INVALID_INPUT', '「读取起点」应为非负整数', 'begin');
  if (!Number.isSafeInteger(end) || (end as number) < (begin as number)) fail('INVALID_INPUT', '「读取终点」应为不小于起点的整数', 'end');
  const c = openSessionDocument(app, sessionKey, id, 'view');
  const from = Math.min(begin as number, c.size);
  const to = Math.min(end as number, c.size, from + MAX_RANGE_BYTES);
  const bytes = Buffer.alloc(to - from);
  if (bytes.length === 0) return { length: c.size, bytes };
  const fd = fs.openSync(c.file, 'r');
  try {
    for (let got = 0; got < bytes.length; ) {
      const n = fs.readSync(fd, bytes, got, bytes.length - got, from + got);
      if (n === 0) break; // the blob is shorter than its row says: `efile verify` reports it
      got += n;
    }
  } finally {
    fs.closeSync(fd);
  }
  return { length: c.size, bytes };
}
