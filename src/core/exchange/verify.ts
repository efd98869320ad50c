import fs from 'node:fs';
import { manifestSchema, signatureSchema, type Manifest, type Problem } from '../../contract/calls/exchange';
import { unsafePathReason } from './naming';
import { keyIdOfPem, verifySignature } from './keys';
import { hashEntry, readCentralDirectory, readEntry, type RawEntry } from './zipEntries';

/**
 * Verifies an upward package without extracting it: every problem found is reported precisely (in
 * Chinese, naming the path), not just the first. Nothing is written anywhere; entry data is read by
 * offset and hashed. Checks, in order:
 *   structure — unsafe paths (.., absolute, backslash), symlinks, directories, duplicates,
 *               encryption, zip-bomb-like declared sizes and ratios;
 *   manifest  — present, JSON, matches its schema (docs/manifest.schema.json);
 *   signature — present, well-formed, names a trusted key, valid over the manifest's exact bytes,
 *               and a key pinned for one court does not vouch for a package naming another;
 *   files     — none missing, none extra, each one's size and SHA-256 as the manifest says.
 */
export const MANIFEST = 'manifest.json';
export const SIGNATURE = 'manifest.sig';

export type VerifyLimits = { maxEntryBytes: number; maxTotalBytes: number; maxRatio: number; maxManifestBytes: number };
export const DEFAULT_LIMITS: VerifyLimits = {
  maxEntryBytes: 32 * 2 ** 30,
  maxTotalBytes: 128 * 2 ** 30,
  // STORED files have ratio 1; our deflated JSON compresses ~10×. Above 100× is a bomb, not a ledger.
  maxRatio: 100,
  maxManifestBytes: 64 * 2 ** 20,
};

export type VerifyOptions = {
  /** Public keys the verifier trusts, by keyId (the installation's own plus pinned ones). */
  trusted: Map<string, string>;
  /** Courts pinned keys belong to (trust.ts): a package signed with one must name that court. */
  pinnedCourts?: Map<string, { code: string; name: string }>;
  /** Keys given by --trust or the trusted folder, each with the court it is bound to (trust.ts). */
  given?: Map<string, string | null>;
  /** Pinned keyIds by court code: a court with a pin is spoken for only by its pinned keys. */
  pinnedByCourt?: Map<string, string[]>;
  limits?: Partial<VerifyLimits>;
  signal?: AbortSignal;
  onProgress?: (doneBytes: number, totalBytes: number) => void;
};

export type VerifyReport = { ok: boolean; problems: Problem[]; manifest: Manifest | null; keyId: string | null; entries: Map<string, RawEntry> };

