import { createPublicKey, type KeyObject } from 'node:crypto';
import type { UserPublic } from '../../contract/calls/common';
import type { PinnedKey } from '../../contract/calls/exchange';
import type { CoreApp } from '../app';
import { fail } from '../errors';
import { readStaged } from '../files/uploads';
import { fingerprintOf, ownPublicKeys } from './keys';

/**
 * Other courts' public keys pinned here (table exchange_pinned_keys): the 中院 registers the key each
 * basic court handed over (`key export` / 导出公钥) after comparing its fingerprint with the sender by
 * a second channel, and from then on packages signed with it verify. A pin is tied to a court of
 * the directory, so a package naming another court is refused (verify.ts COURT_MISMATCH). Removal
 * keeps the row with who, when and why.
 */
const MAX_PEM_BYTES = 16 * 1024;

type Row = {
  key_id: string;
  fingerprint: string;
  public_key_pem: string;
  court_code: string;
  court_name: string;
  pinned_at: string;
  pinned_by_name: string;
};

const toPinned = (r: Row): PinnedKey => ({
  keyId: r.key_id,
  fingerprint: r.fingerprint,
  courtCode: r.court_code,
  courtName: r.court_name,
  pinnedAt: r.pinned_at,
  pinnedBy: r.pinned_by_name,
});

/** Active pins, newest first, with their PEM (for the verifier). */
export function pinnedKeys(app: CoreApp): (PinnedKey & { pem: string })[] {
  const rows = app.sqlite
    .prepare(
      `SELECT key_id, fingerprint, public_key_pem, court_code, court_name, pinned_at, pinned_by_name
       FROM exchange_pinned_keys WHERE removed_at IS NULL ORDER BY pinned_at DESC, id DESC`,
    )
    .all() as Row[];
  return rows.map((r) => ({ ...toPinned(r), pem: r.public_key_pem }));
}

export const listPinned = (app: CoreApp): PinnedKey[] => pinnedKeys(app).map(({ pem: _pem, ...k }) => k);

function activePin(app: CoreApp, keyId: string): PinnedKey | null {
  const r = app.sqlite
    .prepare(
      `SELECT key_id, fingerprint, public_key_pem, court_code, court_name, pinned_at, pinned_by_name
       FROM exchange_pinned_keys WHERE key_id = ? AND removed_at IS NULL`,
    )
    .get(keyId) as Row | undefined;
  return r ? toPinned(r) : null;
}

/** Reads a staged .pem and checks it is an Ed25519 public key (never a private key). */
export function readPublicKeyUpload(app: CoreApp, user: UserPublic, uploadId: string): { pem: string; keyId: string; fingerprint: string } {
  const { bytes } = readStaged(app, user, uploadId, MAX_PEM_BYTES);
  const text = bytes.toString('utf8');
  // A private key must never be handed around; say so plainly instead of deriving its public half.
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text)) {
    fail('INVALID_INPUT', '「公钥文件」这是私钥文件，私钥不应离开报送法院。请让对方用“导出公钥”重新提供 .pem 公钥文件', 'uploadId');
  }
  if (!text.includes('-----BEGIN PUBLIC KEY-----')) fail('INVALID_INPUT', '「公钥文件」不是 PEM 格式的公钥（应以 -----BEGIN PUBLIC KEY----- 开头）', 'uploadId');
  let key: KeyObject;
  try {
    key = createPublicKey(text);
  } catch {
    return fail('INVALID_INPUT', '「公钥文件」无法读取，文件可能已损坏或不完整', 'uploadId');
  }
  if (key.asymmetricKeyType !== 'ed25519') fail('INVALID_INPUT', `「公钥文件」不是 Ed25519 签名公钥（而是 ${key.asymmetricKeyType ?? '未知类型'}），上报包只用 Ed25519 签名`, 'uploadId');
  const fingerprint = fingerprintOf(key);
  return { pem: key.export({ type: 'spki', format: 'pem' }) as string, keyId: fingerprint.slice(0, 16), fingerprint };
}

/** What the user is about to pin: its key id and fingerprint, and whether it is already pinned. */
export function inspectUpload(app: CoreApp, user: UserPublic, uploadId: string) {
  const k = readPublicKeyUpload(app, user, uploadId);
  return { keyId: k.keyId, fingerprint: k.fingerprint, alreadyPinned: activePin(app, k.keyId) };
}

/** Pins the staged key for a court of the directory. Runs inside the caller's transaction. */
export function pinKey(app: CoreApp, user: UserPublic, input: { uploadId: string; courtCode: string; fingerprint: string }): PinnedKey {
  const k = readPublicKeyUpload(app, user, input.uploadId);
  if (k.fingerprint !== input.fingerprint) {
    fail('INVALID_INPUT', '「公钥指纹」与上传的公钥不一致：文件在核对后被更换了，请重新选择文件并再次核对指纹', 'fingerprint');
  }
  if (ownPublicKeys(app).has(k.keyId)) fail('INVALID_INPUT', '「公钥文件」这是本院自己的签名公钥，本院的上报包已可校验，无需登记', 'uploadId');
  const court = app.sqlite.prepare('SELECT code, name FROM courts WHERE code = ?').get(input.courtCode) as { code: string; name: string } | undefined;
  if (!court) return fail('INVALID_INPUT', `「法院代字」${input.courtCode} 不在法院名录中，请从列表中选择（管理员可在 设置 → 法院 中添加）`, 'courtCode');
  const existing = activePin(app, k.keyId);
  if (existing) fail('CONFLICT', `该公钥（${k.keyId}）已登记为 ${existing.courtName}（${existing.courtCode}）的公钥`, 'uploadId');
  app.sqlite
    .prepare(
      `INSERT INTO exchange_pinned_keys (key_id, fingerprint, public_key_pem, court_code, court_name, pinned_at, pinned_by, pinned_by_name)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(k.keyId, k.fingerprint, k.pem, court.code, court.name, app.now().toISOString(), user.id > 0 ? user.id : null, user.displayName);
  return activePin(app, k.keyId)!;
}

/** Removes a pin (the row stays, marked removed with the reason). Runs inside the caller's transaction. */
export function unpinKey(app: CoreApp, user: UserPublic, keyId: string, reason: string): PinnedKey {
  const pin = activePin(app, keyId) ?? fail('NOT_FOUND', `「密钥编号」没有登记编号为 ${keyId} 的公钥`, 'keyId');
  app.sqlite
    .prepare('UPDATE exchange_pinned_keys SET removed_at = ?, removed_by_name = ?, remove_reason = ? WHERE key_id = ? AND removed_at IS NULL')
    .run(app.now().toISOString(), user.displayName, reason, keyId);
  return pin;
}
