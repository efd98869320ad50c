import fs from 'node:fs';
import path from 'node:path';
import { createHash, generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { writeZip } from '../../src/core/exchange/zipWrite';
import { verifyPackage } from '../../src/core/exchange/verify';
import { fingerprintOf } from '../../src/core/exchange/keys';

/**
 * Child process of exchange.bench.ts (so its peak RSS is the package writer's alone):
 *   write <srcDir> <out.zip>  — stream every file into a signed package, as an export does
 *   verify <out.zip>          — full verification
 * Prints one JSON line: { ms, bytes, maxRssBytes }.
 */
const [mode, a, b] = process.argv.slice(2);
const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const fp = fingerprintOf(publicKey);
const pem = publicKey.export({ type: 'spki', format: 'pem' }) as string;
const t0 = performance.now();
let bytes = 0;
if (mode === 'write') {
  const files = fs.readdirSync(a!).sort();
  const r = await writeZip(b!, files.map((f) => ({ name: `鄂0505/案件/(2025)鄂0505执1号/正卷/${f}`, data: { file: path.join(a!, f) } })), {
    finish: (written) => {
      const manifest = {
        format: 'xdesk.upward-package', version: 1, packageId: randomUUID(), court: { code: '鄂0505', name: '宜昌市猇亭区人民法院' },
        period: { kind: 'week', week: '2025-W10', from: '2025-03-03', to: '2025-03-09' }, revision: 1, exportedAt: new Date().toISOString(),
        exportedBy: { name: 'bench', role: '管理员' }, signer: { algorithm: 'Ed25519', keyId: fp.slice(0, 16), fingerprint: fp, publicKeyPem: pem }, includesSecondary: false,
        files: written.map((w) => ({ path: w.name, size: w.size, sha256: w.sha256, kind: 'document', format: 'pdf', title: w.name })),
      };
      const mb = Buffer.from(JSON.stringify(manifest));
      const sig = { format: 'xdesk.signature', version: 1, signs: 'manifest.json', algorithm: 'Ed25519', keyId: fp.slice(0, 16), signature: sign(null, mb, privateKey).toString('base64') };
      fs.writeFileSync(b! + '.pem', pem);
      return [{ name: 'manifest.json', data: { buffer: mb }, deflate: true }, { name: 'manifest.sig', data: { buffer: Buffer.from(JSON.stringify(sig)) } }];
    },
  });
  bytes = r.size;
} else {
  const p = fs.readFileSync(a! + '.pem', 'utf8');
  const trusted = new Map([[createHash('sha256').update(Buffer.from(p.replace(/-----[^-]+-----|\s/g, ''), 'base64')).digest('hex').slice(0, 16), p]]);
  const r = await verifyPackage(a!, { trusted });
  if (!r.ok) throw new Error(JSON.stringify(r.problems.slice(0, 3)));
  bytes = r.manifest!.files.reduce((n, f) => n + f.size, 0);
}
console.log(JSON.stringify({ ms: performance.now() - t0, bytes, maxRssBytes: process.resourceUsage().maxRSS * 1024 }));