export async function verifyPackage(file: string, opts: VerifyOptions): Promise<VerifyReport> {
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const problems: Problem[] = [];
  const add = (code: string, message: string, path?: string) => problems.push({ code, message, ...(path !== undefined ? { path } : {}) });
  const entries = new Map<string, RawEntry>();
  const result = (manifest: Manifest | null, keyId: string | null): VerifyReport => ({ ok: problems.length === 0, problems, manifest, keyId, entries });

  let list: RawEntry[];
  try {
    list = await readCentralDirectory(file);
  } catch (e) {
    add('NOT_ZIP', `不是有效的 ZIP 上报包：${e instanceof Error ? e.message : String(e)}`);
    return result(null, null);
  }
  const fileSize = fs.statSync(file).size;

  // 1. Structure: judged from the central directory before reading any data.
  const unreadable = new Set<RawEntry>();
  const seen = new Map<string, string>();
  let total = 0;
  for (const e of list) {
    const bad = (code: string, message: string) => {
      add(code, message, e.name);
      unreadable.add(e);
    };
    if (e.badName) bad('BAD_NAME', `条目名不是 UTF-8 编码：「${e.name}」`);
    const why = unsafePathReason(e.name.replace(/\/$/, ''));
    if (why) bad('PATH_UNSAFE', `路径「${e.name}」${why}，已拒绝`);
    if (e.symlink) bad('SYMLINK', `「${e.name}」是符号链接，上报包中不允许`);
    else if (e.directory) bad('DIRECTORY', `「${e.name}」是目录条目，上报包中只应有文件`);
    if (e.encrypted) bad('ENCRYPTED', `「${e.name}」已加密，无法校验`);
    const key = e.name.normalize('NFC').toLowerCase();
    if (seen.has(key)) bad('DUPLICATE', `文件名重复：「${e.name}」与「${seen.get(key)}」`);
    else seen.set(key, e.name);
    total += e.usize;
    if (e.usize > limits.maxEntryBytes) bad('BOMB_SIZE', `「${e.name}」声明解压后 ${fmt(e.usize)}，超过单个文件上限 ${fmt(limits.maxEntryBytes)}，疑似压缩炸弹`);
    else if (e.usize > 2 ** 20 && (e.csize === 0 || e.usize / e.csize > limits.maxRatio))
      bad('BOMB_RATIO', `「${e.name}」压缩比 ${e.csize ? Math.round(e.usize / e.csize) : '∞'}:1 超过 ${limits.maxRatio}:1，疑似压缩炸弹`);
    if (e.method === 0 && e.csize !== e.usize) bad('SIZE_MISMATCH', `「${e.name}」未压缩存储，但声明的两种大小不一致`);
    if (!unreadable.has(e)) entries.set(e.name, e);
  }
  if (total > limits.maxTotalBytes) add('BOMB_TOTAL', `包内文件声明解压后共 ${fmt(total)}，超过上限 ${fmt(limits.maxTotalBytes)}，疑似压缩炸弹`);

  const fh = await fs.promises.open(file, 'r');
  try {
    // 2. Manifest.
    const mEntry = entries.get(MANIFEST);
    let manifestBytes: Buffer | null = null;
    let manifest: Manifest | null = null;
    if (!mEntry) add('MISSING_MANIFEST', '包中没有 manifest.json（清单），无法校验');
    else if (mEntry.usize > limits.maxManifestBytes) add('BOMB_SIZE', `manifest.json 声明 ${fmt(mEntry.usize)}，超过 ${fmt(limits.maxManifestBytes)}`, MANIFEST);
    else {
      try {
        manifestBytes = await readSmall(fh, mEntry, fileSize);
        const parsed = manifestSchema.safeParse(JSON.parse(manifestBytes.toString('utf8')));
        if (parsed.success) manifest = parsed.data;
        else
          for (const i of parsed.error.issues.slice(0, 20))
            add('MANIFEST_SCHEMA', `manifest.json 不符合清单格式：${i.path.length ? i.path.join('.') : '（根）'}：${i.message}`, MANIFEST);
      } catch (e) {
        add('MANIFEST_JSON', `manifest.json 不是有效的 JSON：${e instanceof Error ? e.message : String(e)}`, MANIFEST);
      }
    }

    // 3. Signature over the manifest's exact bytes.
    let keyId: string | null = null;
    const sEntry = entries.get(SIGNATURE);
    if (!sEntry) add('MISSING_SIGNATURE', '包中没有 manifest.sig（签名），无法确认来源');
    else {
      let sig: ReturnType<typeof signatureSchema.parse> | null = null;
      try {
        const parsed = signatureSchema.safeParse(JSON.parse((await readSmall(fh, sEntry, fileSize, 4096)).toString('utf8')));
        if (parsed.success) sig = parsed.data;
        else add('SIGNATURE_FORMAT', `manifest.sig 格式不正确：${parsed.error.issues[0]?.path.join('.')}：${parsed.error.issues[0]?.message}`, SIGNATURE);
      } catch (e) {
        add('SIGNATURE_FORMAT', `manifest.sig 无法读取：${e instanceof Error ? e.message : String(e)}`, SIGNATURE);
      }
      if (sig && manifestBytes) {
        keyId = sig.keyId;
        const pem = opts.trusted.get(sig.keyId);
        if (manifest && manifest.signer.keyId !== sig.keyId) add('SIGNER_MISMATCH', `签名所用密钥 ${sig.keyId} 与清单声明的 ${manifest.signer.keyId} 不一致`, SIGNATURE);
        if (!pem) {
          const embedded = manifest?.signer.publicKeyPem;
          const fp = manifest?.signer.fingerprint ?? '未知';
          if (embedded && safeKeyId(embedded) === sig.keyId && verifySignature(embedded, manifestBytes, sig.signature))
            add('KEY_UNTRUSTED', `签名有效，但密钥 ${sig.keyId}（指纹 ${fp}）未被信任：请与报送法院核对指纹后登记其公钥`, SIGNATURE);
          else add('KEY_UNKNOWN', `签名所用密钥 ${sig.keyId} 未登记，签名无法确认`, SIGNATURE);
        } else if (!verifySignature(pem, manifestBytes, sig.signature)) {
          add('SIGNATURE_INVALID', `签名与清单不符：manifest.json 被改动，或签名不是密钥 ${sig.keyId} 所签`, SIGNATURE);
        } else {
          const court = opts.pinnedCourts?.get(sig.keyId);
          const givenFor = opts.given?.has(sig.keyId) ? (opts.given.get(sig.keyId) ?? null) : undefined;
          const pinnedForCourt = manifest ? opts.pinnedByCourt?.get(manifest.court.code) : undefined;
          if (court && manifest && manifest.court.code !== court.code)
            add('COURT_MISMATCH', `签名密钥 ${sig.keyId} 登记为 ${court.name}（${court.code}）的公钥，但清单声明来自 ${manifest.court.name}（${manifest.court.code}）`, SIGNATURE);
          else if (givenFor !== undefined && manifest && pinnedForCourt?.length && !pinnedForCourt.includes(sig.keyId))
            // A key given on the command line or dropped in a folder never speaks for a court whose key is pinned (issue 12 §5).
            add('COURT_MISMATCH', `${manifest.court.name}（${manifest.court.code}）已登记签名公钥 ${pinnedForCourt.join('、')}，另外信任的密钥 ${sig.keyId} 不能代其签名`, SIGNATURE);
          else if (givenFor !== undefined && manifest && givenFor !== manifest.court.code)
            add(
              givenFor === null ? 'KEY_UNBOUND' : 'COURT_MISMATCH',
              givenFor === null
                ? `另外信任的密钥 ${sig.keyId} 没有指明属于哪个法院：请用 --trust 代字=公钥文件，或把文件命名为「代字.pem」放入信任目录`
                : `另外信任的密钥 ${sig.keyId} 是为 ${givenFor} 给出的，但清单声明来自 ${manifest.court.name}（${manifest.court.code}）`,
              SIGNATURE,
            );
        }
      }
    }

    // 4. Files: complete, nothing extra, every byte as declared.
    if (manifest) {
      const declared = new Set<string>();
      let todo = 0;
      for (const f of manifest.files) todo += f.size;
      let done = 0;
      for (const f of manifest.files) {
        if (declared.has(f.path)) add('MANIFEST_DUPLICATE', `清单中重复列出「${f.path}」`, f.path);
        declared.add(f.path);
        const why = unsafePathReason(f.path);
        if (why) {
          add('PATH_UNSAFE', `清单中的路径「${f.path}」${why}，已拒绝`, f.path);
          continue;
        }
        if (f.path === MANIFEST || f.path === SIGNATURE) {
          add('MANIFEST_SCHEMA', `清单不应列出「${f.path}」自身`, f.path);
          continue;
        }
        const e = entries.get(f.path);
        if (!e) {
          if (!list.some((x) => x.name === f.path)) add('MISSING_FILE', `缺少文件：清单列出的「${f.path}」不在包中`, f.path);
          continue;
        }
        if (e.usize !== f.size) {
          add('SIZE_MISMATCH', `「${f.path}」大小为 ${e.usize} 字节，清单记载 ${f.size} 字节`, f.path);
          continue;
        }
        try {
          const h = await hashEntry(fh, e, fileSize, (n) => {
            done += n;
            opts.onProgress?.(done, todo);
          }, opts.signal);
          if (h.sha256 !== f.sha256) add('HASH_MISMATCH', `「${f.path}」的 SHA-256 与清单不符，内容已被改动（实际 ${h.sha256.slice(0, 16)}…，清单 ${f.sha256.slice(0, 16)}…）`, f.path);
        } catch (err) {
          if (opts.signal?.aborted) throw err;
          add('ENTRY_CORRUPT', `「${f.path}」无法读取：${err instanceof Error ? err.message : String(err)}`, f.path);
        }
      }
      for (const name of entries.keys())
        if (name !== MANIFEST && name !== SIGNATURE && !declared.has(name)) add('EXTRA_FILE', `多出文件：「${name}」不在清单中`, name);
    }
    return result(manifest, keyId);
  } finally {
    await fh.close();
  }
}

async function readSmall(fh: fs.promises.FileHandle, e: RawEntry, fileSize: number, max = 64 * 2 ** 20): Promise<Buffer> {
  if (e.usize > max) throw new Error(`声明大小 ${e.usize} 字节过大`);
  const parts: Buffer[] = [];
  await readEntry(fh, e, fileSize, (c) => void parts.push(Buffer.from(c)));
  return Buffer.concat(parts);
}

function safeKeyId(pem: string): string | null {
  try {
    return keyIdOfPem(pem);
  } catch {
    return null;
  }
}

function fmt(n: number): string {
  if (n >= 2 ** 30) return `${(n / 2 ** 30).toFixed(1)} GB`;
  if (n >= 2 ** 20) return `${(n / 2 ** 20).toFixed(1)} MB`;
  return `${n} 字节`;
}
