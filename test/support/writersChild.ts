import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { openCore } from '../../src/core/app';
import { dispatch } from '../../src/core/api/dispatch';
import { stageFile } from '../../src/core/files/uploads';
import { cliPrincipal } from '../../src/cli/context';
import { startServer } from '../../src/server/server';
import { generatedLedger } from './ledgerWorkbooks';
import { httpRequest } from './http';
import { textPdf } from './efiles';

/**
 * One writer of the concurrent-writers test (test/security/concurrentWriters.test.ts): a separate
 * process with its own connection to the data folder, writing for `ms` milliseconds as
 *   import <year>           — the CLI's import-ledger (stage the workbook, ledger.import.commit as the CLI principal), a new year each round
 *   efile <userId> <caseId> — efiles.import of fresh PDFs into one case
 *   http <user> <pw> <caseId> <n> — browser mode: its own server, n clients adding progress entries over HTTP
 * and printing one line `RESULT {ok, failed, errors}` at the end. A failed write is any refused call.
 */
const [mode, dataDir, msArg, ...rest] = process.argv.slice(2);
const until = Date.now() + Number(msArg);
const app = openCore({ dataDir: dataDir! });
const errors: string[] = [];
let ok = 0;
const record = (r: { ok: boolean; error?: { message: string } }) => {
  if (r.ok) ok++;
  else errors.push(r.error!.message);
};
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'xdesk-writer-'));

try {
  if (mode === 'import') {
    for (let year = Number(rest[0]); Date.now() < until; year++) {
      const file = path.join(scratch, `台账${year}.xlsx`);
      fs.writeFileSync(file, await generatedLedger(60, { year }));
      const staged = await stageFile(app, cliPrincipal(), 'ledger.import.preview', file);
      record(await dispatch(app, 'cli', 'ledger.import.commit', { uploadId: staged.uploadId }, { principal: cliPrincipal() }));
    }
  } else if (mode === 'efile') {
    const [userId, caseId] = rest.map(Number);
    app.sessions.bind('writer', userId!);
    for (let n = 0; Date.now() < until; n++) {
      const file = path.join(scratch, `文书${n}.pdf`);
      fs.writeFileSync(file, textPdf([[`执行笔录 ${n} ${randomBytes(8).toString('hex')}`]]));
      const staged = await stageFile(app, { id: userId! }, 'efiles.import', file);
      record(await dispatch(app, 'writer', 'efiles.import', { caseId: caseId!, uploadId: staged.uploadId, volume: '正卷' }));
    }
  } else if (mode === 'http') {
    const [username, password, caseIdArg, clientsArg] = rest;
    const server = await startServer({ app, rendererDir: scratch });
    const origin = `http://127.0.0.1:${server.port}`;
    const post = async (cookie: string, csrf: string, name: string, body: unknown) => {
      const r = await httpRequest(server.port, `/api/call/${name}`, {
        method: 'POST',
        headers: { Cookie: cookie, 'X-CSRF-Token': csrf, Origin: origin, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      return Object.assign(JSON.parse(r.body.toString('utf8')) as { ok: boolean; error?: { message: string } }, { headers: r.headers });
    };
    const client = async (k: number) => {
      const c = await httpRequest(server.port, '/api/csrf');
      const cookie = String(c.headers['set-cookie']).split(';')[0]!;
      const csrf = (JSON.parse(c.body.toString('utf8')) as { value: { csrf: string } }).value.csrf;
      const login = await post(cookie, csrf, 'auth.login', { username, password });
      if (!login.ok) throw new Error(`login: ${login.error?.message}`);
      // Signing in issues a new session id and CSRF token (src/server/server.ts, issue 12 §3).
      const signedIn = String(login.headers['set-cookie']).split(';')[0]!;
      const token = String(login.headers['x-xdesk-csrf']);
      for (let n = 0; Date.now() < until; n++) {
        record(await post(signedIn, token, 'ledger.edit.addProgress', { caseId: Number(caseIdArg), onDate: '2025-06-01', measures: ['网络查控'], text: `客户端${k} 第${n}次` }));
      }
    };
    await Promise.all(Array.from({ length: Number(clientsArg) }, (_, k) => client(k)));
    await server.close();
  } else throw new Error(`unknown mode ${mode}`);
} finally {
  app.close();
  fs.rmSync(scratch, { recursive: true, force: true });
}
process.stdout.write(`RESULT ${JSON.stringify({ ok, failed: errors.length, errors: [...new Set(errors)].slice(0, 5) })}\n`);
