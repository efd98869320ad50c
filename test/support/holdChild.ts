import { openCore } from '../../src/core/app';

/** A host that holds a data folder open until it is killed (restore tests). */
const app = openCore({ dataDir: process.argv[2]! });
process.stdout.write('holding\n');
setInterval(() => app.sqlite.prepare('SELECT 1').get(), 1000);
