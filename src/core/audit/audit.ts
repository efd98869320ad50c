import { createHash } from 'node:crypto';
import type { CoreApp } from '../app';
import type { AuditCallName, AuditRecordType } from '../../contract/auditNames';
import { getInternal, setInternal } from '../settings/settings';
import { createChainKey, headMac, readChainKey, readWitness, rowMac, writeWitness, type ChainKey, type Head } from './chainKey';

export type AuditEntry = {
  userId: number | null;
  userName: string;
  call: AuditCallName;
  recordType?: AuditRecordType | null;
  recordId?: string | number | null;
  summary: string;
};

const GENESIS = '0'.repeat(64);
const HEAD_KEY = 'audit.head';
/** The database's own note of where keying began and with which key (compared with the key file). */
const KEYED_KEY = 'audit.keyedFrom';
export const REKEY_CALL = 'audit.rekey';

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

/**
 * Text exactly as SQLite will give it back: a lone UTF-16 surrogate (pasted from a broken
 * document, or a summary cut inside an emoji) becomes U+FFFD on its way into the UTF-8 file, so
 * it is replaced before hashing, never after — otherwise the stored row could never match its hash.
 */
const canonical = (s: string) => s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

const serialise = (r: Omit<Row, 'hash'>) => JSON.stringify([r.id, r.at, r.user_id, r.user_name, r.call, r.record_type, r.record_id, r.summary, r.prev_hash]);
/** Rows before keying: plain SHA-256 over every field and the previous hash (earlier versions). */
const plainHash = (r: Omit<Row, 'hash'>) => createHash('sha256').update(serialise(r)).digest('hex');
const keyedHash = (k: ChainKey, r: Omit<Row, 'hash'>) => rowMac(k, serialise(r));

const lastRow = (app: CoreApp) => app.sqlite.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string } | undefined;

function insert(app: CoreApp, k: ChainKey, e: AuditEntry): Head {
  const last = lastRow(app);
  const row: Omit<Row, 'hash'> = {
    id: (last?.id ?? 0) + 1,
    at: app.now().toISOString(),
    user_id: e.userId,
    user_name: canonical(e.userName),
    call: canonical(e.call),
    record_type: e.recordType == null ? null : canonical(e.recordType),
    record_id: e.recordId == null ? null : canonical(String(e.recordId)),
    summary: canonical(e.summary.slice(0, 500)),
    prev_hash: last?.hash ?? GENESIS,
  };
  const hash = row.id >= k.keyedFrom ? keyedHash(k, row) : plainHash(row);
  app.sqlite
    .prepare(
      `INSERT INTO audit_log (id, at, user_id, user_name, call, record_type, record_id, summary, prev_hash, hash)
       VALUES (@id, @at, @user_id, @user_name, @call, @record_type, @record_id, @summary, @prev_hash, @hash)`,
    )
    .run({ ...row, hash });
  // The head is kept apart, MACed, so that cutting rows off the end of the log is detected too.
  const head = { id: row.id, hash, mac: headMac(k, row.id, hash) };
  setInternal(app, HEAD_KEY, JSON.stringify(head));
  return head;
}

/**
 * The chain key of this folder, created on first use. A database with rows but no key (written by
 * an earlier version) is migrated: the key starts at the next row, which records the re-keying.
 */
export function ensureChainKey(app: CoreApp): ChainKey {
  const existing = readChainKey(app);
  if (existing) {
    if (!getInternal(app, KEYED_KEY)) noteKeying(app, existing);
    return existing;
  }
  const next = (lastRow(app)?.id ?? 0) + 1;
  const k = createChainKey(app, next);
  if (k.keyedFrom === next) {
    app.sqlite.transaction(() => {
      noteKeying(app, k);
      if (next > 1) {
        insert(app, k, {
          userId: null,
          userName: '系统',
          call: REKEY_CALL,
          summary: `审计日志自第 ${next} 条起以本机密钥校验（HMAC-SHA256，密钥存于数据目录 keys/audit，不在数据库内）；此前 ${next - 1} 条按原 SHA-256 链校验`,
        });
      }
    })();
  }
  return k;
}

function noteKeying(app: CoreApp, k: ChainKey): void {
  setInternal(app, KEYED_KEY, JSON.stringify({ keyedFrom: k.keyedFrom, keyId: k.keyId }));
}

/** Appends one entry. Call it inside the transaction of the change it records. */
export function appendAudit(app: CoreApp, e: AuditEntry): void {
  insert(app, ensureChainKey(app), e);
}

/**
 * Appends the restore's own row and resets the witness to the restored head (a restore is a
 * trusted, audited rewind). A restored log keyed with this folder's key goes on with it; one
 * written before keying, or under another key (a key file lost since), is re-keyed from the
 * restore's row on — the replaced key file is kept beside it.
 */
