import { resumeOcr } from '../core/efiles/text/ocrRunner';
import { openCore } from '../core/app';
import { resolveDataDir } from '../core/db/dataDir';
import { startServer } from './server';

/** Opens the data folder named in `argv` and serves browser mode on 127.0.0.1 (see main.ts). */
export async function startBrowserMode(argv: string[], rendererDir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const dataDir = resolveDataDir(argv);
  const app = openCore({ dataDir });
  // Pick up OCR work left queued by an earlier run (the queue is a table; see src/core/efiles/text).
  resumeOcr(app);
  // Weekly-report versions a killed run committed but did not file into the e-files (issue 12 §10);
  // loaded after start-up so no document library delays the first page.
  setTimeout(() => void import('../core/reports/efilesFiling').then((m) => m.fileUnfiledReports(app)).catch((e) => console.error('[xdesk] filing pending weekly reports', e)), 0);
  const pi = argv.indexOf('--port');
  const port = pi >= 0 ? Number(argv[pi + 1]) : Number(process.env.XDESK_PORT ?? 0);
  const server = await startServer({ app, rendererDir, port });
  return {
    url: server.url,
    close: async () => {
      await server.close();
      app.close();
    },
  };
}
