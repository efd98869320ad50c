import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { writeFileAtomic } from '../../core/files/atomicWrite';

/**
 * Where and how the bureau server listens. Kept in `<data>/bureau-server.json`, written at the
 * first start with what was used then, so the administrator edits one file (or passes flags, which
 * win for that run): `--listen ADDR --port N --host-name NAME[,NAME] --cert FILE --key FILE`.
 */
export type BureauConfig = {
  /** The address bound, e.g. 0.0.0.0 (every interface) or one LAN address. */
  listen: string;
  port: number;
  /** Names and addresses workstations use in the address bar: the Host header must be one of them. */
  hostNames: string[];
  /** An administrator's certificate and key (PEM); null → the bureau certificate made at first start. */
  certFile: string | null;
  keyFile: string | null;
};

export const CONFIG_FILE = 'bureau-server.json';
export const DEFAULT_PORT = 8443;

export class BureauConfigError extends Error {}

/** The names this machine is known by on the LAN: its host name and its IPv4 addresses. */
export function machineNames(): string[] {
  const ips = Object.values(os.networkInterfaces())
    .flat()
    .filter((a): a is os.NetworkInterfaceInfo => !!a && a.family === 'IPv4' && !a.internal)
    .map((a) => a.address);
  return [os.hostname().toLowerCase(), ...ips];
}

export function loadBureauConfig(dataDir: string, argv: readonly string[]): BureauConfig {
  const file = path.join(dataDir, CONFIG_FILE);
  let stored: Partial<BureauConfig> = {};
  const exists = fs.existsSync(file);
  if (exists) {
    try {
      stored = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<BureauConfig>;
    } catch {
      throw new BureauConfigError(`服务器配置文件 ${file} 不是有效的 JSON，请修正或删除后重新启动`);
    }
  }
  const flag = (name: string) => {
    const i = argv.indexOf(name);
    if (i >= 0) return argv[i + 1];
    return argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
  };
  const names = flag('--host-name');
  const cfg: BureauConfig = {
    listen: flag('--listen') ?? stored.listen ?? '0.0.0.0',
    port: Number(flag('--port') ?? stored.port ?? DEFAULT_PORT),
    hostNames: names !== undefined ? names.split(',').map((s) => s.trim()).filter(Boolean) : (stored.hostNames ?? machineNames()),
    certFile: flag('--cert') ?? stored.certFile ?? null,
    keyFile: flag('--key') ?? stored.keyFile ?? null,
  };
  validate(cfg);
  if (!exists) {
    fs.mkdirSync(dataDir, { recursive: true });
    writeFileAtomic(file, `${JSON.stringify(cfg, null, 2)}\n`);
  }
  return cfg;
}

const HOST_NAME = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;

function validate(c: BureauConfig): void {
  if (!net.isIP(c.listen)) throw new BureauConfigError(`监听地址「${c.listen}」无效：应为 IP 地址，如 0.0.0.0（所有网卡）或本机的局域网地址`);
  // 0 (any free port) is for tests on one machine.
  if (!Number.isInteger(c.port) || c.port < 0 || c.port > 65535) throw new BureauConfigError(`端口「${c.port}」无效：应为 1–65535 的整数`);
  if (!Array.isArray(c.hostNames) || c.hostNames.length === 0) throw new BureauConfigError('主机名（hostNames）不能为空：至少填写工作站访问本服务器所用的一个名称或 IP 地址');
  for (const h of c.hostNames) {
    if (typeof h !== 'string' || !(net.isIP(h) || HOST_NAME.test(h))) throw new BureauConfigError(`主机名「${String(h)}」无效：应为域名（如 xdesk.court.local）或 IP 地址`);
  }
  if (!c.certFile !== !c.keyFile) throw new BureauConfigError('证书（--cert）和私钥（--key）须同时提供');
}

/** What the Host header carries for a name: IPv6 addresses in brackets. */
export const hostHeaderName = (h: string): string => (net.isIPv6(h) ? `[${h.toLowerCase()}]` : h.toLowerCase());
