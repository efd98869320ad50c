import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { FILE_KIND_LABELS, SIGNER_TRUST_LABELS } from '../../contract/calls/exchange';
import { exportPackage } from '../../core/exchange/exportPackage';
import { listKeys, publicKeyPem, rotateSigningKey } from '../../core/exchange/keys';
import { verifyPackage } from '../../core/exchange/verify';
import { parseTrustArg, signerOf, trustSet, verifyTrust } from '../../core/exchange/trust';
import { stageFile } from '../../core/files/uploads';
import { readCentralDirectory, readEntry } from '../../core/exchange/zipEntries';
import { exportInput } from '../../contract/calls/exchange';
import { formatZodError } from '../../contract';
import { appendAudit } from '../../core/audit/audit';
import { callAsCli, CliError, cliPrincipal, output, withApp } from '../context';

/**
 * Upward packages from the command line:
 *   export upward --week 2025-W10 [--from D --to D] [--cases 案号,…] [--documents] [--no-volumes] [--secondary] --out FILE
 *   verify FILE [--trust KEY.pem …] [--json]        exits 3 when the package is rejected
 *   open FILE [--out DIR]                            verify, then list (and optionally copy out) the contents read-only
 *   key export [--key-id ID] [--out FILE] · key rotate
 *   key pin KEY.pem --court 代字 --fingerprint HEX · key pins · key unpin KEYID --reason 原因   (other courts' keys, as the UI's 签名密钥 tab)
 * Export runs the same core function the UI's job runs (same checks, history and audit), in the foreground with progress on stderr.
 */
