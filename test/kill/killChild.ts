import { openCore } from '../../src/core/app';
import { runOp, type Op } from './ops';

/** One host running one operation until the harness kills it (or it ends: prints `done`). */
const [op, dataDir, work] = process.argv.slice(2);
const app = openCore({ dataDir: dataDir! });
process.stdout.write('begin\n');
await runOp(app, op as Op, work!);
app.close();
process.stdout.write('done\n');
