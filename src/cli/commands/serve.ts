import type { Command } from 'commander';
import { resolveDataDir } from '../../core/db/dataDir';
import { BureauConfigError } from '../../server/bureau/config';
import { CliError, globals } from '../context';

/**
 * `xdesk serve`: the bureau server on the LAN (the same as `npm start -- --server`). Runs until
 * Ctrl+C; the options override `<data>/bureau-server.json` for this run (the file is written at the
 * first start with what was used).
 */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('启动局内服务器：工作站通过 HTTPS 连接本机数据（bureau server on the LAN, TLS）')
    .option('--listen <address>', '监听地址（默认 0.0.0.0，即所有网卡）')
    .option('--port <port>', '端口（默认 8443）')
    .option('--host-name <names>', '工作站使用的主机名或 IP，逗号分隔（默认：本机名和局域网地址）')
    .option('--cert <file>', '管理员提供的证书（PEM）；不提供则使用首次启动时生成的本局自签证书')
    .option('--key <file>', '与 --cert 配对的私钥（PEM）')
    .action(async (opts: Record<string, string | undefined>, cmd: Command) => {
      const o = globals(cmd);
      const argv = ['--data', resolveDataDir(o.data ? ['--data', o.data] : [])];
      for (const [flag, key] of [['--listen', 'listen'], ['--port', 'port'], ['--host-name', 'hostName'], ['--cert', 'cert'], ['--key', 'key']] as const) {
        if (opts[key] !== undefined) argv.push(flag, opts[key]!);
      }
      const { runBureauServer, bureauBanner } = await import('../../server/main');
      let running;
      try {
        running = await runBureauServer(argv);
      } catch (e) {
        throw new CliError(`局内服务器无法启动：${e instanceof BureauConfigError || e instanceof Error ? e.message : String(e)}`);
      }
      process.stdout.write(`${o.json ? JSON.stringify({ urls: running.urls, fingerprint: running.certificate.fingerprint }) : bureauBanner(running)}\n`);
      await new Promise<void>((resolve) => {
        const stop = () => void running.close().then(resolve);
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