export function registerExchange(program: Command): void {
  const exp = program.commands.find((c) => c.name() === 'export') ?? program.command('export').description('导出（export）');
  exp
    .command('upward')
    .description('导出向中院报送的上报包（签名的 .zip）')
    .option('--week <week>', '周次，如 2025-W10')
    .option('--from <date>', '起始日期 YYYY-MM-DD（与 --to 一起使用，代替 --week）')
    .option('--to <date>', '截止日期 YYYY-MM-DD')
    .option('--cases <list>', '随包报送的案件案号，逗号分隔', '')
    .option('--documents', '包含逐份卷宗文件')
    .option('--no-volumes', '不包含装订好的正卷 PDF')
    .option('--secondary', '明确包含副卷（会记入审计日志）')
    .requiredOption('--out <file>', '上报包保存位置')
    .action(async (opts: { week?: string; from?: string; to?: string; cases: string; documents?: boolean; volumes: boolean; secondary?: boolean; out: string }, cmd: Command) =>
      withApp(cmd, async (app, o) => {
        const parsed = exportInput.safeParse({
          week: opts.week, from: opts.from, to: opts.to,
          cases: opts.cases.split(/[,，]/).map((s) => s.trim()).filter(Boolean),
          includeVolumes: opts.volumes && opts.cases.length > 0, includeDocuments: !!opts.documents, includeSecondary: !!opts.secondary,
        });
        if (!parsed.success) throw new CliError(formatZodError(parsed.error).message);
        const out = path.resolve(opts.out);
        const abort = new AbortController();
        const onSig = () => abort.abort();
        process.once('SIGINT', onSig);
        let last = 0;
        try {
          const r = await exportPackage(app, cliPrincipal(), parsed.data, out, {
            signal: abort.signal,
            call: 'cli export upward',
            onProgress: (p) => {
              if (o.json || Date.now() - last < 500) return;
              last = Date.now();
              const pct = p.totalBytes ? ` ${Math.floor((100 * p.doneBytes) / p.totalBytes)}%` : '';
              process.stderr.write(`${p.step}${pct}\r`);
            },
          });
          output(o, { file: out, exportId: r.exportId, revision: r.revision, files: r.files, size: r.size, sha256: r.sha256 }, () =>
            `已导出上报包 ${out}\n第 ${r.revision} 版，${r.files} 个文件，${r.size} 字节\nSHA-256 ${r.sha256}`,
          );
        } finally {
          process.off('SIGINT', onSig);
        }
      }),
    );

  program
    .command('verify <file>')
    .description('校验上报包：签名、每个文件的 SHA-256、文件是否缺失或多出、路径是否越界')
    .option('--trust <pem...>', '另外信任的签名公钥，写作 代字=PEM 文件（如 鄂0581=宜都.pem）：只为该法院作证，且该法院已登记公钥时不作数')
    .action(async (file: string, opts: { trust?: string[] }, cmd: Command) =>
      withApp(cmd, async (app, o) => {
        const pems = givenKeys(opts.trust);
        const trust = trustSet(app, pems);
        const r = await verifyPackage(path.resolve(file), verifyTrust(trust));
        const m = r.manifest;
        const signer = signerOf(trust, r);
        output(o, { ok: r.ok, keyId: r.keyId, signer, problems: r.problems, manifest: m }, () =>
          r.ok
            ? `校验通过：${m!.court.name}（${m!.court.code}）${m!.period.week ?? `${m!.period.from}至${m!.period.to}`} 第${m!.revision}版，${m!.files.length} 个文件，签名密钥 ${r.keyId}（${signerText(signer)}）`
            : [`校验未通过，共 ${r.problems.length} 个问题：`, ...r.problems.map((p) => `  - [${p.code}] ${p.message}`)].join('\n'),
        );
        if (!r.ok) process.exitCode = 3;
      }),
    );

  program
    .command('open <file>')
    .description('校验后以只读方式查看上报包内容（周报、台账、卷宗）；--out 把文件复制到一个新目录')
    .option('--trust <pem...>', '另外信任的签名公钥，写作 代字=PEM 文件')
    .option('--out <dir>', '把包内文件复制到此目录（必须不存在或为空）')
    .action(async (file: string, opts: { trust?: string[]; out?: string }, cmd: Command) =>
      withApp(cmd, async (app, o) => {
        const zip = path.resolve(file);
        const pems = givenKeys(opts.trust);
        const trust = trustSet(app, pems);
        const r = await verifyPackage(zip, verifyTrust(trust));
        if (!r.ok || !r.manifest) {
          output(o, { ok: false, problems: r.problems }, () => [`校验未通过，不能打开：`, ...r.problems.map((p) => `  - [${p.code}] ${p.message}`)].join('\n'));
          process.exitCode = 3;
          return;
        }
        const m = r.manifest;
        if (opts.out) await copyAll(zip, m.files.map((f) => f.path), path.resolve(opts.out));
        app.sqlite.transaction(() =>
          appendAudit(app, { userId: null, userName: cliPrincipal().displayName, call: 'cli open', recordType: 'exchange_view', recordId: m.packageId, summary: `命令行打开上报包 ${m.court.name} ${m.period.week ?? m.period.from} 第${m.revision}版${m.includesSecondary ? '（含副卷）' : ''}` }),
        )();
        output(o, { ok: true, manifest: m, copiedTo: opts.out ?? null }, () =>
          [
            `${m.court.name}（${m.court.code}） 上报包 ${m.period.week ?? `${m.period.from}至${m.period.to}`} 第${m.revision}版`,
            `导出：${m.exportedBy.name}（${m.exportedBy.role}） ${m.exportedAt}${m.includesSecondary ? ' · 含副卷' : ''}`,
            ...m.files.map((f) => `  [${FILE_KIND_LABELS[f.kind]}] ${f.path}  ${f.size} 字节${f.section ? `  ${f.section}` : ''}`),
            opts.out ? `已复制到 ${path.resolve(opts.out)}（只读）` : '',
          ].filter(Boolean).join('\n'),
        );
      }),
    );

  const key = program.command('key').description('上报包签名密钥');
  key
    .command('export')
    .description('导出签名公钥（PEM）及指纹，供中院登记')
    .option('--key-id <id>', '导出指定的（旧）密钥，默认当前密钥')
    .option('--out <file>', '保存到文件（默认打印）')
    .action(async (opts: { keyId?: string; out?: string }, cmd: Command) =>
      withApp(cmd, async (app, o) => {
        const keys = listKeys(app);
        const k = opts.keyId ? keys.find((x) => x.keyId === opts.keyId) : keys.find((x) => x.current);
        if (!k) throw new CliError(`没有编号为 ${opts.keyId} 的签名密钥`);
        const pem = publicKeyPem(app, k.keyId);
        if (opts.out) fs.writeFileSync(path.resolve(opts.out), pem);
        output(o, { ...k, pem }, () => `${opts.out ? `已保存到 ${path.resolve(opts.out)}\n` : pem}密钥编号 ${k.keyId}\n指纹（SHA-256）${k.fingerprint.replace(/(.{4})/g, '$1 ').trim()}`);
      }),
    );
  key
    .command('rotate')
    .description('更换签名密钥（旧公钥保留，旧上报包仍可校验）')
    .action(async (_opts: unknown, cmd: Command) =>
      withApp(cmd, async (app, o) => {
        const k = rotateSigningKey(app);
        app.sqlite.transaction(() =>
          appendAudit(app, { userId: null, userName: cliPrincipal().displayName, call: 'cli key rotate', recordType: 'exchange_key', recordId: k.keyId, summary: `更换上报包签名密钥，新密钥 ${k.keyId}` }),
        )();
        output(o, k, () => `已更换签名密钥：新密钥 ${k.keyId}\n指纹 ${k.fingerprint}\n旧公钥已保留。`);
      }),
    );
  key
    .command('pin <pem>')
    .description('登记其他法院的签名公钥（先与对方核对指纹）；之后该法院的上报包可校验通过')
    .requiredOption('--court <code>', '报送法院代字（须在法院名录中），如 鄂0506')
    .requiredOption('--fingerprint <hex>', '与报送法院核对过的公钥指纹（SHA-256，64 位十六进制，可含空格）')
    .action(async (pem: string, opts: { court: string; fingerprint: string }, cmd: Command) =>
      withApp(cmd, async (app, o) => {
        const staged = await stageFile(app, cliPrincipal(), 'exchange.trust.pin', path.resolve(pem));
        const k = await callAsCli(app, 'exchange.trust.pin', { uploadId: staged.uploadId, courtCode: opts.court, fingerprint: opts.fingerprint.replace(/\s+/g, '').toLowerCase() });
        output(o, k, () => `已登记 ${k.courtName}（${k.courtCode}）的签名公钥 ${k.keyId}\n指纹 ${grouped(k.fingerprint)}`);
      }),
    );
  key
    .command('pins')
    .description('列出已登记的其他法院签名公钥')
    .action(async (_opts: unknown, cmd: Command) =>
      withApp(cmd, async (app, o) => {
        const { keys } = await callAsCli(app, 'exchange.trust.list', {});
        output(o, keys, () => (keys.length ? keys.map((k) => `${k.keyId}\t${k.courtCode}\t${k.courtName}\t${k.pinnedAt}\t${k.pinnedBy}\n  指纹 ${grouped(k.fingerprint)}`).join('\n') : '（尚未登记其他法院的公钥）'));
      }),
    );
  key
    .command('unpin <keyId>')
    .description('撤销登记的其他法院签名公钥（记入审计日志）')
    .requiredOption('--reason <text>', '撤销原因')
    .action(async (keyId: string, opts: { reason: string }, cmd: Command) =>
      withApp(cmd, async (app, o) => {
        await callAsCli(app, 'exchange.trust.remove', { keyId, reason: opts.reason });
        output(o, { done: true, keyId }, () => `已撤销登记公钥 ${keyId}`);
      }),
    );
}