export function appendRestoreAudit(app: CoreApp, e: AuditEntry): Head {
  const noted = getInternal(app, KEYED_KEY);
  const current = readChainKey(app);
  const sameKey = !!noted && !!current && (JSON.parse(noted) as { keyId: string }).keyId === current.keyId;
  const next = (lastRow(app)?.id ?? 0) + 1;
  const k = sameKey ? current! : createChainKey(app, next, { replace: true });
  const head = app.sqlite.transaction(() => {
    noteKeying(app, k);
    return insert(app, k, e);
  })();
  writeWitness(app, head);
  return head;
}

/** The chain head: last row id, its hash and the head's MAC (written into packages and backups). */
export function auditHead(app: CoreApp): Head {
  const raw = getInternal(app, HEAD_KEY);
  if (raw) return JSON.parse(raw) as Head;
  return { id: 0, hash: GENESIS };
}

/**
 * Records the current head as the witness when it extends the one recorded (never lowers it: a
 * rewound database must not erase the evidence of its rewinding). Called when a host closes.
 */
export function recordWitness(app: CoreApp): void {
  const head = auditHead(app);
  if (head.id === 0) return;
  const w = readWitness(app);
  if (w && (w.id > head.id || rowHashAt(app, w.id) !== w.hash)) return;
  writeWitness(app, head);
}

const rowHashAt = (app: CoreApp, id: number) => (app.sqlite.prepare('SELECT hash FROM audit_log WHERE id = ?').get(id) as { hash: string } | undefined)?.hash;

export type AuditVerdict = { ok: boolean; count: number; firstBad: { id: number; reason: string } | null };

/** Walks the chain from the first row and reports the first row that was altered or removed. */
export function verifyAudit(app: CoreApp): AuditVerdict {
  const k = readChainKey(app);
  const bad = (count: number, id: number, reason: string): AuditVerdict => ({ ok: false, count, firstBad: { id, reason } });
  const stmt = app.sqlite.prepare('SELECT * FROM audit_log ORDER BY id');
  let prev = GENESIS;
  let expectedId = 1;
  let count = 0;
  for (const r of stmt.iterate() as Iterable<Row>) {
    count++;
    if (r.id !== expectedId) return bad(count, expectedId, `第 ${expectedId} 条记录已被删除`);
    if (r.prev_hash !== prev) return bad(count, r.id, `第 ${r.id} 条记录的前序哈希不符：其前一条记录被改动或删除`);
    const { hash, ...rest } = r;
    const keyed = k !== null && r.id >= k.keyedFrom;
    // Before keying either form is accepted (an earlier restore may have re-keyed later).
    const matches = keyed ? keyedHash(k, rest) === hash : plainHash(rest) === hash || (k !== null && keyedHash(k, rest) === hash);
    if (!matches) return bad(count, r.id, `第 ${r.id} 条记录的内容被改动${keyed ? '（或其校验值被不持有本机密钥者重新计算）' : ''}`);
    prev = hash;
    expectedId++;
  }
  const last = expectedId - 1;
  const noted = getInternal(app, KEYED_KEY);
  if (k && noted) {
    const n = JSON.parse(noted) as { keyedFrom: number; keyId: string };
    if (n.keyId !== k.keyId && n.keyedFrom < k.keyedFrom) {
      return bad(count, n.keyedFrom, `审计密钥被替换：数据库记录自第 ${n.keyedFrom} 条起使用的密钥已不在数据目录 keys/audit 中，第 ${n.keyedFrom}–${k.keyedFrom - 1} 条无法校验`);
    }
  }
  const headRaw = getInternal(app, HEAD_KEY);
  if (headRaw) {
    const head = JSON.parse(headRaw) as Head;
    if (head.id !== last || head.hash !== prev) return bad(count, last + 1, `日志末尾的第 ${last + 1}–${head.id} 条记录已被删除`);
    if (k && head.id >= k.keyedFrom && head.mac !== headMac(k, head.id, head.hash)) {
      return bad(count, last, `日志链头被改写：末尾记录可能已被删除（链头校验值与本机密钥不符）`);
    }
  } else if (count > 0) {
    return bad(count, count, '缺少日志链头记录');
  }
  const w = readWitness(app);
  if (w && (w.id > last || rowHashAt(app, w.id) !== w.hash)) {
    return bad(
      count,
      Math.min(w.id, last + 1),
      `日志被回退：本机曾记录到第 ${w.id} 条，现在${w.id > last ? `只有 ${last} 条` : `第 ${w.id} 条与当时不同`}（数据库可能被换成了旧副本；从备份恢复应使用“恢复备份”，它会留下记录）`,
    );
  }
  return { ok: true, count, firstBad: null };
}
