import fs from 'node:fs';
import path from 'node:path';
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { writeFileAtomic } from '../../core/files/atomicWrite';
import { BureauConfigError, type BureauConfig } from './config';
import { certificateFingerprint } from './fingerprint';
import { makeSelfSignedCertificate, readKey } from './x509';

export type BureauCertificate = {
  cert: string;
  key: string;
  /** SHA-256 of the public key, colon hex: what workstations pin. */
  fingerprint: string;
  source: 'bureau' | 'administrator';
  certFile: string;
  validTo: string;
};

/** Two years: long enough not to bother a bureau, renewed automatically (same key, same fingerprint). */
const VALID_DAYS = 730;
const RENEW_BEFORE_MS = 30 * 86_400_000;

/**
 * The server's certificate: the administrator's when configured (checked: readable, key matches,
 * not expired), else the bureau certificate under `<data>/tls/`, made at the first start. It is
 * re-made under the SAME key when it nears expiry or does not name a configured host name, so the
 * fingerprint workstations pinned stays valid; the key file is readable by its owner only.
 */
export function bureauCertificate(dataDir: string, cfg: BureauConfig, now = new Date()): BureauCertificate {
  if (cfg.certFile && cfg.keyFile) return administratorCertificate(cfg.certFile, cfg.keyFile, now);
  const dir = path.join(dataDir, 'tls');
  const certFile = path.join(dir, 'bureau-cert.pem');
  const keyFile = path.join(dir, 'bureau-key.pem');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  let key = fs.existsSync(keyFile) ? fs.readFileSync(keyFile, 'utf8') : null;
  let cert = key && fs.existsSync(certFile) ? fs.readFileSync(certFile, 'utf8') : null;
  if (!key || !cert || needsRenewal(cert, cfg.hostNames, now)) {
    const made = makeSelfSignedCertificate({ commonName: cfg.hostNames[0]!, hostNames: uniq(['localhost', '127.0.0.1', ...cfg.hostNames]), days: VALID_DAYS, now, key: key ? readKey(key) : undefined });
    if (!key) writeFileAtomic(keyFile, made.keyPem, { mode: 0o600 });
    writeFileAtomic(certFile, made.certPem);
    key = made.keyPem;
    cert = made.certPem;
  }
  return { cert, key, fingerprint: certificateFingerprint(cert), source: 'bureau', certFile, validTo: new X509Certificate(cert).validTo };
}

function needsRenewal(certPem: string, hostNames: readonly string[], now: Date): boolean {
  try {
    const c = new X509Certificate(certPem);
    if (new Date(c.validTo).getTime() - now.getTime() < RENEW_BEFORE_MS) return true;
    return hostNames.some((h) => !(c.checkHost(h) || c.checkIP(h)));
  } catch {
    return true;
  }
}

function administratorCertificate(certFile: string, keyFile: string, now: Date): BureauCertificate {
  let cert: string;
  let key: string;
  try {
    cert = fs.readFileSync(certFile, 'utf8');
    key = fs.readFileSync(keyFile, 'utf8');
  } catch (e) {
    throw new BureauConfigError(`无法读取证书或私钥文件：${(e as Error).message}`);
  }
  let x: X509Certificate;
  try {
    x = new X509Certificate(cert);
  } catch {
    throw new BureauConfigError(`证书文件 ${certFile} 不是有效的 PEM 证书`);
  }
  let matches = false;
  try {
    matches = x.checkPrivateKey(createPrivateKey(key));
  } catch {
    throw new BureauConfigError(`私钥文件 ${keyFile} 不是有效的 PEM 私钥（不支持加密的私钥）`);
  }
  if (!matches) throw new BureauConfigError('私钥与证书不匹配：请确认 --cert 与 --key 是同一对');
  if (new Date(x.validTo).getTime() < now.getTime()) throw new BureauConfigError(`证书已于 ${x.validTo} 过期，请更换证书`);
  return { cert, key, fingerprint: certificateFingerprint(cert), source: 'administrator', certFile, validTo: x.validTo };
}

const uniq = (xs: string[]) => [...new Set(xs.map((x) => x.toLowerCase()))];