const grouped = (fp: string) => fp.replace(/(.{4})/g, '$1 ').trim();

function signerText(s: ReturnType<typeof signerOf>): string {
  if (!s) return '无签名';
  return s.pinned ? `已登记为 ${s.pinned.courtName}（${s.pinned.courtCode}）的公钥` : SIGNER_TRUST_LABELS[s.trust];
}

/** Copies verified entries into a new folder under names from the manifest (already checked safe), read-only. */
async function copyAll(zip: string, names: string[], dir: string): Promise<void> {
  if (fs.existsSync(dir) && fs.readdirSync(dir).length) throw new CliError(`目录 ${dir} 不是空的`);
  const list = await readCentralDirectory(zip);
  const fh = await fs.promises.open(zip, 'r');
  const size = (await fh.stat()).size;
  try {
    for (const name of names) {
      const e = list.find((x) => x.name === name)!;
      const target = path.join(dir, ...name.split('/'));
      if (!target.startsWith(dir + path.sep)) throw new CliError(`路径越界：${name}`);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      const out = await fs.promises.open(target, 'wx', 0o444);
      try {
        await readEntry(fh, e, size, async (c) => void (await out.write(c)));
      } finally {
        await out.close();
      }
    }
  } finally {
    await fh.close();
  }
}

/** --trust 代字=FILE (or a bare FILE, which then vouches for no court: trust.ts). */
function givenKeys(args: string[] | undefined): { pem: string; courtCode: string | null }[] {
  return (args ?? []).map((a) => {
    const { courtCode, file } = parseTrustArg(a);
    return { pem: fs.readFileSync(path.resolve(file), 'utf8'), courtCode };
  });
}
