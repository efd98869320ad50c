import { createHash } from 'node:crypto';
import type { CoreApp } from '../app';
import { getInternal, setInternal } from '../settings/settings';

export type AuditEntry = {
  userId: number | null;
  userName: string;
  call: string;
  recordType?: string | null;
  recordId?: string | number | null;
  summary: string;
};

const GENESIS = '0'.repeat(64);
const HEAD_KEY = 'audit.head';

type Row = {
  id: number;
  at: string;
  user_id: number | null;
  user_name: string;
  call: string;
  record_type: string | null;
  record_id: string | null;
  summary: string;
  prev_hash: string;
  hash: string;
};

/** The hash covers every field of the row and the previous row's hash: editing or removing any row breaks the chain. */
function rowHash(r: Omit<Row, 'hash'>): string {
  const canonical = JSON.stringify([r.id, r.at, r.user_id, r.user_name, r.call, r.record_type, r.record_id, r.summary, r.prev_hash]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** Appends one entry. Call it inside the transaction of the change it records. */
export function appendAudit(app: CoreApp, e: AuditEntry): void {
  const last = app.sqlite.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as
    | { id: number; hash: string }
    | undefined;
  const row: Omit<Row, 'hash'> = {
    id: (last?.id ?? 0) + 1,
    at: app.now().toISOString(),
    user_id: e.userId,
    user_name: e.userName,
    call: e.call,
    record_type: e.recordType ?? null,
    record_id: e.recordId == null ? null : String(e.recordId),
    summary: e.summary.slice(0, 500),
    prev_hash: last?.hash ?? GENESIS,
  };
  const hash = rowHash(row);
  app.sqlite
    .prepare(
      `INSERT INTO audit_log (id, at, user_id, user_name, call, record_type, record_id, summary, prev_hash, hash)
       VALUES (@id, @at, @user_id, @user_name, @call, @record_type, @record_id, @summary, @prev_hash, @hash)`,
    )
    .run({ ...row, hash });
  // The head is kept apart so that cutting rows off the end of the log is detected too.
  setInternal(app, HEAD_KEY, JSON.stringify({ id: row.id, hash }));
}

export type AuditVerdict = { ok: boolean; count: number; firstBad: { id: number; reason: string } | null };

/** Walks the chain from the first row and reports the first row that was altered or removed. */
export function verifyAudit(app: CoreApp): AuditVerdict {
  const stmt = app.sqlite.prepare('SELECT * FROM audit_log ORDER BY id');
  let prev = GENESIS;
  let expectedId = 1;
  let count = 0;
  for (const r of stmt.iterate() as Iterable<Row>) {
    count++;
    if (r.id !== expectedId) {
      return { ok: false, count, firstBad: { id: expectedId, reason: `第 ${expectedId} 条记录已被删除` } };
    }
    if (r.prev_hash !== prev) {
      return { ok: false, count, firstBad: { id: r.id, reason: `第 ${r.id} 条记录的前序哈希不符：其前一条记录被改动或删除` } };
    }
    const { hash, ...rest } = r;
    if (rowHash(rest) !== hash) {
      return { ok: false, count, firstBad: { id: r.id, reason: `第 ${r.id} 条记录的内容被改动` } };
    }
    prev = hash;
    expectedId++;
  }
  const headRaw = getInternal(app, HEAD_KEY);
  if (headRaw) {
    const head = JSON.parse(headRaw) as { id: number; hash: string };
    if (head.id !== expectedId - 1 || head.hash !== prev) {
      return { ok: false, count, firstBad: { id: expectedId, reason: `日志末尾的第 ${expectedId}–${head.id} 条记录已被删除` } };
    }
  } else if (count > 0) {
    return { ok: false, count, firstBad: { id: count, reason: '缺少日志链头记录' } };
  }
  return { ok: true, count, firstBad: null };
}
