import { resumeOcr } from '../../core/efiles/text/ocrRunner';
import { openCore } from '../../core/app';
import { resolveDataDir } from '../../core/db/dataDir';
import { startServer } from '../server';
import { loadBureauConfig, hostHeaderName, type BureauConfig } from './config';
import { bureauCertificate, type BureauCertificate } from './certificate';

export type RunningBureau = {
  /** Loopback address (for this machine and tests). */
  url: string;
  /** The addresses workstations open, one per configured host name. */
  urls: string[];
  certificate: BureauCertificate;
  config: BureauConfig;
  close: () => Promise<void>;
};

/**
 * The bureau server (`npm start -- --server`, `xdesk serve`): the same host as browser mode — one
 * data folder, the same dispatcher, cookie, CSRF and Origin rules — but over TLS on the configured
 * address, answering to the configured host names. The certificate's fingerprint is what
 * workstations pin (see electron/bureauConnection.ts).
 */
export async function startBureauServer(argv: readonly string[], rendererDir: string): Promise<RunningBureau> {
  const dataDir = resolveDataDir(argv);
  const config = loadBureauConfig(dataDir, argv);
  const certificate = bureauCertificate(dataDir, config);
  const app = openCore({ dataDir });
  resumeOcr(app);
  // Weekly-report versions a killed run committed but did not file into the e-files (issue 12 §10);
  // loaded after start-up so no document library delays the first page.
  setTimeout(() => void import('../../core/reports/efilesFiling').then((m) => m.fileUnfiledReports(app)).catch((e) => console.error('[xdesk] filing pending weekly reports', e)), 0);
  try {
    const server = await startServer({ app, rendererDir, host: config.listen, port: config.port, hostNames: config.hostNames, tls: { cert: certificate.cert, key: certificate.key } });
    return {
      url: server.url,
      urls: config.hostNames.map((h) => `https://${hostHeaderName(h)}:${server.port}/`),
      certificate,
      config,
      close: async () => {
        await server.close();
        app.close();
      },
    };
  } catch (e) {
    app.close();
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new Error(`端口 ${config.port} 已被占用：请关闭占用它的程序，或用 --port 换一个端口`);
    if (code === 'EADDRNOTAVAIL') throw new Error(`本机没有地址 ${config.listen}：请在 bureau-server.json 或 --listen 中填写本机的地址`);
    if (code === 'EACCES') throw new Error(`无权监听端口 ${config.port}：1024 以下的端口需要管理员权限，请换用 8443 等端口`);
    throw e;
  }
}
