import fs from 'node:fs';
import path from 'node:path';
import { openCore } from '../../src/core/app';
import { dispatch } from '../../src/core/api/dispatch';
import { stageFile } from '../../src/core/files/uploads';

/**
 * Child process of the kill test (src/core/efiles/kill.test.ts): imports every file of a folder
 * into a case, one after another, printing a line after each, until its parent kills it.
 */
const [dataDir, srcDir, userId, caseId] = process.argv.slice(2);
const app = openCore({ dataDir: dataDir! });
app.sessions.bind('kill-test', Number(userId));
const user = { id: Number(userId) };
for (const f of fs.readdirSync(srcDir!).sort()) {
  const staged = await stageFile(app, user, 'efiles.import', path.join(srcDir!, f));
  const r = await dispatch(app, 'kill-test', 'efiles.import', { caseId: Number(caseId), uploadId: staged.uploadId, volume: '正卷' });
  process.stdout.write(`${r.ok ? 'imported' : 'failed'} ${f}\n`);
}
process.stdout.write('all done\n');
